package dev.steward.core.promql.conformance;

import dev.steward.core.promql.PromQLException;
import dev.steward.core.promql.PromqlEngine;
import dev.steward.core.promql.QueryResult;
import dev.steward.core.promql.QueryValue;
import dev.steward.core.promql.parse.Expr;
import dev.steward.core.promql.parse.Numbers;
import dev.steward.core.promql.parse.Parser;
import dev.steward.core.promql.parse.ValueType;
import dev.steward.core.series.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one {@code eval} against the engine the way Prometheus's test runner does: the error or its absence, the
 * annotations asked for, the result as a set of series (or in order), floats compared with a relative tolerance of
 * 1e-6. An instant query is also run as a range query around its time and must give the same result there.
 */
final class CaseCheck {
    private static final double EPSILON = 0.000001;

    private CaseCheck() {}

    /** Null when the case passes, else a short reason. */
    static String check(PromqlEngine engine, Command.Eval eval) {
        if (eval.range()) {
            QueryResult result;
            try {
                result = engine.range(eval.query(), eval.start(), eval.end(), eval.step());
            } catch (PromQLException e) {
                return eval.fail() ? checkFailure(eval, e.getMessage()) : "error evaluating query: " + e.getMessage();
            }
            return eval.fail() ? "expected an error but the query succeeded" : checkResult(eval, result, eval.step());
        }
        Expr expr;
        try {
            expr = Parser.parse(eval.query());
        } catch (PromQLException e) {
            return eval.fail() ? checkFailure(eval, e.getMessage()) : "error parsing query: " + e.getMessage();
        }
        String r = checkInstant(engine, eval, expr, eval.start());
        if (r != null) {
            return r;
        }
        for (AtVariants.Variant v : AtVariants.of(expr, eval.start())) {
            r = checkInstant(engine, eval, v.expr(), v.time());
            if (r != null) {
                return "with every selector pinned by @ " + Numbers.format(eval.start() / 1000.0) + " and evaluated at "
                        + Numbers.format(v.time() / 1000.0) + ": " + r;
            }
        }
        return null;
    }

    private static String checkInstant(PromqlEngine engine, Command.Eval eval, Expr expr, long t) {
        QueryResult result;
        try {
            result = engine.instant(expr, eval.query(), t);
        } catch (PromQLException e) {
            return eval.fail() ? checkFailure(eval, e.getMessage()) : "error evaluating query: " + e.getMessage();
        }
        if (eval.fail()) {
            return "expected an error but the query succeeded";
        }
        String r = checkResult(eval, result, 0);
        if (r == null && !eval.ordered()) {
            r = rangeMode(engine, eval, expr, t);
        }
        return r;
    }

    private static String checkResult(Command.Eval eval, QueryResult result, long step) {
        String r = checkAnnotations(eval, result);
        return r != null ? r : compare(eval, result.value(), eval.start(), step);
    }

    private static String checkFailure(Command.Eval eval, String message) {
        if (eval.failMessage() != null && !eval.failMessage().equals(message)) {
            return "expected error \"" + eval.failMessage() + "\" but got \"" + message + "\"";
        }
        if (eval.failRegexp() != null
                && !java.util.regex.Pattern.compile(eval.failRegexp())
                        .matcher(message)
                        .find()) {
            return "expected error matching /" + eval.failRegexp() + "/ but got \"" + message + "\"";
        }
        for (Command.Expectation e : eval.expectations()) {
            if (e.kind().equals("fail") && !e.matches(message)) {
                return "expected error matching " + e + " but got \"" + message + "\"";
            }
        }
        return null;
    }

