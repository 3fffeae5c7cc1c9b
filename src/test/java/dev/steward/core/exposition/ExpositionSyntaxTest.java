package dev.steward.core.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.series.Labels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpositionSyntaxTest {
    private static ExpositionCollector parse(String text, ExpositionFormat format) {
        ExpositionCollector c = new ExpositionCollector();
        ParseResult r = new ExpositionParser().parse(text.getBytes(StandardCharsets.UTF_8), format, c);
        assertThat(r).as("parse of %s", text).isInstanceOf(ParseResult.Parsed.class);
        return c;
    }

    private static ParseError error(String text, ExpositionFormat format) {
        ParseResult r =
                new ExpositionParser().parse(text.getBytes(StandardCharsets.UTF_8), format, new ExpositionCollector());
        assertThat(r).as("parse of %s", text).isInstanceOf(ParseResult.Failed.class);
        return ((ParseResult.Failed) r).error();
    }

    private static ParsedSample only(String text) {
        List<ParsedSample> s = parse(text, ExpositionFormat.PROMETHEUS_TEXT).samples();
        assertThat(s).hasSize(1);
        return s.getFirst();
    }

    @Test
    void unescapesLabelValues() {
        ParsedSample s = only("m{a=\"quote \\\" backslash \\\\ newline \\n end\"} 1\n");
        assertThat(s.labels().get("a")).isEqualTo("quote \" backslash \\ newline \n end");
    }

    @Test
    void keepsUnknownEscapesAndUtf8AsWritten() {
        ParsedSample s = only("m{a=\"C:\\\\dir \\t tab\",b=\"größe ✓\"} 1\n");
        assertThat(s.labels().get("a")).isEqualTo("C:\\dir \\t tab");
        assertThat(s.labels().get("b")).isEqualTo("größe ✓");
    }

    @Test
    void labelValuesMayHoldBracesCommasAndHashes() {
        ParsedSample s = only("m{path=\"/a/{id},x # y=\\\"z\\\"\"} 2\n");
        assertThat(s.labels().get("path")).isEqualTo("/a/{id},x # y=\"z\"");
    }

    @Test
    void unescapesHelpInTheTextFormatOnlyForBackslashAndNewline() {
        ExpositionCollector c = parse("# HELP m a \\\\ b \\n c \\\" d\n", ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(c.metadata().get("m").help()).isEqualTo("a \\ b \n c \\\" d");
    }

    @Test
    void acceptsBlanksTabsTrailingCommaTimestampsAndComments() {
        ExpositionCollector c = parse("""
                # a free comment
                #TYPE not metadata without a blank
                \t m { a = "1" , } \t 3.5 \t -1700000000000 \t

                m2 +Inf 17
                """, ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(c.samples())
                .containsExactly(
                        new ParsedSample("m", Labels.metric("m", "a", "1"), 3.5, OptionalLong.of(-1_700_000_000_000L)),
                        new ParsedSample("m2", Labels.metric("m2"), Double.POSITIVE_INFINITY, OptionalLong.of(17)));
        assertThat(c.metadata()).isEmpty();
    }

    @Test
    void takesAValueRightAfterTheClosingBraceInTheTextFormatOnly() {
        assertThat(only("m{a=\"1\"}2\n").value()).isEqualTo(2);
        assertThat(error("m{a=\"1\"}2\n# EOF\n", ExpositionFormat.OPENMETRICS).message())
                .isEqualTo("expected a space before a value, found '2'");
    }

    @Test
    void dropsEmptyLabelValuesLikePrometheus() {
        assertThat(only("m{a=\"\",b=\"x\"} 1").labels()).isEqualTo(Labels.metric("m", "b", "x"));
    }

    @Test
    void parsesNumbersTheWayGoDoes() {
        String text = """
                a 1e3
                b -0
                c .5
                d 5.
                e Inf
                f -inf
                g nan
                h 0.1
                i 123456789012345678901234567890
                j 1.7976931348623157e308
                k 4.9e-324
                l +3
                """;
        List<ParsedSample> s = parse(text, ExpositionFormat.PROMETHEUS_TEXT).samples();
        assertThat(s)
                .extracting(ParsedSample::value)
                .containsExactly(
                        1000.0,
                        -0.0,
                        0.5,
                        5.0,
                        Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY,
                        Double.NaN,
                        0.1,
                        1.2345678901234568e29,
                        Double.MAX_VALUE,
                        Double.MIN_VALUE,
                        3.0);
        assertThat(Double.doubleToRawLongBits(s.get(1).value())).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void convertsOpenMetricsSecondsToMilliseconds() {
        ExpositionCollector c = parse("m 1 1700000000.5\nn 2 1700000001\n# EOF\n", ExpositionFormat.OPENMETRICS);
        assertThat(c.samples())
                .extracting(ParsedSample::timestampMs)
                .containsExactly(OptionalLong.of(1_700_000_000_500L), OptionalLong.of(1_700_000_001_000L));
    }

    @Test
    void acceptsEofWithoutTrailingNewline() {
        assertThat(parse("m 1\n# EOF", ExpositionFormat.OPENMETRICS).samples()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            TEXT | m{a="1"} 1\\nm{a="2" 2                   | 2 | 9  | expected ',' or '}' after the value of label "a", found '2'
            TEXT | ok 1\\n9bad 1                            | 2 | 1  | expected a metric name, found '9'
            TEXT | m 1 2 3                                  | 1 | 7  | expected the end of the line, found '3'
            TEXT | m{a="x} 1                                | 1 | 5  | the value of label "a" has no closing quote
            TEXT | m{a="1",a="2"} 1                         | 1 | 9  | duplicate label name "a"
            TEXT | m{__name__="x"} 1                        | 1 | 3  | duplicate label name "__name__"
            TEXT | m{a:b="1"} 1                             | 1 | 4  | expected '=' after label name "a", found ':'
            TEXT | m{"a"="1"} 1                             | 1 | 3  | expected a label name or '}', found '"'
            TEXT | m 1.2.3                                  | 1 | 3  | expected a sample value, found "1.2.3"
            TEXT | m 0x1p3                                  | 1 | 3  | expected a sample value, found "0x1p3"
            TEXT | m 1d                                     | 1 | 3  | expected a sample value, found "1d"
            TEXT | m                                        | 1 | 2  | expected a blank before a value, found the end of the input
            TEXT | m 1 1.5                                  | 1 | 5  | expected a timestamp in milliseconds, found "1.5"
            TEXT | m 1 99999999999999999999                 | 1 | 5  | does not fit in 64 bits
            TEXT | # TYPE m gauges                          | 1 | 10 | unknown metric type "gauges", expected one of counter, gauge, histogram, summary, untyped
            TEXT | # TYPE m info                            | 1 | 10 | unknown metric type "info"
            TEXT | # HELP 1m x                              | 1 | 8  | expected a metric name, found '1'
            OM   | m 1                                      | 1 | 4  | OpenMetrics exposition does not end with # EOF
            OM   | m 1\\n# EOF\\nm 2                        | 3 | 1  | unexpected data after # EOF
            OM   | m 1\\n\\n# EOF                           | 2 | 1  | blank lines are not allowed in OpenMetrics
            OM   | # free comment\\n# EOF                   | 1 | 3  | expected HELP, TYPE, UNIT or EOF after '# ', found "free comment"
            OM   | m 1 # {a="b"}\\n# EOF                    | 1 | 14 | expected a space before the exemplar's value, found the end of the line
            OM   | m 1 # a\\n# EOF                          | 1 | 7  | expected '{' to start the exemplar's labels, found 'a'
            OM   | m 1 NaN\\n# EOF                          | 1 | 5  | timestamp must be a finite number of seconds, found "NaN"
            OM   | m\\t1\\n# EOF                            | 1 | 2  | expected a space before a value, found byte 0x09
            """)
    void reportsTheLineColumnAndCauseOfMalformedInput(
            String format, String input, int line, int column, String message) {
        ParseError e = error(
                input.replace("\\n", "\n").replace("\\t", "\t"),
                format.equals("OM") ? ExpositionFormat.OPENMETRICS : ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(e.message()).contains(message);
        assertThat(e.line()).as("line of %s", e).isEqualTo(line);
        assertThat(e.column()).as("column of %s", e).isEqualTo(column);
        assertThat(e.excerpt()).isEqualTo(input.replace("\\t", "\t").split("\\\\n", -1)[line - 1]);
    }

    @Test
    void aBadLineRejectsTheWholeExpositionAfterPushingTheLinesBeforeIt() {
        ExpositionCollector c = new ExpositionCollector();
        ParseResult r = new ExpositionParser()
                .parse("a 1\nb 2\nc x\nd 4\n".getBytes(StandardCharsets.UTF_8), ExpositionFormat.PROMETHEUS_TEXT, c);
        assertThat(r).isInstanceOf(ParseResult.Failed.class);
        assertThat(c.samples()).hasSize(2);
        assertThat(((ParseResult.Failed) r).error().toString())
                .isEqualTo("line 3, column 3: expected a sample value, found \"x\" in: c x");
    }

    @Test
    void rejectsInvalidUtf8InLabelValues() {
        byte[] bad = {'m', '{', 'a', '=', '"', (byte) 0xC3, (byte) 0x28, '"', '}', ' ', '1', '\n'};
        ParseResult r = new ExpositionParser().parse(bad, ExpositionFormat.PROMETHEUS_TEXT, new ExpositionCollector());
        assertThat(((ParseResult.Failed) r).error().message()).isEqualTo("invalid UTF-8 in value of label a");
    }

    @Test
    void picksTheFormatFromTheContentType() {
        assertThat(ExpositionFormat.fromContentType("application/openmetrics-text; version=1.0.0"))
                .isEqualTo(ExpositionFormat.OPENMETRICS);
        assertThat(ExpositionFormat.fromContentType("text/plain; version=0.0.4"))
                .isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(ExpositionFormat.fromContentType(null)).isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
    }
}
