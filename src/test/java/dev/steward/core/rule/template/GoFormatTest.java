package dev.steward.core.rule.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Numbers and formats print as Go prints them. The same cases reachable from a template are checked against Prometheus
 * itself in {@link TemplateParityTest}.
 */
class GoFormatTest {
    static Stream<Arguments> floats() {
        return Stream.of(
                Arguments.of(0.30000000000000004, "0.30000000000000004"),
                Arguments.of(1e21, "1e+21"),
                Arguments.of(123456.7, "123456.7"),
                Arguments.of(1234567.0, "1.234567e+06"),
                Arguments.of(0.0001, "0.0001"),
                Arguments.of(0.00001234, "1.234e-05"),
                Arguments.of(-2.5, "-2.5"),
                Arguments.of(0.0, "0"),
                Arguments.of(Double.NaN, "NaN"),
                Arguments.of(Double.POSITIVE_INFINITY, "+Inf"),
                Arguments.of(Double.NEGATIVE_INFINITY, "-Inf"));
    }

    @ParameterizedTest
    @MethodSource("floats")
    void printsFloatsWithTheShortestDigitsLikeGo(double v, String go) {
        assertThat(GoFloat.shortest(v)).isEqualTo(go);
    }

    static Stream<Arguments> humanized() {
        return Stream.of(
                Arguments.of(Humanize.metric(-1234), "-1.234k"),
                Arguments.of(Humanize.metric(1e30), "1e+06Y"),
                Arguments.of(Humanize.metric(Double.NaN), "NaN"),
                Arguments.of(Humanize.metric(0.000_000_5), "500n"),
                Arguments.of(Humanize.duration(-90), "-1m 30s"),
                Arguments.of(Humanize.duration(59.99), "59.99s"),
                Arguments.of(Humanize.duration(0.000_25), "250us"),
                Arguments.of(Humanize.binary(1536), "1.5ki"),
                Arguments.of(Humanize.binary(5e12), "4.547Ti"),
                Arguments.of(Humanize.percentage(Double.NaN), "NaN%"),
                Arguments.of(Humanize.percentage(0.999_99), "100%"),
                Arguments.of(Humanize.timestamp(0), "1970-01-01 00:00:00 +0000 UTC"),
                Arguments.of(Humanize.timestamp(Double.POSITIVE_INFINITY), "+Inf"));
    }

    @ParameterizedTest
    @MethodSource("humanized")
    void humanizesLikePrometheus(String actual, String prometheus) {
        assertThat(actual).isEqualTo(prometheus);
    }

    static Stream<Arguments> printf() {
        return Stream.of(
                Arguments.of("%.3e", List.of(1234.5), "1.234e+03"),
                Arguments.of("%d", List.of(3.0), "%!d(float64=3)"),
                Arguments.of("%s %s", List.of("a"), "a %!s(MISSING)"),
                Arguments.of("%s", List.of("a", "b"), "a%!(EXTRA string=b)"),
                Arguments.of("%05.1f", List.of(-2.5), "-02.5"),
                Arguments.of("%+.1f", List.of(2.25), "+2.2"),
                Arguments.of("%x", List.of(255L), "ff"),
                Arguments.of("%X", List.of("hi"), "6869"),
                Arguments.of("%-6s|", List.of("ab"), "ab    |"),
                Arguments.of("%q", List.of("a\"b"), "\"a\\\"b\""),
                Arguments.of("%.2f%%", List.of(99.999), "100.00%"),
                Arguments.of("%v", List.of(true), "true"),
                Arguments.of("%.1s", List.of("xyz"), "x"),
                Arguments.of("%g", List.of(100000.0), "100000"),
                Arguments.of("%.4g", List.of(12345.0), "1.234e+04"),
                Arguments.of("%.4g", List.of(1000.0), "1000"),
                Arguments.of("%8.3f|", List.of(3.14159), "   3.142|"));
    }

    @ParameterizedTest
    @MethodSource("printf")
    void formatsLikeGoSprintf(String format, List<Object> args, String go) {
        assertThat(GoFormat.sprintf(format, args)).isEqualTo(go);
    }
}
