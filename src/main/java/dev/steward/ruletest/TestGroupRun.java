package dev.steward.ruletest;

import dev.steward.core.promql.PromQLException;
import dev.steward.core.promql.PromqlEngine;
import dev.steward.core.promql.QueryValue;
import dev.steward.core.rule.AlertState;
import dev.steward.core.rule.AlertingRule;
import dev.steward.core.rule.GroupEvaluation;
import dev.steward.core.rule.GroupState;
import dev.steward.core.rule.RuleGroup;
import dev.steward.core.rule.RuleGroupEvaluator;
import dev.steward.core.rule.RuleQuery;
import dev.steward.core.rule.RuleResult;
import dev.steward.core.rule.RuleSample;
import dev.steward.core.series.Labels;
import dev.steward.core.series.MemorySeriesStore;
import dev.steward.promql.EngineRules;
import dev.steward.ruletest.Failure.FiringAlert;
import dev.steward.ruletest.Failure.ResultSample;
import dev.steward.ruletest.RuleTestFile.AlertTest;
import dev.steward.ruletest.RuleTestFile.ExpectedAlert;
import dev.steward.ruletest.RuleTestFile.ExprTest;
import dev.steward.ruletest.RuleTestFile.InputSeries;
import dev.steward.ruletest.RuleTestFile.TestGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One test group run as promtool runs it, on a fresh store: input samples are loaded up to each evaluation instant;
 * every {@code evaluation_interval} from 0 to the latest {@code eval_time}, every group is evaluated in order, its
 * output appended to the store; an alert test at {@code eval_time} is checked against the evaluation at or just before
 * it; after the last evaluation the {@code promql_expr_test} expressions are queried. A rule error stops the group.
 */
final class TestGroupRun {
    /** Relative difference under which two sample values are equal (NaN equals NaN). */
    static final double TOLERANCE = 1e-9;

    private final TestGroup test;
    private final Duration every;
    private final List<RuleGroup> groups;
    private final MemorySeriesStore store = new MemorySeriesStore();
    private final PromqlEngine engine = new PromqlEngine(store);
    private final RuleQuery query = EngineRules.query(engine);
    private final RuleGroupEvaluator evaluator;
    private final List<GroupState> states = new ArrayList<>();
    private final int[] loaded;
    private final List<Failure> failures = new ArrayList<>();

    TestGroupRun(TestGroup test, Duration every, List<RuleGroup> groups) {
        this.test = test;
        this.every = every;
        this.groups = List.copyOf(groups);
        this.evaluator = new RuleGroupEvaluator(System::nanoTime, test.externalLabels(), test.externalUrl());
        this.loaded = new int[test.inputSeries().size()];
        groups.forEach(g -> states.add(GroupState.EMPTY));
    }

    List<Failure> run() {
        List<AlertTest> alertTests = test.alertTests().stream()
                .sorted(Comparator.comparing(AlertTest::evalTime))
                .toList();
        long max = Stream.concat(
                        alertTests.stream().map(AlertTest::evalTime),
                        test.exprTests().stream().map(ExprTest::evalTime))
                .mapToLong(Duration::toMillis)
                .max()
                .orElse(0);
        long step = every.toMillis();
        int next = 0;
        for (long ts = 0; ts <= max; ts += step) {
            loadUntil(ts);
            int before = failures.size();
            List<GroupEvaluation> evaluations = evaluateAll(ts);
            if (failures.size() > before) { // a rule failed: stop here, as promtool does
                return failures;
            }
            while (next < alertTests.size() && alertTests.get(next).evalTime().toMillis() < ts + step) {
                checkAlerts(alertTests.get(next++), evaluations);
            }
        }
        test.exprTests().forEach(this::checkExpr);
        return failures;
    }

