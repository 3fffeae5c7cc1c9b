package dev.steward.core.expect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConditionEvaluationTest {

    static final String BODY = """
            {"status": "Healthy", "count": 3, "ok": true, "nil": null, "ratio": 0.25,
             "items": [{"name": "a"}, {"name": "b"}], "tags": ["prod", "eu"], "ids": [1, 2, 3],
             "nested": {"x.y": 1, "deep": {"level": "warn"}}}
            """;

    static final Observation OBS = Observation.builder()
            .fact("status", Value.num(200))
            .fact("latency", Value.dur(Duration.ofMillis(150)))
            .fact("cert_expiry", Value.dur(Duration.ofDays(30)))
            .fact("info.used_memory", Value.num(1_048_576))
            .fact("exit_code", Value.num(0))
            .fact("stdout", Value.text(" 42\n"))
            .fact("redirects", Value.num(0))
            .fact("tls", Value.bool(true))
            .header("Content-Type", "application/json")
            .header("Content-Length", "1234")
            .document("body", BODY)
            .document("cluster", "{\"status\": \"green\", \"active_shards_percent_as_number\": 100.0}")
            .document("broken", "{not json")
            .build();

    static Stream<Arguments> passing() {
        return Stream.of(
                        "status == 200",
                        "200 == status",
                        "status != 503",
                        "status >= 200 and status < 300",
                        "status in [200, 204]",
                        "status in [200, 204,]",
                        "status matches \"^2..$\"",
                        "latency < 200ms",
                        "latency <= 150ms",
                        "latency > 0.1s",
                        "latency < 1h30m",
                        "cert_expiry > 14d",
                        "cert_expiry >= 4w",
                        "info.used_memory == 1MiB",
                        "info.used_memory > 1MB",
                        "info.used_memory < 1.1mb",
                        "info.used_memory <= 1024KiB",
                        "body.status == \"Healthy\"",
                        "body.count == 3",
                        "body.count > 2.5",
                        "body.ratio < 0.5",
                        "body.ok == true",
                        "body.ok != false",
                        "body.items[0].name == \"a\"",
                        "body.items[1].name == \"b\"",
                        "body[\"status\"] == \"Healthy\"",
                        "body.nested[\"x.y\"] == 1",
                        "body.nested.deep.level in [\"warn\", \"error\"]",
                        "body.tags contains \"prod\"",
                        "body.ids contains 2",
                        "body.nested contains \"deep\"",
                        "body contains \"Healthy\"",
                        "body matches \"\\\"status\\\":\\\\s*\\\"Healthy\\\"\"",
                        "header[\"Content-Type\"] == \"application/json\"",
                        "header[\"content-type\"] contains \"json\"",
                        "header[\"Content-Length\"] > 1000",
                        "header[\"Content-Length\"] == 1234",
                        "stdout == 42",
                        "stdout contains \"42\"",
                        "cluster.status == \"green\"",
                        "cluster.active_shards_percent_as_number >= 100",
                        "exit_code == 0",
                        "tls == true",
                        "status == 503 or status == 200",
                        "not status == 503",
                        "not (status == 503 or latency > 1s)",
                        "NOT status == 503 AND latency < 1s or false == true",
                        "(status == 200)",
                        "((status == 200) and (body.ok == true))",
                        "status == 500 or status == 200 and latency < 1s",
                        "not not status == 200",
                        "status == -1 or status == 2e2",
                        "status != \"200\" or true == true",
                        "body.ok",
                        "tls and not body.nil",
                        "(body.ok)")
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("passing")
    void conditionThatHoldsPasses(String condition) {
        assertThat(ConditionParser.parse(condition).evaluate(OBS)).isEqualTo(Verdict.PASS);
    }

    static Stream<Arguments> failing() {
        return Stream.of(
                Arguments.of("status == 503", "status == 503", "200"),
                Arguments.of("status < 200", "status < 200", "200"),
                Arguments.of("503 == status", "503 == status", "200"),
                Arguments.of("status in [500, 503]", "status in [500, 503]", "200"),
                Arguments.of("latency < 100ms", "latency < 100ms", "150ms"),
                Arguments.of("cert_expiry < 14d", "cert_expiry < 14d", "30d"),
                Arguments.of("latency > 1s", "latency > 1s", "150ms"),
                Arguments.of("body.status == \"Down\"", "body.status == \"Down\"", "\"Healthy\""),
                Arguments.of("body.items[5].name == \"a\"", "body.items[5].name == \"a\"", "<missing>"),
                Arguments.of("body.count.deeper == 1", "body.count.deeper == 1", "<missing>"),
                Arguments.of("body.nil == 1", "body.nil == 1", "null"),
                Arguments.of("nothing == 1", "nothing == 1", "<missing>"),
                Arguments.of("header[\"X-Missing\"] == \"a\"", "header[\"X-Missing\"] == \"a\"", "<missing>"),
                Arguments.of("broken.status == \"x\"", "broken.status == \"x\"", "<broken is not JSON>"),
                Arguments.of("latency < 200", "latency < 200", "150ms (a duration, not comparable with a number)"),
                Arguments.of("status == \"OK\"", "status == \"OK\"", "200 (a number, not comparable with text)"),
                Arguments.of(
                        "body.status > \"A\"",
                        "body.status > \"A\"",
                        "\"Healthy\" (text has no order; use == or != (or matches for text))"),
                Arguments.of("body.items == 2", "body.items == 2", "<array of 2>"),
                Arguments.of("body.tags contains \"us\"", "body.tags contains \"us\"", "<array of 2>"),
                Arguments.of(
                        "status contains \"2\"",
                        "status contains \"2\"",
                        "200 (a number; contains needs text and a text value)"),
                Arguments.of("status == 200 and latency < 100ms", "latency < 100ms", "150ms"),
                Arguments.of(
                        "status == 200 and (latency < 100ms or body.ok == false)",
                        "latency < 100ms or body.ok == false",
                        "150ms, true"),
                Arguments.of("status == 500 or status == 503", "status == 500 or status == 503", "200"),
                Arguments.of("not status == 200", "not status == 200", "200"),
                Arguments.of(
                        "not (status == 200 and latency < 1s)", "not (status == 200 and latency < 1s)", "200, 150ms"),
                Arguments.of("status", "status", "200 (a number, not comparable with a boolean)"),
                Arguments.of("body.ok and not tls", "not tls", "true"),
                Arguments.of("status   ==    503", "status == 503", "200"),
                Arguments.of("body matches \"^Healthy$\"", "body matches \"^Healthy$\"", OBS_BODY_SEEN));
    }

    static final String OBS_BODY_SEEN = Resolution.shorten(Value.text(BODY).toString());

    @ParameterizedTest
    @MethodSource("failing")
    void failingConditionReportsTheSmallestFailingPartAndTheValueSeen(String condition, String part, String seen) {
        assertThat(ConditionParser.parse(condition).evaluate(OBS)).isEqualTo(new Verdict.Fail(part, seen));
    }

    @Test
    void notANumberEqualsNothingAndNegativeZeroEqualsZero() {
        Observation o = Observation.builder()
                .fact("nan", Value.num(Double.NaN))
                .document("body", "{\"z\": -0.0}")
                .build();
        assertThat(ConditionParser.parse("nan == 0 or nan < 1 or nan >= 1")
                        .evaluate(o)
                        .passed())
                .isFalse();
        assertThat(ConditionParser.parse("nan != 0").evaluate(o).passed()).isTrue();
        assertThat(ConditionParser.parse("body.z == 0 and body.z >= 0 and not body.z < 0")
                        .evaluate(o)
                        .passed())
                .isTrue();
    }

    @Test
    void missingFactsFailInsteadOfThrowing() {
        Verdict v = ConditionParser.parse("body.status == \"Healthy\"").evaluate(Observation.EMPTY);
        assertThat(v).isEqualTo(new Verdict.Fail("body.status == \"Healthy\"", "<missing>"));
    }

    @Test
    void aFactWithADottedNameWinsOverTheJsonDocumentOfItsRoot() {
        Observation o = Observation.builder()
                .fact("cluster.status", Value.text("yellow"))
                .document("cluster", "{\"status\": \"green\"}")
                .build();
        assertThat(ConditionParser.parse("cluster.status == \"yellow\"").evaluate(o))
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void regularExpressionThatExhaustsTheStackFailsInsteadOfThrowing() {
        Observation o =
                Observation.builder().document("body", "ab".repeat(500_000)).build();
        Verdict v = ConditionParser.parse("body matches \"^(a|b)*$\"").evaluate(o);
        assertThat(v).isInstanceOf(Verdict.Fail.class);
        assertThat(((Verdict.Fail) v).seen()).endsWith("(the regular expression is too complex for this value)");
    }

    @Test
    void longBodiesAreShortenedInTheValueSeen() {
        Observation o = Observation.builder().document("body", "x".repeat(5000)).build();
        Verdict.Fail f =
                (Verdict.Fail) ConditionParser.parse("body contains \"y\"").evaluate(o);
        assertThat(f.seen()).hasSize(120).endsWith("...");
    }

    @Test
    void allOfCombinesTheExpectListAndReportsTheFirstFailingPart() {
        Expression all = Expression.allOf(java.util.List.of(
                ConditionParser.parse("status == 200"),
                ConditionParser.parse("latency < 1s or status == 1"),
                ConditionParser.parse("body.ok == false")));
        assertThat(all.source()).isEqualTo("status == 200 and (latency < 1s or status == 1) and body.ok == false");
        assertThat(all.evaluate(OBS)).isEqualTo(new Verdict.Fail("body.ok == false", "true"));
    }

    @Test
    void pathsAndRootsListWhatTheConditionReads() {
        Expression e = ConditionParser.parse(
                "header[\"X-A\"] == \"1\" or body.items[0].name == \"a\" and info.used_memory < 1GB");
        assertThat(e.paths()).containsExactly("header[\"X-A\"]", "body.items[0].name", "info.used_memory");
        assertThat(e.pathRoots()).containsExactly("header", "body", "info");
        assertThat(e.rootOffsets())
                .containsEntry("header", 0)
                .containsEntry("body", 24)
                .containsEntry("info", 54);
    }
}
