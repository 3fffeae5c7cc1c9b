package dev.steward.core.promql.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrinterTest {
    private static String roundTrip(String q) throws ParseException {
        return Printer.print(Parser.parse(q));
    }

    @Test
    void printsCanonicalPromql() throws Exception {
        assertThat(roundTrip("SUM BY(job)(rate(foo{a='b'}[1h30m] offset 5m))"))
                .isEqualTo("sum by (job) (rate(foo{a=\"b\"}[1h30m] offset 5m))");
        assertThat(roundTrip("topk(3,x)without(i)")).isEqualTo("topk without (i) (3, x)");
        assertThat(roundTrip("a/on(x)group_left(y)b")).isEqualTo("a / on(x) group_left(y) b");
        assertThat(roundTrip("a>bool ignoring(z) b")).isEqualTo("a > bool ignoring(z) b");
        assertThat(roundTrip("{__name__=\"up\"}")).isEqualTo("up");
        assertThat(roundTrip("{job=~\"a.*\"}@end()")).isEqualTo("{job=~\"a.*\"} @ end()");
        assertThat(roundTrip("rate(x[5m])[30m:1m] @ 1.5")).isEqualTo("rate(x[5m])[30m:1m] @ 1.500");
        assertThat(roundTrip("-(1 + 2) ^ 0x10")).isEqualTo("-(1 + 2) ^ 16");
        assertThat(roundTrip("label_replace(up, 'a\\\\b', \"$1\", \"\", \".*\")"))
                .isEqualTo("label_replace(up, \"a\\\\b\", \"$1\", \"\", \".*\")");
    }

    @Test
    void printedQueriesParseToTheSameTree() throws Exception {
        List<String> queries = List.of(
                "sum without (instance) (rate(http_requests_total{job=~\"api|web\", code!~\"2..\"}[5m] offset -1m))",
                "histogram_quantile(0.9, sum by (le) (rate(lat_bucket[10m])))",
                "a + on(x) group_right() b * 2 ^ 3 ^ 2 % 7",
                "max_over_time((deriv(x[5m]) > bool 0)[1h:] @ start())",
                "count_values(\"v\", -x) or vector(1) unless absent(nope{a=\"1\"})",
                "1 - -Inf + NaN atan2 time()",
                "{\"metric.with.dots\", \"label.x\"=\"1\"}");
        for (String q : queries) {
            String once = roundTrip(q);
            assertThat(roundTrip(once)).as(q).isEqualTo(once);
        }
    }
}
