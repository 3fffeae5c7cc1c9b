package dev.steward.core.exposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.series.Labels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ExpositionWriterTest {
    static List<MetricFamily> stewardLikeFamilies() {
        Labels api = Labels.of("stack", "shop", "service", "api", "check", "health");
        Labels db = Labels.of("stack", "shop", "service", "db", "check", "ping");
        return List.of(
                MetricFamily.single("probe_success", MetricType.GAUGE, "Whether the probe succeeded.", api, 1),
                MetricFamily.single("probe_success", MetricType.GAUGE, "ignored: merged", db, 0),
                new MetricFamily(
                        "probe_duration_seconds",
                        MetricType.GAUGE,
                        "How long the probe took, in seconds.",
                        List.of(
                                new MetricFamily.Sample("probe_duration_seconds", api, 0.012345),
                                new MetricFamily.Sample("probe_duration_seconds", db, 1.5e-4))),
                MetricFamily.single(
                        "steward_notifications_total",
                        MetricType.COUNTER,
                        "Notifications sent.\nA second line with a back\\slash.",
                        Labels.of("channel", "slack", "detail", "quote \" backslash \\ newline \n end"),
                        42),
                new MetricFamily(
                        "steward_check_latency_seconds",
                        MetricType.HISTOGRAM,
                        "Check latency.",
                        List.of(
                                new MetricFamily.Sample(
                                        "steward_check_latency_seconds_bucket", Labels.of("le", "0.1"), 3),
                                new MetricFamily.Sample(
                                        "steward_check_latency_seconds_bucket", Labels.of("le", "+Inf"), 4),
                                new MetricFamily.Sample("steward_check_latency_seconds_sum", Labels.EMPTY, 0.75),
                                new MetricFamily.Sample("steward_check_latency_seconds_count", Labels.EMPTY, 4))),
                new MetricFamily(
                        "steward_rule_eval_seconds",
                        MetricType.SUMMARY,
                        "Rule evaluation time.",
                        List.of(
                                new MetricFamily.Sample(
                                        "steward_rule_eval_seconds", Labels.of("quantile", "0.5"), 0.001),
                                new MetricFamily.Sample("steward_rule_eval_seconds_sum", Labels.EMPTY, 2.5),
                                new MetricFamily.Sample("steward_rule_eval_seconds_count", Labels.EMPTY, 1000))),
                MetricFamily.single(
                        "steward_special_values",
                        MetricType.GAUGE,
                        "Special values.",
                        Labels.of("v", "inf"),
                        Double.POSITIVE_INFINITY),
                MetricFamily.single(
                        "steward_special_values",
                        MetricType.GAUGE,
                        "",
                        Labels.of("v", "-inf"),
                        Double.NEGATIVE_INFINITY),
                MetricFamily.single("steward_special_values", MetricType.GAUGE, "", Labels.of("v", "nan"), Double.NaN),
                MetricFamily.single("steward_special_values", MetricType.GAUGE, "", Labels.of("v", "big"), 1.5e300),
                MetricFamily.single("steward_special_values", MetricType.GAUGE, "", Labels.of("v", "neg"), -7));
    }

    @Test
    void writesOneHelpAndTypePerFamilyWithEscapes() {
        String text = ExpositionWriter.write(stewardLikeFamilies());
        assertThat(text).startsWith("""
                        # HELP probe_success Whether the probe succeeded.
                        # TYPE probe_success gauge
                        probe_success{check="health",service="api",stack="shop"} 1
                        probe_success{check="ping",service="db",stack="shop"} 0
                        # HELP probe_duration_seconds How long the probe took, in seconds.
                        # TYPE probe_duration_seconds gauge
                        probe_duration_seconds{check="health",service="api",stack="shop"} 0.012345
                        probe_duration_seconds{check="ping",service="db",stack="shop"} 1.5E-4
                        # HELP steward_notifications_total Notifications sent.\\nA second line with a back\\\\slash.
                        # TYPE steward_notifications_total counter
                        steward_notifications_total{channel="slack",detail="quote \\" backslash \\\\ newline \\n end"} 42
                        """);
        assertThat(text).containsOnlyOnce("# TYPE steward_special_values gauge");
        assertThat(text).contains("steward_special_values{v=\"inf\"} +Inf\n", "{v=\"nan\"} NaN\n", "1.5E300\n");
    }

    @Test
    void whatItWritesParsesBackToTheSameSamples() {
        List<MetricFamily> families = stewardLikeFamilies();
        ExpositionCollector c = new ExpositionCollector();
        ParseResult r =
                new ExpositionParser().parse(ExpositionWriter.writeUtf8(families), ExpositionWriter.CONTENT_TYPE, c);
        assertThat(r).isInstanceOf(ParseResult.Parsed.class);
        List<ParsedSample> expected = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (MetricFamily f : families) {
            if (!order.contains(f.name())) {
                order.add(f.name());
            }
        }
        for (String name : order) {
            for (MetricFamily f : families) {
                if (f.name().equals(name)) {
                    for (MetricFamily.Sample s : f.samples()) {
                        expected.add(new ParsedSample(
                                s.name(),
                                s.labels().toBuilder()
                                        .add(Labels.METRIC_NAME, s.name())
                                        .build(),
                                s.value(),
                                OptionalLong.empty()));
                    }
                }
            }
        }
        assertThat(c.samples()).containsExactlyElementsOf(expected);
        assertThat(c.metadata().get("steward_notifications_total"))
                .isEqualTo(new ExpositionCollector.Metadata(
                        MetricType.COUNTER, "Notifications sent.\nA second line with a back\\slash.", null));
    }

    @Test
    void writesTimestampsWhenGiven() {
        String text = ExpositionWriter.write(List.of(new MetricFamily(
                "m",
                MetricType.GAUGE,
                "h",
                List.of(new MetricFamily.Sample("m", Labels.EMPTY, 1, OptionalLong.of(5))))));
        assertThat(text).endsWith("\nm 1 5\n");
    }

    @Test
    void rejectsSamplesThatDoNotBelongToTheirFamily() {
        assertThatThrownBy(() -> ExpositionWriter.write(List.of(new MetricFamily(
                        "lat", MetricType.HISTOGRAM, "h", List.of(new MetricFamily.Sample("lat", Labels.EMPTY, 1))))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sample lat does not belong to histogram family lat");
    }

    @Test
    void rejectsInvalidNamesAndConflictingTypes() {
        assertThatThrownBy(() -> ExpositionWriter.write(
                        List.of(MetricFamily.single("a-b", MetricType.GAUGE, "", Labels.EMPTY, 1))))
                .hasMessageContaining("family name \"a-b\" is not a valid metric name");
        assertThatThrownBy(() -> ExpositionWriter.write(
                        List.of(MetricFamily.single("a", MetricType.GAUGE, "", Labels.of("b.c", "1"), 1))))
                .hasMessageContaining("label name \"b.c\" on sample a is not a valid label name");
        assertThatThrownBy(() -> ExpositionWriter.write(List.of(
                        MetricFamily.single("a", MetricType.GAUGE, "", Labels.EMPTY, 1),
                        MetricFamily.single("a", MetricType.COUNTER, "", Labels.EMPTY, 1))))
                .hasMessage("metric family a is declared as both gauge and counter");
    }

    @Test
    void writesIntegersWithoutAFractionAndKeepsNegativeZero() {
        StringBuilder sb = new StringBuilder();
        for (double v : new double[] {0, -0.0, 3, -3, 1e14, 1e15, 0.1, 123.456}) {
            ExpositionWriter.appendValue(sb, v);
            sb.append(' ');
        }
        assertThat(sb.toString()).isEqualTo("0 -0 3 -3 100000000000000 1.0E15 0.1 123.456 ");
        assertThat(new String(ExpositionWriter.writeUtf8(List.of()), StandardCharsets.UTF_8))
                .isEmpty();
    }
}
