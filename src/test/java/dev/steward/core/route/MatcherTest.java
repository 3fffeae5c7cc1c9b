package dev.steward.core.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.series.Labels;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatcherTest {
    static List<Matcher> parse(String text) {
        return switch (Matchers.parse(text)) {
            case Parsed.Ok<List<Matcher>>(List<Matcher> m) -> m;
            case Parsed.Failed<List<Matcher>>(String reason) -> throw new AssertionError(reason);
        };
    }

    static String failure(String text) {
        return switch (Matchers.parse(text)) {
            case Parsed.Ok<List<Matcher>>(List<Matcher> m) -> throw new AssertionError("parsed " + m);
            case Parsed.Failed<List<Matcher>>(String reason) -> reason;
        };
    }

    @Test
    void readsTheFourOperatorsWithQuotedAndBareValues() {
        assertThat(parse("severity=\"critical\"").getFirst())
                .extracting(Matcher::name, Matcher::type, Matcher::value)
                .containsExactly("severity", Matcher.Type.EQUAL, "critical");
        assertThat(parse("team != ops").getFirst().type()).isEqualTo(Matcher.Type.NOT_EQUAL);
        assertThat(parse("service=~\"api|db\"").getFirst().type()).isEqualTo(Matcher.Type.REGEX);
        assertThat(parse("env!~'x'").getFirst().type()).isEqualTo(Matcher.Type.NOT_REGEX);
    }

    @Test
    void readsSeveralCommaSeparatedMatchersInBracesWithCommasAndEscapesInsideQuotes() {
        List<Matcher> m = parse("{a=\"1,2\", b=~\"x\\\"y\", c=z,}");
        assertThat(m).extracting(Matcher::value).containsExactly("1,2", "x\"y", "z");
    }

    @Test
    void keepsBackslashesThatAreNotEscapesAndAcceptsEmptyValuesAndABraceOnOneSide() {
        assertThat(parse("a=~\"\\d+\"").getFirst().value()).isEqualTo("\\d+");
        assertThat(parse("a=~\"\\d+\"").getFirst().matches("42")).isTrue();
        assertThat(parse("a=\"x\\ny\"").getFirst().value()).isEqualTo("x\ny");
        assertThat(parse("x=").getFirst().value()).isEmpty();
        assertThat(parse("{a=\"b\"")).hasSize(1);
    }

    @Test
    void anchorsRegularExpressionsAtBothEnds() {
        Matcher m = parse("service=~\"api|db\"").getFirst();
        assertThat(m.matches("api")).isTrue();
        assertThat(m.matches("db")).isTrue();
        assertThat(m.matches("api-gateway")).isFalse();
        assertThat(m.matches("mydb")).isFalse();
    }

    @Test
    void treatsAnAbsentLabelAsTheEmptyString() {
        Labels none = Labels.of("alertname", "Down");
        assertThat(parse("team!=\"ops\"").getFirst().matches(none)).isTrue();
        assertThat(parse("team=\"\"").getFirst().matches(none)).isTrue();
        assertThat(parse("team=~\".+\"").getFirst().matches(none)).isFalse();
        assertThat(parse("team=~\".*\"").getFirst().matches(none)).isTrue();
    }

    @Test
    void allMatchersMustMatchAndNoMatcherMatchesEverything() {
        Matchers both = new Matchers(parse("severity=critical, service=~api|db"));
        assertThat(both.matches(Labels.of("severity", "critical", "service", "db")))
                .isTrue();
        assertThat(both.matches(Labels.of("severity", "warning", "service", "db")))
                .isFalse();
        assertThat(Matchers.NONE.matches(Labels.EMPTY)).isTrue();
    }

    @Test
    void refusesMalformedMatchersWithTheReason() {
        assertThat(failure("severity")).contains("bad matcher \"severity\"");
        assertThat(failure("1abc=\"x\"")).contains("bad matcher");
        assertThat(failure("a=\"open")).contains("unterminated");
        assertThat(failure("a=b\"c")).contains("unescaped double quote");
        assertThat(failure("severity==\"x\"")).contains("unescaped double quote");
        assertThat(failure("a=~\"(\"")).contains("invalid regular expression \"(\"");
    }

    @Test
    void printsAsAlertmanagerDoes() {
        assertThat(parse("a =~ \"x|y\"").getFirst()).hasToString("a=~\"x|y\"");
    }
}
