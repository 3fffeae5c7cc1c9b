package dev.steward.core.rule;

import dev.steward.core.rule.AlertTransitions.Candidate;
import dev.steward.core.rule.template.Template;
import dev.steward.core.rule.template.TemplateData;
import dev.steward.core.rule.template.TemplateQuery;
import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** One alerting rule at one instant: query, render labels and annotations, advance the alerts, write ALERTS. */
final class AlertingRuleEvaluator {
    static final String ALERTS = "ALERTS";
    static final String ALERTS_FOR_STATE = "ALERTS_FOR_STATE";

    /** Data for rules whose templates are all literal text: they render without looking at it. */
    private static final TemplateData NO_DATA = TemplateData.of(Map.of(), 0);

    private final Map<String, String> externalLabels;
    private final String externalUrl;

    AlertingRuleEvaluator(Map<String, String> externalLabels, String externalUrl) {
        this.externalLabels = externalLabels;
        this.externalUrl = externalUrl;
    }

    record Outcome(
            AlertingRuleState state, List<AlertEvent> events, List<RuleSample> samples, Optional<String> error) {}

    Outcome evaluate(
            AlertingRule rule,
            AlertingRuleState previous,
            int limit,
            Instant ts,
            Instant queryAt,
            RuleQuery query,
            boolean writeSeries) {
        QueryOutcome result = query.instant(rule.expr(), queryAt);
        if (result instanceof QueryOutcome.Failed f) {
            return new Outcome(previous, List.of(), List.of(), Optional.of(f.message()));
        }
        Map<Labels, Candidate> current = new LinkedHashMap<>();
        TemplateQuery templateQuery = templateQuery(query, ts);
        for (QueryOutcome.Element e : result.asVector()) {
            Candidate c = candidate(rule, e, templateQuery);
            if (current.putIfAbsent(c.labels(), c) != null) {
                return new Outcome(
                        previous,
                        List.of(),
                        List.of(),
                        Optional.of("vector contains metrics with the same labelset after applying alert labels: "
                                + c.labels()));
            }
        }
        ResolveWhen resolveWhen = new ResolveWhen(rule, queryAt, query);
        AlertTransitions.Step step = AlertTransitions.advance(rule, previous, current, ts, resolveWhen);
        long active =
                step.state().alerts().values().stream().filter(Alert::isActive).count();
        if (limit > 0 && active > limit) {
            return new Outcome(
                    AlertingRuleState.EMPTY,
                    List.of(),
                    List.of(),
                    Optional.of("exceeded limit of " + limit + " with " + active + " alerts"));
        }
        List<RuleSample> samples = writeSeries ? series(step.state(), queryAt) : List.of();
        return new Outcome(step.state(), step.events(), samples, resolveWhen.error);
    }

    /** The templates' {@code query}: an instant query at the evaluation's time, as Prometheus runs it. */
    private static TemplateQuery templateQuery(RuleQuery query, Instant ts) {
        return expr -> switch (query.instant(expr, ts)) {
            case QueryOutcome.Failed f -> new TemplateQuery.Result.Failed(f.message());
            case QueryOutcome o ->
                new TemplateQuery.Result.Samples(o.asVector().stream()
                        .map(e -> new TemplateQuery.Sample(e.labels().toMap(), e.value()))
                        .toList());
        };
    }

    private Candidate candidate(AlertingRule rule, QueryOutcome.Element e, TemplateQuery templateQuery) {
        boolean literal = rule.labels().values().stream().allMatch(Template::isLiteral)
                && rule.annotations().values().stream().allMatch(Template::isLiteral);
        TemplateData data = literal
                ? NO_DATA
                : new TemplateData(e.labels().toMap(), e.value(), externalLabels, externalUrl, templateQuery);
        Labels series = e.labels().without(Labels.METRIC_NAME);
        Labels.Builder b = series.toBuilder();
        rule.labels().forEach((name, t) -> b.add(name, t.render(data)));
        b.add("alertname", rule.alert());
        Map<String, String> annotations = new LinkedHashMap<>();
        for (Map.Entry<String, Template> a : rule.annotations().entrySet()) {
            annotations.put(a.getKey(), a.getValue().render(data));
        }
        return new Candidate(b.build(), series, annotations, e.value());
    }

    /** {@code ALERTS{alertstate=...} 1} and {@code ALERTS_FOR_STATE} (activeAt in Unix seconds) per active alert. */
    private static List<RuleSample> series(AlertingRuleState state, Instant at) {
        List<RuleSample> out = new ArrayList<>();
        for (Alert a : state.active()) {
            Labels alerts = a.labels().toBuilder()
                    .add(Labels.METRIC_NAME, ALERTS)
                    .add("alertstate", a.state().label())
                    .build();
            out.add(new RuleSample(alerts, at.toEpochMilli(), 1));
            Labels forState = a.labels().toBuilder()
                    .add(Labels.METRIC_NAME, ALERTS_FOR_STATE)
                    .build();
            out.add(new RuleSample(
                    forState, at.toEpochMilli(), a.state().activeAt().getEpochSecond()));
        }
        return out;
    }

    /**
     * Steward's {@code resolve_when}, queried at most once per evaluation and only when a firing alert is no longer
     * returned. An alert may resolve when an element of the result has only labels that the alert's series has, with
     * the same values (an element with no labels matches every alert). A scalar result or a failed query lets no alert
     * resolve (it keeps firing) and is reported as the rule's error.
     */
    private static final class ResolveWhen implements Predicate<Alert> {
        private final AlertingRule rule;
        private final Instant at;
        private final RuleQuery query;
        private List<Labels> matches;
        private Optional<String> error = Optional.empty();

        ResolveWhen(AlertingRule rule, Instant at, RuleQuery query) {
            this.rule = rule;
            this.at = at;
            this.query = query;
        }

        @Override
        public boolean test(Alert alert) {
            if (matches == null) {
                matches = load();
            }
            return matches.stream().anyMatch(m -> contains(alert.seriesLabels(), m));
        }

        private List<Labels> load() {
            String expr = rule.resolveWhen().orElseThrow();
            return switch (query.instant(expr, at)) {
                case QueryOutcome.Vector v ->
                    v.elements().stream()
                            .map(e -> e.labels().without(Labels.METRIC_NAME))
                            .toList();
                case QueryOutcome.Scalar s -> {
                    error = Optional.of("resolve_when returned a scalar; expected a vector: " + expr);
                    yield List.of();
                }
                case QueryOutcome.Failed f -> {
                    error = Optional.of("resolve_when failed: " + f.message());
                    yield List.of();
                }
            };
        }

        private static boolean contains(Labels alert, Labels match) {
            for (int i = 0; i < match.size(); i++) {
                if (!match.valueAt(i).equals(alert.get(match.nameAt(i)))) {
                    return false;
                }
            }
            return true;
        }
    }
}