    /** Evaluates every group at {@code ts}, in order, recording rule errors as failures. */
    private List<GroupEvaluation> evaluateAll(long ts) {
        List<GroupEvaluation> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            GroupEvaluation e =
                    evaluator.evaluate(groups.get(g), states.get(g), Instant.ofEpochMilli(ts), query, this::append);
            states.set(g, e.state());
            out.add(e);
            ruleErrors(e, ts);
        }
        return out;
    }

    private void append(List<RuleSample> samples) {
        samples.forEach(s -> store.append(s.labels(), s.timestamp(), s.value()));
    }

    /** Appends every input sample at or before {@code ts} not appended yet. */
    private void loadUntil(long ts) {
        long step = test.interval().toMillis();
        for (int i = 0; i < loaded.length; i++) {
            InputSeries s = test.inputSeries().get(i);
            while (loaded[i] < s.values().size() && loaded[i] * step <= ts) {
                Double v = s.values().get(loaded[i]);
                if (v != null) {
                    store.append(s.labels(), loaded[i] * step, v);
                }
                loaded[i]++;
            }
        }
    }

    private void ruleErrors(GroupEvaluation e, long ts) {
        for (RuleResult r : e.rules()) {
            r.error()
                    .ifPresent(message -> failures.add(
                            new Failure.RuleFailed(test.name(), r.rule().name(), Duration.ofMillis(ts), message)));
        }
    }

    private void checkAlerts(AlertTest t, List<GroupEvaluation> evaluations) {
        List<FiringAlert> got = new ArrayList<>();
        for (GroupEvaluation e : evaluations) {
            for (RuleResult r : e.rules()) {
                if (r.rule() instanceof AlertingRule a && a.name().equals(t.alertname())) {
                    r.alerts().stream()
                            .filter(x -> x.state() instanceof AlertState.Firing)
                            .forEach(x -> got.add(new FiringAlert(x.labels(), x.annotations())));
                }
            }
        }
        List<FiringAlert> expected = new ArrayList<>();
        for (ExpectedAlert x : t.expected()) {
            Labels labels = Labels.fromMap(x.labels()).toBuilder()
                    .add("alertname", t.alertname())
                    .build();
            expected.add(new FiringAlert(labels, x.annotations()));
        }
        got.sort(null);
        expected.sort(null);
        if (!got.equals(expected)) {
            failures.add(new Failure.AlertsDiffer(test.name(), t.alertname(), t.evalTime(), expected, got));
        }
    }

    private void checkExpr(ExprTest t) {
        Optional<List<ResultSample>> result = query(t);
        if (result.isEmpty()) {
            return;
        }
        List<ResultSample> got = new ArrayList<>(result.get());
        List<ResultSample> expected = new ArrayList<>(t.expected().stream()
                .map(s -> new ResultSample(s.labels(), s.value()))
                .toList());
        got.sort(null);
        expected.sort(null);
        if (!same(expected, got)) {
            failures.add(new Failure.SamplesDiffer(test.name(), t.expr(), t.evalTime(), expected, got));
        }
    }

    /** The expression's samples (a scalar is one sample without labels), or empty after recording a failure. */
    private Optional<List<ResultSample>> query(ExprTest t) {
        List<ResultSample> got = new ArrayList<>();
        String wrongType;
        try {
            switch (engine.instant(t.expr(), t.evalTime().toMillis()).value()) {
                case QueryValue.Vector v -> {
                    v.samples().forEach(s -> got.add(new ResultSample(s.labels(), s.value())));
                    return Optional.of(got);
                }
                case QueryValue.Scalar s -> {
                    return Optional.of(List.of(new ResultSample(Labels.EMPTY, s.value())));
                }
                case QueryValue.StringValue s -> wrongType = "a string";
                case QueryValue.Matrix m -> wrongType = "a range vector";
            }
        } catch (PromQLException e) {
            failures.add(new Failure.QueryFailed(test.name(), t.expr(), t.evalTime(), e.getMessage()));
            return Optional.empty();
        }
        failures.add(new Failure.QueryFailed(
                test.name(), t.expr(), t.evalTime(), "the result is " + wrongType + ", expected a vector or scalar"));
        return Optional.empty();
    }

    static boolean same(List<ResultSample> expected, List<ResultSample> got) {
        if (expected.size() != got.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            ResultSample e = expected.get(i);
            ResultSample g = got.get(i);
            if (!e.labels().equals(g.labels()) || !close(e.value(), g.value())) {
                return false;
            }
        }
        return true;
    }

    static boolean close(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        if (a == b) {
            return true;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return false;
        }
        return Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }
}