    private static String checkAnnotations(Command.Eval eval, QueryResult result) {
        List<String> warnings = result.warnings();
        List<String> infos = result.infos();
        if (eval.warn() && warnings.isEmpty()) {
            return "expected warnings but got none";
        }
        if (eval.info() && infos.isEmpty()) {
            return "expected info annotations but got none; annotations: " + result.annotations();
        }
        String r = expectedOfKind(eval, "warn", warnings);
        if (r == null) {
            r = expectedOfKind(eval, "info", infos);
        }
        if (r != null) {
            return r;
        }
        for (Command.Expectation e : eval.expectations()) {
            if (e.kind().equals("no_warn") && !warnings.isEmpty()) {
                return "unexpected warnings: " + warnings;
            }
            if (e.kind().equals("no_info") && !infos.isEmpty()) {
                return "unexpected infos: " + infos;
            }
        }
        return null;
    }

    private static String expectedOfKind(Command.Eval eval, String kind, List<String> actual) {
        List<Command.Expectation> wanted =
                eval.expectations().stream().filter(e -> e.kind().equals(kind)).toList();
        if (wanted.isEmpty()) {
            return null;
        }
        if (actual.isEmpty()) {
            return "expected " + kind + " annotations but none were found";
        }
        for (Command.Expectation e : wanted) {
            if (actual.stream().noneMatch(e::matches)) {
                return "expected " + kind + " annotation " + e + " but found " + actual;
            }
        }
        for (String a : actual) {
            if (wanted.stream().noneMatch(e -> e.matches(a))) {
                return "unexpected " + kind + " annotation \"" + a + "\"";
            }
        }
        return null;
    }

    static boolean almostEqual(double a, double b) {
        if (Double.isNaN(a) && Double.isNaN(b)) {
            return true;
        }
        if (a == b) {
            return true;
        }
        double absSum = Math.abs(a) + Math.abs(b);
        double diff = Math.abs(a - b);
        if (a == 0 || b == 0 || absSum < Double.MIN_NORMAL) {
            return diff < EPSILON * Double.MIN_NORMAL;
        }
        return diff / Math.min(absSum, Double.MAX_VALUE) < EPSILON;
    }

    private static String compare(Command.Eval eval, QueryValue value, long start, long step) {
        return switch (value) {
            case QueryValue.Scalar s -> {
                if (eval.scalar() == null) {
                    yield "expected a vector or matrix but got scalar " + Numbers.format(s.value());
                }
                yield almostEqual(eval.scalar(), s.value())
                        ? null
                        : "expected scalar " + Numbers.format(eval.scalar()) + " but got " + Numbers.format(s.value());
            }
            case QueryValue.Vector v -> compareVector(eval, v.samples());
            case QueryValue.Matrix m -> compareMatrix(eval, m, start, step);
            case QueryValue.StringValue s ->
                "string results are not compared by this runner: got \"" + s.value() + "\"";
        };
    }

    private static String compareVector(Command.Eval eval, List<QueryValue.VectorSample> samples) {
        if (eval.scalar() != null) {
            return "expected scalar " + Numbers.format(eval.scalar()) + " but got a vector of " + samples.size();
        }
        Map<Labels, Command.ExpectedSeries> expected = new HashMap<>();
        for (Command.ExpectedSeries e : eval.expected()) {
            expected.put(e.labels(), e);
        }
        Set<Labels> seen = new HashSet<>();
        for (int pos = 0; pos < samples.size(); pos++) {
            QueryValue.VectorSample s = samples.get(pos);
            Command.ExpectedSeries e = expected.get(s.labels());
            if (e == null) {
                return "unexpected series " + s.labels() + " with value " + Numbers.format(s.value());
            }
            if (eval.ordered() && e.position() != pos + 1) {
                return "expected " + s.labels() + " at position " + e.position() + " but it was at " + (pos + 1);
            }
            Double want = e.values().isEmpty() ? null : e.values().get(0);
            if (want == null || !almostEqual(want, s.value())) {
                return "expected " + (want == null ? "nothing" : Numbers.format(want)) + " for " + s.labels()
                        + " but got " + Numbers.format(s.value());
            }
            if (!seen.add(s.labels())) {
                return "series " + s.labels() + " appears twice in the result";
            }
        }
        for (Labels l : expected.keySet()) {
            if (!seen.contains(l)) {
                return "expected series " + l + " not found in the result";
            }
        }
        return null;
    }

