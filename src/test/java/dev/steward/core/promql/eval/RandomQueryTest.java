package dev.steward.core.promql.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.promql.PromQLException;
import dev.steward.core.promql.PromqlEngine;
import dev.steward.core.series.Labels;
import dev.steward.core.series.MemorySeriesStore;
import dev.steward.core.series.StaleMarker;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Queries assembled from random PromQL fragments, with a fixed seed: whatever the input, the engine answers with a
 * value or a {@link PromQLException}, never another exception.
 */
class RandomQueryTest {
    private static final String[] FRAGMENTS = {
        "up",
        "m_total",
        "{job=\"a\"}",
        "{__name__=~\"m.*\"}",
        "[5m]",
        "[1m:15s]",
        "offset 1m",
        "offset -30s",
        "@ 60",
        "@ start()",
        "@ end()",
        "(",
        ")",
        "(",
        ")",
        ",",
        "+",
        "-",
        "*",
        "/",
        "%",
        "^",
        "==",
        "!=",
        ">",
        "<=",
        "and",
        "or",
        "unless",
        "bool",
        "on(job)",
        "ignoring(i)",
        "group_left(x)",
        "group_right",
        "by (job)",
        "without (i)",
        "sum",
        "avg",
        "count_values",
        "topk",
        "quantile",
        "limitk",
        "limit_ratio",
        "rate",
        "irate",
        "delta",
        "deriv",
        "predict_linear",
        "histogram_quantile",
        "label_replace",
        "label_join",
        "sort_by_label",
        "clamp",
        "round",
        "absent",
        "absent_over_time",
        "scalar",
        "vector",
        "time()",
        "timestamp",
        "changes",
        "resets",
        "quantile_over_time",
        "double_exponential_smoothing",
        "mad_over_time",
        "\"job\"",
        "\"(.*)\"",
        "'$1'",
        "0.5",
        "2",
        "-1",
        "0x1f",
        "1e3",
        "Inf",
        "NaN",
        "5m",
        "1h30m",
        "`raw`",
        "\"\\x",
        "{",
        "}",
        "[",
        "]",
        ":",
        "=~",
        "!~",
        "=",
        "!=",
        "#",
        "\n",
    };

