package dev.steward.core.rule.checkalert;

import dev.steward.core.config.CheckConfig;
import dev.steward.core.rule.AlertingRule;
import dev.steward.core.rule.Rule;
import dev.steward.core.rule.RuleGroup;
import dev.steward.core.rule.template.Template;
import dev.steward.core.rule.template.TemplateParse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The alert Steward defines for every check: {@code StewardCheckDown}, on {@code steward_check_up == 0} for that check
 * (the series {@link dev.steward.core.check.ProbeSeries} writes, labelled stack/service/check). {@code for} is zero
 * because the check state already confirms a failure ({@code fail_after} consecutive failures) before the series goes
 * to 0; the severity is {@code critical} unless told otherwise; the annotations name the check and its target.
 */
public final class CheckAlerts {
    public static final String ALERT_NAME = "StewardCheckDown";
    public static final String GROUP_NAME = "steward-checks";
    public static final String DEFAULT_SEVERITY = "critical";

    private CheckAlerts() {}

    /** The alerting rule of one check. */
    public static AlertingRule rule(String stack, CheckConfig check, String severity) {
        String expr = "steward_check_up{stack=" + promString(stack) + ",service=" + promString(check.service())
                + ",check=" + promString(check.name()) + "} == 0";
        String what = check.service() + "/" + check.name();
        String summary = "Check " + what + " is down";
        String description = "Check " + what + " (" + check.probe().type() + " "
                + check.probe().target() + ") failed " + check.failAfter() + " probes in a row and is DOWN.";
        return AlertingRule.of(
                ALERT_NAME,
                expr,
                Duration.ZERO,
                Duration.ZERO,
                Map.of("severity", Template.literal(severity)),
                Map.of("summary", text(summary), "description", text(description)));
    }

    /**
     * The group of built-in alerts of the checks whose {@code alert} is on (the stack file's {@code alert: false} turns
     * a check's off), evaluated every {@code interval}.
     */
    public static RuleGroup group(String stack, String file, List<CheckConfig> checks, Duration interval) {
        return group(stack, file, checks, CheckConfig::alert, interval);
    }

    /**
     * The group of built-in alerts of {@code checks} that {@code enabled} accepts, evaluated every {@code interval};
     * {@code file} names where the checks were defined (the stack file).
     */
    public static RuleGroup group(
            String stack, String file, List<CheckConfig> checks, Predicate<CheckConfig> enabled, Duration interval) {
        List<Rule> rules = checks.stream()
                .filter(enabled)
                .map(c -> (Rule) rule(stack, c, DEFAULT_SEVERITY))
                .toList();
        return new RuleGroup(GROUP_NAME, file, interval, 0, Duration.ZERO, Map.of(), rules);
    }

    /** A template that renders {@code text} as is, whatever braces it holds. */
    private static Template text(String text) {
        if (!text.contains("{{")) {
            return Template.literal(text);
        }
        TemplateParse p = Template.parse("{{ " + goString(text) + " }}");
        return ((TemplateParse.Parsed) p).template();
    }

    private static String goString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String promString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