    private static String compareMatrix(Command.Eval eval, QueryValue.Matrix m, long start, long step) {
        if (eval.ordered()) {
            return "expected an ordered vector but the query returned a matrix";
        }
        if (eval.scalar() != null) {
            return "expected scalar but got a matrix";
        }
        Map<Labels, Command.ExpectedSeries> expected = new HashMap<>();
        for (Command.ExpectedSeries e : eval.expected()) {
            expected.put(e.labels(), e);
        }
        Set<Labels> seen = new HashSet<>();
        for (QueryValue.RangeSeries s : m.series()) {
            Command.ExpectedSeries e = expected.get(s.labels());
            if (e == null) {
                return "unexpected series " + s.labels() + " with " + s.size() + " points";
            }
            seen.add(s.labels());
            List<long[]> times = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int k = 0; k < e.values().size(); k++) {
                long ts = start + k * step;
                if (ts > eval.end()) {
                    return "expected " + e.values().size() + " points for " + s.labels()
                            + " but the time range cannot hold that many";
                }
                Double v = e.values().get(k);
                if (v != null) {
                    times.add(new long[] {ts});
                    values.add(v);
                }
            }
            if (times.size() != s.size()) {
                return "expected " + times.size() + " points for " + s.labels() + " but got " + s.size() + ": "
                        + points(s);
            }
            for (int k = 0; k < s.size(); k++) {
                if (times.get(k)[0] != s.timestamps()[k]) {
                    return "expected point " + k + " of " + s.labels() + " at " + times.get(k)[0] + " but it is at "
                            + s.timestamps()[k] + ": " + points(s);
                }
                if (!almostEqual(values.get(k), s.values()[k])) {
                    return "expected " + Numbers.format(values.get(k)) + " at t=" + s.timestamps()[k] + " for "
                            + s.labels() + " but got " + Numbers.format(s.values()[k]) + ": " + points(s);
                }
            }
        }
        for (Labels l : expected.keySet()) {
            if (!seen.contains(l)) {
                return "expected series " + l + " not found in the result";
            }
        }
        return null;
    }

    private static String points(QueryValue.RangeSeries s) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < s.size() && k < 12; k++) {
            sb.append(k == 0 ? "" : " ")
                    .append(Numbers.format(s.values()[k]))
                    .append('@')
                    .append(s.timestamps()[k]);
        }
        return sb.append(s.size() > 12 ? " ...]" : "]").toString();
    }

    /** Runs an instant query as a range query from t-1m to t+1m and compares the point at t. */
    private static String rangeMode(PromqlEngine engine, Command.Eval eval, Expr expr, long t) {
        if (expr.type() != ValueType.SCALAR && expr.type() != ValueType.VECTOR) {
            return null;
        }
        QueryResult r;
        try {
            r = engine.range(expr, eval.query(), t - 60_000, t + 60_000, 60_000);
        } catch (PromQLException e) {
            return "range mode: error evaluating query: " + e.getMessage();
        }
        List<QueryValue.VectorSample> vec = new ArrayList<>();
        for (QueryValue.RangeSeries s : ((QueryValue.Matrix) r.value()).series()) {
            for (int k = 0; k < s.size(); k++) {
                if (s.timestamps()[k] == t) {
                    vec.add(new QueryValue.VectorSample(s.labels(), t, s.values()[k]));
                }
            }
        }
        String reason = expr.type() == ValueType.SCALAR
                ? compare(
                        eval,
                        new QueryValue.Scalar(
                                t, vec.isEmpty() ? Double.NaN : vec.get(0).value()),
                        t,
                        0)
                : compareVector(eval, vec);
        return reason == null ? null : "range mode: " + reason;
    }
}