    @Test
    void randomQueriesYieldValuesOrPromQLExceptions() {
        MemorySeriesStore store = new MemorySeriesStore();
        for (int i = 0; i < 20; i++) {
            store.append(Labels.metric("up", "job", "a", "i", Integer.toString(i % 3)), i * 15_000L, i % 2);
            store.append(Labels.metric("m_total", "job", "b", "le", Double.toString(i % 4)), i * 15_000L, i * 3.0);
        }
        store.append(Labels.metric("up", "job", "z"), 15_000, StaleMarker.VALUE);
        PromqlEngine engine = new PromqlEngine(store);
        Random random = new Random(20261124);
        List<String> unexpected = new ArrayList<>();
        int answered = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder q = new StringBuilder();
            int len = 1 + random.nextInt(10);
            for (int k = 0; k < len; k++) {
                q.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]).append(random.nextBoolean() ? " " : "");
            }
            String query = q.toString();
            try {
                engine.instant(query, 240_000);
                engine.range(query, 0, 300_000, 30_000);
                answered++;
            } catch (PromQLException e) {
                assertThat(e.getMessage()).isNotBlank();
                if (e.getMessage().startsWith("unexpected error")) {
                    unexpected.add(query + " -> " + e.getMessage());
                }
            } catch (RuntimeException | StackOverflowError e) {
                unexpected.add(query + " -> " + e);
            }
        }
        assertThat(unexpected).isEmpty();
        assertThat(answered).isPositive();
    }

    private static final String[] SELECTORS = {
        "up", "m_total", "{job=\"a\"}", "m_total{le!=\"1.0\"}", "up offset 1m", "up @ 60", "nope"
    };
    private static final String[] RANGE_FUNCTIONS = {
        "rate",
        "irate",
        "increase",
        "delta",
        "idelta",
        "deriv",
        "changes",
        "resets",
        "avg_over_time",
        "sum_over_time",
        "min_over_time",
        "max_over_time",
        "count_over_time",
        "last_over_time",
        "present_over_time",
        "stddev_over_time",
        "stdvar_over_time",
        "mad_over_time",
        "absent_over_time",
        "ts_of_max_over_time",
        "ts_of_min_over_time",
        "ts_of_last_over_time"
    };
    private static final String[] VECTOR_FUNCTIONS = {
        "abs",
        "ceil",
        "floor",
        "exp",
        "sqrt",
        "ln",
        "log2",
        "log10",
        "sgn",
        "sort",
        "sort_desc",
        "absent",
        "timestamp",
        "hour",
        "day_of_week",
        "acosh",
        "atanh",
        "deg"
    };
    private static final String[] AGGREGATIONS = {"sum", "avg", "min", "max", "count", "group", "stddev", "stdvar"};
    private static final String[] OPERATORS = {"+", "-", "*", "/", "%", "^", "atan2", "==", "!=", "> bool", "<"};
    private static final String[] SET_OPERATORS = {"and", "or", "unless"};

    private static String vector(Random r, int depth) {
        int pick = depth > 3 ? 0 : r.nextInt(9);
        return switch (pick) {
            case 0 -> SELECTORS[r.nextInt(SELECTORS.length)];
            case 1 ->
                RANGE_FUNCTIONS[r.nextInt(RANGE_FUNCTIONS.length)] + "(" + SELECTORS[r.nextInt(4)] + "["
                        + (1 + r.nextInt(6)) + "m])";
            case 2 ->
                RANGE_FUNCTIONS[r.nextInt(RANGE_FUNCTIONS.length)] + "((" + vector(r, depth + 1) + ")[3m:"
                        + (10 + r.nextInt(60)) + "s])";
            case 3 -> VECTOR_FUNCTIONS[r.nextInt(VECTOR_FUNCTIONS.length)] + "(" + vector(r, depth + 1) + ")";
            case 4 -> AGGREGATIONS[r.nextInt(AGGREGATIONS.length)] + " by (job) (" + vector(r, depth + 1) + ")";
            case 5 ->
                "(" + vector(r, depth + 1) + " " + OPERATORS[r.nextInt(OPERATORS.length)] + " "
                        + (r.nextBoolean() ? vector(r, depth + 1) : scalar(r)) + ")";
            case 6 ->
                "(" + vector(r, depth + 1) + " " + SET_OPERATORS[r.nextInt(3)] + " on(job) " + vector(r, depth + 1)
                        + ")";
            case 7 -> (r.nextBoolean() ? "topk" : "limit_ratio") + "(" + scalar(r) + ", " + vector(r, depth + 1) + ")";
            default ->
                "histogram_quantile(" + scalar(r) + ", " + (r.nextBoolean() ? "rate(m_total[5m])" : "m_total") + ")";
        };
    }

    private static String scalar(Random r) {
        String[] s = {"0.5", "2", "-1", "NaN", "Inf", "0", "scalar(up)", "time()", "1.5"};
        return s[r.nextInt(s.length)];
    }

    @Test
    void generatedValidQueriesEvaluateWithoutUnexpectedErrors() {
        MemorySeriesStore store = new MemorySeriesStore();
        for (int i = 0; i < 40; i++) {
            store.append(Labels.metric("up", "job", "a", "i", Integer.toString(i % 3)), i * 15_000L, i % 2);
            store.append(Labels.metric("m_total", "job", "b", "le", Double.toString(i % 4)), i * 15_000L, i * 3.0);
        }
        PromqlEngine engine = new PromqlEngine(store);
        Random random = new Random(7);
        List<String> unexpected = new ArrayList<>();
        int answered = 0;
        for (int n = 0; n < 3_000; n++) {
            String query = vector(random, 0);
            try {
                engine.instant(query, 400_000);
                engine.range(query, 0, 600_000, 45_000);
                answered++;
            } catch (PromQLException e) {
                if (e.getMessage().startsWith("unexpected error")
                        || e.getMessage().contains("parse error")) {
                    unexpected.add(query + " -> " + e.getMessage());
                }
            } catch (RuntimeException | StackOverflowError e) {
                unexpected.add(query + " -> " + e);
            }
        }
        assertThat(unexpected).isEmpty();
        assertThat(answered).isGreaterThan(2_000);
    }
}
