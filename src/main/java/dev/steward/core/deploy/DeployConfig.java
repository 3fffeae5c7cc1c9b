package dev.steward.core.deploy;

import java.util.List;
import java.util.Map;

/**
 * A service's {@code deploy:} section. {@code analyses} are the templates written in the section itself (merged with
 * the stack's and the preset's when a plan is made); {@code environments} the ones this service deploys to, empty for
 * all of the stack's; {@code announceTo} the receivers of the Alertmanager configuration told of each deployment's
 * start, steps and outcome ({@code announce.receivers}), empty for none.
 */
public record DeployConfig(
        ProviderSpec provider,
        Strategy strategy,
        Gates gates,
        Map<String, AnalysisTemplate> analyses,
        List<String> environments,
        List<String> announceTo) {
    public DeployConfig {
        analyses = Map.copyOf(analyses);
        environments = List.copyOf(environments);
        announceTo = List.copyOf(announceTo);
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
