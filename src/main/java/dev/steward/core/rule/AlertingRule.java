package dev.steward.core.rule;

import dev.steward.core.rule.template.Template;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code alert: NAME, expr: EXPR, for, keep_firing_for, labels, annotations}, plus Steward's {@code resolve_when} and
 * {@code fire_after}. Label values and annotations are templates, rendered for each alert.
 *
 * @param holdFor {@code for}: how long the expression must keep returning an alert before it fires (zero: at once)
 * @param keepFiringFor how long a firing alert keeps firing after its expression stopped returning it
 * @param resolveWhen Steward: a firing alert whose expression stopped returning it resolves only once this expression
 *     returns an element whose labels all match the alert's series labels (hysteresis)
 * @param fireAfter Steward: m-of-n confirmation before a pending alert fires
 */
public record AlertingRule(
        String alert,
        String expr,
        Duration holdFor,
        Duration keepFiringFor,
        Map<String, Template> labels,
        Map<String, Template> annotations,
        Optional<String> resolveWhen,
        Optional<FireAfter> fireAfter)
        implements Rule {

    public AlertingRule {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        if (holdFor.isNegative() || keepFiringFor.isNegative()) {
            throw new IllegalArgumentException("for and keep_firing_for cannot be negative");
        }
    }

    /** A Prometheus alerting rule: no Steward extension. */
    public static AlertingRule of(
            String alert,
            String expr,
            Duration holdFor,
            Duration keepFiringFor,
            Map<String, Template> labels,
            Map<String, Template> annotations) {
        return new AlertingRule(
                alert, expr, holdFor, keepFiringFor, labels, annotations, Optional.empty(), Optional.empty());
    }

    @Override
    public String name() {
        return alert;
    }
}
