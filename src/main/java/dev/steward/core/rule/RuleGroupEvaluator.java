package dev.steward.core.rule;

import dev.steward.core.series.Labels;
import dev.steward.core.series.StaleMarker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Evaluates a rule group at one instant, rule after rule, as Prometheus does: each rule queries at {@code scheduledAt -
 * query_offset}; a recording rule's result becomes series named after the record; an alerting rule advances its alerts
 * (see {@link AlertTransitions}) and writes {@code ALERTS} and {@code ALERTS_FOR_STATE}. A rule that fails (query
 * error, more series or alerts than the group's {@code limit}, duplicate label sets) writes nothing and the others run
 * on. Series a rule wrote last time and no longer produces get a stale marker. Pure: time comes in as {@code
 * scheduledAt}, durations from the injected ticker, state from the caller.
 */
public final class RuleGroupEvaluator {
    private final LongSupplier nanoTicker;
    private final AlertingRuleEvaluator alerting;

    /**
     * @param nanoTicker a monotonic nanosecond ticker, for evaluation durations
     * @param externalLabels {@code $externalLabels} in templates
     * @param externalUrl {@code $externalURL} in templates
     */
    public RuleGroupEvaluator(LongSupplier nanoTicker, Map<String, String> externalLabels, String externalUrl) {
        this.nanoTicker = nanoTicker;
        this.alerting = new AlertingRuleEvaluator(Map.copyOf(externalLabels), externalUrl);
    }

    public GroupEvaluation evaluate(RuleGroup group, GroupState previous, Instant scheduledAt, RuleQuery query) {
        return evaluate(group, previous, scheduledAt, query, RuleOutput.NONE);
    }

    /** As {@link #evaluate(RuleGroup, GroupState, Instant, RuleQuery)}, handing each rule's samples to {@code output}. */
    public GroupEvaluation evaluate(
            RuleGroup group, GroupState previous, Instant scheduledAt, RuleQuery query, RuleOutput output) {
        long groupStart = nanoTicker.getAsLong();
        Run run = new Run(group, previous, scheduledAt, query);
        List<String> keys = RuleKeys.of(group);
        for (int i = 0; i < group.rules().size(); i++) {
            long ruleStart = nanoTicker.getAsLong();
            Outcome o = run.rule(group.rules().get(i), keys.get(i));
            output.append(o.samples());
            Duration took = Duration.ofNanos(nanoTicker.getAsLong() - ruleStart);
            run.results.add(new RuleResult(group.rules().get(i), o.error(), o.seriesCount(), took, o.alerts()));
        }
        GroupState next = new GroupState(run.alertStates, run.written, previous.restored());
        Duration took = Duration.ofNanos(nanoTicker.getAsLong() - groupStart);
        return new GroupEvaluation(group, scheduledAt, took, run.samples, run.results, run.events, next);
    }

    /** What a rule produced: its samples (empty when it failed), its error, its alerts, its series or alert count. */
    record Outcome(List<RuleSample> samples, Optional<String> error, List<Alert> alerts, int seriesCount) {
        static Outcome failed(String message, List<Alert> alerts) {
            return new Outcome(List.of(), Optional.of(message), alerts, 0);
        }
    }

    /** One evaluation of a group in progress: what the rules evaluated so far produced. */
    private final class Run {
        final RuleGroup group;
        final GroupState previous;
        final Instant scheduledAt;
        final Instant queryAt;
        final RuleQuery query;
        final Map<String, AlertingRuleState> alertStates = new HashMap<>();
        final Map<String, Set<Labels>> written = new HashMap<>();
        final List<RuleSample> samples = new ArrayList<>();
        final List<RuleResult> results = new ArrayList<>();
        final List<AlertEvent> events = new ArrayList<>();

        Run(RuleGroup group, GroupState previous, Instant scheduledAt, RuleQuery query) {
            this.group = group;
            this.previous = previous;
            this.scheduledAt = scheduledAt;
            this.queryAt = scheduledAt.minus(group.queryOffset());
            this.query = query;
        }

        /** Evaluates one rule; its samples come back with stale markers for the series it no longer writes. */
        Outcome rule(Rule rule, String key) {
            Outcome o = switch (rule) {
                case RecordingRule r -> record(r, group.limit(), queryAt, query);
                case AlertingRule a -> {
                    AlertingRuleEvaluator.Outcome ao = alerting.evaluate(
                            a, previous.alerting(key), group.limit(), scheduledAt, queryAt, query, previous.restored());
                    alertStates.put(key, ao.state());
                    events.addAll(ao.events());
                    List<Alert> alerts = List.copyOf(ao.state().alerts().values());
                    int active = (int) alerts.stream().filter(Alert::isActive).count();
                    yield new Outcome(
                            ao.samples(), ao.error(), alerts, ao.error().isPresent() ? 0 : active);
                }
            };
            Set<Labels> before = previous.written().getOrDefault(key, Set.of());
            if (o.samples().isEmpty() && o.error().isPresent()) {
                written.put(key, before);
                return o;
            }
            written.put(key, seriesOf(o));
            List<RuleSample> out = withStaleMarkers(o, before, queryAt);
            samples.addAll(out);
            return new Outcome(out, o.error(), o.alerts(), o.seriesCount());
        }
    }

    private static Outcome record(RecordingRule rule, int limit, Instant at, RuleQuery query) {
        QueryOutcome result = query.instant(rule.expr(), at);
        if (result instanceof QueryOutcome.Failed f) {
            return Outcome.failed(f.message(), List.of());
        }
        List<QueryOutcome.Element> elements = result.asVector();
        if (limit > 0 && elements.size() > limit) {
            return Outcome.failed("exceeded limit of " + limit + " with " + elements.size() + " series", List.of());
        }
        List<RuleSample> out = new ArrayList<>();
        Set<Labels> seen = new HashSet<>();
        for (QueryOutcome.Element e : elements) {
            Labels.Builder b = e.labels().toBuilder().add(Labels.METRIC_NAME, rule.record());
            rule.labels().forEach(b::add);
            Labels labels = b.build();
            if (!seen.add(labels)) {
                return Outcome.failed(
                        "vector contains metrics with the same labelset after applying rule labels: " + labels,
                        List.of());
            }
            out.add(new RuleSample(labels, at.toEpochMilli(), e.value()));
        }
        return new Outcome(out, Optional.empty(), List.of(), out.size());
    }

    private static Set<Labels> seriesOf(Outcome o) {
        Set<Labels> out = new LinkedHashSet<>();
        o.samples().forEach(s -> out.add(s.labels()));
        return out;
    }

    /** The rule's samples, then a stale marker for every series it wrote last time and not this time. */
    private static List<RuleSample> withStaleMarkers(Outcome o, Set<Labels> before, Instant at) {
        List<RuleSample> out = new ArrayList<>(o.samples());
        Set<Labels> now = seriesOf(o);
        for (Labels l : before) {
            if (!now.contains(l)) {
                out.add(new RuleSample(l, at.toEpochMilli(), StaleMarker.VALUE));
            }
        }
        return out;
    }
}
