package dev.steward.core.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A service's {@code deploy:} section. {@code analyses} are the templates written in the section itself (merged with
 * the stack's and the preset's when a plan is made); {@code environments} the ones this service deploys to, empty for
 * all of the stack's; {@code announceTo} the receivers of the Alertmanager configuration told of each deployment's
 * start, steps and outcome ({@code announce.receivers}), empty for none; {@code announceAhead} how long before its start
 * a scheduled deployment is announced to them ({@code announce.ahead}, {@link #ANNOUNCE_AHEAD} unless set; zero for
 * no advance notice).
 */
public record DeployConfig(
        ProviderSpec provider,
        Strategy strategy,
        Gates gates,
        Map<String, AnalysisTemplate> analyses,
        List<String> environments,
        List<String> announceTo,
        Duration announceAhead) {
    /** The default of {@code announce.ahead}. */
    public static final Duration ANNOUNCE_AHEAD = Duration.ofMinutes(30);

    public DeployConfig {
        analyses = Map.copyOf(analyses);
        environments = List.copyOf(environments);
        announceTo = List.copyOf(announceTo);
        if (announceAhead.isNegative()) {
            throw new IllegalArgumentException("announce ahead must not be negative: " + announceAhead);
        }
    }

    /** A section whose scheduled deployments are announced {@link #ANNOUNCE_AHEAD} before they start. */
    public DeployConfig(
            ProviderSpec provider,
            Strategy strategy,
            Gates gates,
            Map<String, AnalysisTemplate> analyses,
            List<String> environments,
            List<String> announceTo) {
        this(provider, strategy, gates, analyses, environments, announceTo, ANNOUNCE_AHEAD);
    }

    /** A section that announces nothing. */
    public DeployConfig(
            ProviderSpec provider,
            Strategy strategy,
            Gates gates,
            Map<String, AnalysisTemplate> analyses,
            List<String> environments) {
        this(provider, strategy, gates, analyses, environments, List.of());
    }
}
