package dev.steward.core.expect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConditionSyntaxTest {

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("", 0, "a condition such as status == 200", "end of input"),
                Arguments.of("   ", 3, "a condition such as status == 200", "end of input"),
                Arguments.of("status ==", 9, "a value after '=='", "end of input"),
                Arguments.of("status == and", 10, "a value after '=='", "'and'"),
                Arguments.of("status = 200", 7, "'==' to compare", "'='"),
                Arguments.of("status ! 200", 7, "'!=' (or the keyword not)", "'!'"),
                Arguments.of(
                        "status 200",
                        7,
                        "an operator (==, !=, <, <=, >, >=, in, contains, matches) after 'status'",
                        "'200'"),
                Arguments.of("status == 200 latency", 14, "'and', 'or' or the end of the condition", "'latency'"),
                Arguments.of("(status == 200", 14, "')' to close the '(' at column 1", "end of input"),
                Arguments.of("status == 200)", 13, "'and', 'or' or the end of the condition", "')'"),
                Arguments.of(
                        "body.status == \"Healthy", 15, "a closing '\"' for the string starting here", "end of input"),
                Arguments.of("body == \"a\\qb\"", 10, "an escape such as \\\" \\\\ \\n \\t \\uXXXX", "'\\q'"),
                Arguments.of(
                        "latency < 200xs",
                        13,
                        "a duration unit (ms, s, m, h, d, w) or a size unit (B, KB, MB, GB, TB, KiB, MiB, GiB, TiB)",
                        "'200xs'"),
                Arguments.of(
                        "latency < 5S",
                        11,
                        "a duration unit (ms, s, m, h, d, w) or a size unit (B, KB, MB, GB, TB, KiB, MiB, GiB, TiB)",
                        "'5S'"),
                Arguments.of("status in 200", 10, "'[' to start the list after 'in'", "'200'"),
                Arguments.of("status in [200 204]", 15, "',' or ']' in the list", "'204'"),
                Arguments.of("status in []", 11, "a value in the list", "']'"),
                Arguments.of("status in [ok]", 11, "a value in the list", "'ok'"),
                Arguments.of("body matches 12", 13, "a regular expression in double quotes after 'matches'", "'12'"),
                Arguments.of("body matches \"(\"", 13, "a valid regular expression", "'(' (Unclosed group)"),
                Arguments.of("body contains", 13, "a value after 'contains'", "end of input"),
                Arguments.of("body. status == 1", 5, "a field name right after '.'", "a space"),
                Arguments.of("body.", 5, "a field name right after '.'", "end of input"),
                Arguments.of(
                        "body.items[x] == 1",
                        11,
                        "an array index such as [0] or a quoted key such as [\"Content-Type\"]",
                        "'x'"),
                Arguments.of("body.items[0 == 1", 13, "']'", "'=='"),
                Arguments.of("status == 200 and", 17, "a condition such as status == 200", "end of input"),
                Arguments.of("not", 3, "a condition such as status == 200", "end of input"),
                Arguments.of("and == 1", 0, "a condition such as status == 200", "'and'"),
                Arguments.of(
                        "200",
                        3,
                        "an operator (==, !=, <, <=, >, >=, in, contains, matches) after '200'",
                        "end of input"),
                Arguments.of(
                        "(true) or x",
                        5,
                        "an operator (==, !=, <, <=, >, >=, in, contains, matches) after 'true'",
                        "')'"),
                Arguments.of("(".repeat(64) + "(a", 64, "at most 64 nested 'not's and parentheses", "'('"),
                Arguments.of("not ".repeat(70) + "a", 256, "at most 64 nested 'not's and parentheses", "'not'"),
                Arguments.of("status @ 1", 7, "a path, a value or an operator", "'@'"),
                Arguments.of("status == 1_000", 11, "a unit or an operator after the number", "'_'"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void syntaxErrorSaysWhereWhatWasExpectedAndWhatWasFound(String src, int position, String expected, String found) {
        ConditionSyntaxException e =
                catchThrowableOfType(ConditionSyntaxException.class, () -> ConditionParser.parse(src));
        assertThat(e).as("parse of %s", src).isNotNull();
        assertThat(e.position()).isEqualTo(position);
        assertThat(e.expected()).isEqualTo(expected);
        assertThat(e.found()).isEqualTo(found);
    }

    @Test
    void messageNamesTheOneBasedColumn() {
        ConditionSyntaxException e =
                catchThrowableOfType(ConditionSyntaxException.class, () -> ConditionParser.parse("status == "));
        assertThat(e.getMessage()).isEqualTo("at column 11: expected a value after '==', found end of input");
    }

    static Stream<Arguments> literals() {
        return Stream.of(
                Arguments.of("200", Value.num(200)),
                Arguments.of("0.5", Value.num(0.5)),
                Arguments.of("-1", Value.num(-1)),
                Arguments.of("1e3", Value.num(1000)),
                Arguments.of("\"a\\\"b\\n\\u00e9\"", Value.text("a\"b\né")),
                Arguments.of("true", Value.bool(true)),
                Arguments.of("FALSE", Value.bool(false)),
                Arguments.of("200ms", Value.dur(java.time.Duration.ofMillis(200))),
                Arguments.of("5s", Value.dur(java.time.Duration.ofSeconds(5))),
                Arguments.of("1h30m", Value.dur(java.time.Duration.ofMinutes(90))),
                Arguments.of("1.5s", Value.dur(java.time.Duration.ofMillis(1500))),
                Arguments.of("14d", Value.dur(java.time.Duration.ofDays(14))),
                Arguments.of("2w", Value.dur(java.time.Duration.ofDays(14))),
                Arguments.of("-5s", Value.dur(java.time.Duration.ofSeconds(-5))),
                Arguments.of("100B", Value.num(100)),
                Arguments.of("1KB", Value.num(1000)),
                Arguments.of("1kb", Value.num(1000)),
                Arguments.of("1kB", Value.num(1000)),
                Arguments.of("1MB", Value.num(1e6)),
                Arguments.of("2GB", Value.num(2e9)),
                Arguments.of("1TB", Value.num(1e12)),
                Arguments.of("1KiB", Value.num(1024)),
                Arguments.of("1MiB", Value.num(1 << 20)),
                Arguments.of("1GiB", Value.num(1 << 30)),
                Arguments.of("1.5gib", Value.num(1.5 * (1 << 30))));
    }

    @ParameterizedTest
    @MethodSource("literals")
    void literalIsDecodedToItsValue(String literal, Value expected) {
        Expression e = ConditionParser.parse("x == " + literal);
        Observation o = Observation.builder().fact("x", expected).build();
        assertThat(e.evaluate(o)).isEqualTo(Verdict.PASS);
        assertThat(((Ast.Compare) e).right()).isEqualTo(new Operand.Literal(expected, literal));
    }

    @Test
    void keywordsAreCaseInsensitiveAndNotBindsTighterThanAndWhichBindsTighterThanOr() {
        Expression e = ConditionParser.parse("NOT a == 1 And b == 2 OR c == 3");
        assertThat(e.canonical()).isEqualTo("((not a == 1 and b == 2) or c == 3)");
        assertThat(e.toString()).isEqualTo("NOT a == 1 And b == 2 OR c == 3");
    }

    @Test
    void sourceKeepsTheTextAsWrittenWithWhitespaceNormalised() {
        Expression e = ConditionParser.parse("  status==200\n and   body.x == \"a  b\"  ");
        assertThat(e.source()).isEqualTo("status==200 and body.x == \"a  b\"");
        assertThat(((Ast.And) e).parts().get(1).source()).isEqualTo("body.x == \"a  b\"");
    }

    @Test
    void durationFormatGivesBackWhatParseReads() {
        for (String s : new String[] {"1h30m", "200ms", "0s", "9d3h4m5s6ms", "-5s", "0.0005s"}) {
            assertThat(DurationLiteral.format(DurationLiteral.parse(s).orElseThrow()))
                    .isEqualTo(s);
        }
        assertThat(DurationLiteral.format(Duration.ofDays(14))).isEqualTo("14d");
        assertThat(DurationLiteral.parse("2w")).contains(Duration.ofDays(14));
        assertThat(DurationLiteral.parse("30 seconds")).isEmpty();
        assertThat(DurationLiteral.parse("30")).isEmpty();
        assertThat(DurationLiteral.parse("5S")).isEmpty();
        assertThat(DurationLiteral.parse("")).isEmpty();
        assertThat(DurationLiteral.parse("1.s")).isEmpty();
    }
}
