package dev.steward.core.promql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.series.StaleMarker;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConformanceSuiteTest {
    private final ConformanceSuite suite = new ConformanceSuite();

    @Test
    void expandsTheValueNotation() {
        assertThat(SeriesNotation.values("1+2x3 -1-1x2 5x2"))
                .containsExactly(1.0, 3.0, 5.0, 7.0, -1.0, -2.0, -3.0, 5.0, 5.0, 5.0);
        assertThat(SeriesNotation.values("_ _x3 1")).containsExactly(null, null, null, null, 1.0);
        assertThat(SeriesNotation.values("0x3")).containsExactly(0.0, 0.0, 0.0, 0.0);
        assertThat(SeriesNotation.values("1e3 -Inf NaN")).hasSize(3).first().isEqualTo(1000.0);
        assertThat(Double.doubleToRawLongBits(SeriesNotation.values("stale").get(0)))
                .isEqualTo(StaleMarker.BITS);
        assertThat(SeriesNotation.values("{{sum:2 count:2}}+{{sum:3 count:3}}x2 1"))
                .hasSize(4);
    }

    @Test
    void passesMatchingCasesAndReportsFailuresWithLineAndReason() {
        String script = String.join(
                "\n",
                "load 5m",
                "  up{job=\"a\"} 1+1x4",
                "  up{job=\"b\"} 0x4",
                "",
                "eval instant at 10m up",
                "  up{job=\"a\"} 3",
                "  up{job=\"b\"} 0",
                "",
                "# a wrong expectation: the runner must notice it",
                "eval instant at 10m sum(up)",
                "  {} 4",
                "",
                "eval range from 0 to 10m step 5m up{job=\"a\"} * 2",
                "  {job=\"a\"} 2 4 6",
                "",
                "eval_fail instant at 0m label_join(up, \"job\", \"\", \"nope\")",
                "  expected_fail_message vector cannot contain metrics with the same labelset",
                "",
                "eval_ordered instant at 10m sort_desc(up)",
                "  up{job=\"a\"} 3",
                "  up{job=\"b\"} 0");
        FileReport report = suite.runFile("inline.test", script);
        assertThat(report.error()).isNull();
        assertThat(report.passed()).isEqualTo(4);
        assertThat(report.failed()).isEqualTo(1);
        CaseOutcome failure = report.outcomes().stream()
                .filter(o -> o.status() == CaseOutcome.Status.FAILED)
                .findFirst()
                .orElseThrow();
        assertThat(failure.line()).isEqualTo(10);
        assertThat(failure.query()).isEqualTo("sum(up)");
        assertThat(failure.reason()).isEqualTo("expected 4 for {} but got 3");
    }

    @Test
    void skipsCasesThatReadNativeHistogramsAndRunsTheOthers() {
        String script = String.join(
                "\n",
                "load 1m",
                "  h {{schema:0 sum:1 count:1}}x2",
                "  f 1 2 3",
                "",
                "eval instant at 2m h",
                "  h {{schema:0 sum:1 count:1}}",
                "",
                "eval instant at 2m count({__name__=~\"h|f\"})",
                "  {} 2",
                "",
                "eval instant at 2m f",
                "  f 3");
        FileReport report = suite.runFile("hist.test", script);
        assertThat(report.skipped()).isEqualTo(2);
        assertThat(report.passed()).isEqualTo(1);
    }

    @Test
    void checksAnnotationsAskedFor() {
        String script = String.join(
                "\n",
                "load 1m",
                "  gauge 1 2 3",
                "",
                "eval_info instant at 2m rate(gauge[5m])",
                "  {} 0.008333333333",
                "",
                "eval_warn instant at 2m rate(gauge[5m])",
                "  {} 0.008333333333",
                "",
                "eval instant at 2m quantile_over_time(2, gauge[5m])",
                "  expect warn msg: PromQL warning: quantile value should be between 0 and 1, got 2",
                "  {} +Inf");
        FileReport report = suite.runFile("annotations.test", script);
        assertThat(report.outcomes())
                .extracting(CaseOutcome::status)
                .containsExactly(CaseOutcome.Status.PASSED, CaseOutcome.Status.FAILED, CaseOutcome.Status.PASSED);
        assertThat(report.outcomes().get(1).reason()).isEqualTo("expected warnings but got none");
    }

    @Test
    void reportsAFileThatCannotBeParsedAsOneFailure() {
        FileReport report = suite.runFile("bad.test", "frobnicate now");
        assertThat(report.failed()).isEqualTo(1);
        Report all = new Report(List.of(report));
        assertThat(all.ok()).isFalse();
        assertThat(all.render()).contains("FAIL bad.test: cannot parse test file: line 1: unknown test command");
        StringBuilder out = new StringBuilder();
        all.print(out);
        assertThat(Arrays.asList(out.toString().split("\n"))).anyMatch(l -> l.startsWith("TOTAL"));
    }
}
