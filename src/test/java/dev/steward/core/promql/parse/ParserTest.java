package dev.steward.core.promql.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.series.LabelMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {
    private static Expr parse(String q) throws ParseException {
        return Parser.parse(q);
    }

    private static void failsWith(String query, String message) {
        assertThatThrownBy(() -> parse(query))
                .isInstanceOf(ParseException.class)
                .hasMessage(message);
    }

    @Test
    void reportsLineColumnAndWhatWasExpected() {
        failsWith("sum(foo) + ", "1:12: parse error: unexpected end of input, expected an expression");
        failsWith(
                "foo{bar=\"baz\"",
                "1:14: parse error: unexpected end of input, expected \",\" or \"}\" in label matching");
        failsWith("foo bar", "1:5: parse error: unexpected identifier \"bar\", expected end of input or an operator");
        failsWith("(1 + 2", "1:7: parse error: unexpected end of input, expected \")\" to close \"(\"");
    }

    @Test
    void countsLinesInMultiLineQueries() {
        failsWith("sum(\n  foo +\n)", "3:1: parse error: unexpected \")\"");
    }

    @Test
    void checksFunctionArgumentTypesAndCounts() {
        failsWith(
                "rate(foo)",
                "1:6: parse error: expected type range vector in call to function \"rate\", got instant vector");
        failsWith("abs(foo, bar)", "1:1: parse error: expected 1 argument(s) in call to \"abs\", got 2");
        failsWith("round()", "1:1: parse error: expected at least 1 argument(s) in call to \"round\", got 0");
        failsWith("nosuch(foo)", "1:1: parse error: unknown function with name \"nosuch\"");
        failsWith(
                "sum(foo[5m])",
                "1:5: parse error: expected type instant vector in aggregation expression, got range vector");
        failsWith(
                "topk(foo)",
                "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 1");
    }

    @Test
    void rejectsMisplacedModifiers() {
        failsWith("foo offset 1m offset 2m", "1:15: parse error: offset may not be set multiple times");
        failsWith(
                "sum(foo) offset 1m",
                "1:10: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery");
        failsWith("foo[5m][1m]", "1:8: parse error: ranges only allowed for vector selectors");
        failsWith("1 == 1", "1:1: parse error: comparisons between scalars must use BOOL modifier");
        failsWith("foo + bool bar", "1:5: parse error: bool modifier can only be used on comparison operators");
        failsWith("1 and foo", "1:1: parse error: set operator \"and\" not allowed in binary scalar expression");
        failsWith("{}", "1:1: parse error: vector selector must contain at least one non-empty matcher");
        failsWith("{job=~\"(\"}", "1:7: parse error: invalid regular expression in matcher job=~\"(\": Unclosed group");
        failsWith("foo and on(a) group_left bar", "1:1: parse error: no grouping allowed for \"and\" operation");
    }

    @Test
    void powerIsRightAssociativeAndBindsTighterThanUnaryMinus() throws Exception {
        Expr e = parse("2 ^ 3 ^ 2");
        assertThat(e).isInstanceOf(Expr.Binary.class);
        Expr.Binary b = (Expr.Binary) e;
        assertThat(b.lhs()).isEqualTo(new Expr.NumberLiteral(2, 0));
        assertThat(b.rhs()).isInstanceOf(Expr.Binary.class);
        Expr neg = parse("-2 ^ 2");
        assertThat(neg).isInstanceOf(Expr.Unary.class);
        Expr.Binary mul = (Expr.Binary) parse("1 + 2 * 3");
        assertThat(mul.op()).isEqualTo(BinaryOp.ADD);
        Expr.Binary or = (Expr.Binary) parse("a or b and c");
        assertThat(or.op()).isEqualTo(BinaryOp.OR);
    }

    @Test
    void readsNumbersInEveryNotation() throws Exception {
        assertThat(((Expr.NumberLiteral) parse("0x1F")).value()).isEqualTo(31);
        assertThat(((Expr.NumberLiteral) parse("1.5e3")).value()).isEqualTo(1500);
        assertThat(((Expr.NumberLiteral) parse(".5")).value()).isEqualTo(0.5);
        assertThat(((Expr.NumberLiteral) parse("-Inf")).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(((Expr.NumberLiteral) parse("nAn")).value()).isNaN();
        assertThat(((Expr.NumberLiteral) parse("1h30m")).value()).isEqualTo(5400);
    }

    @Test
    void unquotesStringsOfAllThreeKinds() throws Exception {
        assertThat(((Expr.StringLiteral) parse("\"a\\tb\\\"c\\u00e9\"")).value())
                .isEqualTo("a\tb\"cé");
        assertThat(((Expr.StringLiteral) parse("'it\\'s'")).value()).isEqualTo("it's");
        assertThat(((Expr.StringLiteral) parse("`raw\\n`")).value()).isEqualTo("raw\\n");
        assertThat(((Expr.StringLiteral) parse("\"\\x41\\101\"")).value()).isEqualTo("AA");
        failsWith("\"abc", "1:1: parse error: unterminated quoted string");
        failsWith("\"\\q\"", "1:2: parse error: unknown escape sequence \\q");
    }

    @Test
    void parsesSelectorsWithAllMatchersAndModifiers() throws Exception {
        Expr.VectorSelector vs =
                (Expr.VectorSelector) parse("foo{a=\"1\", b!=\"2\", c=~\"3.*\", d!~'4',} offset -1h30m @ 100");
        assertThat(vs.matchers())
                .containsExactly(
                        LabelMatcher.metricName("foo"),
                        LabelMatcher.eq("a", "1"),
                        LabelMatcher.neq("b", "2"),
                        LabelMatcher.re("c", "3.*"),
                        LabelMatcher.nre("d", "4"));
        assertThat(vs.offsetMillis()).isEqualTo(-5_400_000);
        assertThat(vs.at()).isEqualTo(Expr.At.TIME);
        assertThat(vs.atMillis()).isEqualTo(100_000);
        Expr.VectorSelector byName = (Expr.VectorSelector) parse("{__name__=\"foo\", job=\"x\"}");
        assertThat(byName.matchers()).contains(LabelMatcher.metricName("foo"));
        Expr.MatrixSelector ms = (Expr.MatrixSelector) parse("foo[1h30m] @ start()");
        assertThat(ms.rangeMillis()).isEqualTo(5_400_000);
        assertThat(ms.selector().at()).isEqualTo(Expr.At.START);
        Expr.Subquery sq = (Expr.Subquery) parse("rate(foo[5m])[30m:] offset 5m @ end()");
        assertThat(sq.stepMillis()).isZero();
        assertThat(sq.offsetMillis()).isEqualTo(300_000);
        assertThat(sq.at()).isEqualTo(Expr.At.END);
    }

    @Test
    void parsesVectorMatchingAndAggregationModifiersInEitherPlace() throws Exception {
        Expr.Binary b = (Expr.Binary) parse("a * on(x, y) group_left(z) b");
        assertThat(b.matching().on()).isTrue();
        assertThat(b.matching().labels()).containsExactly("x", "y");
        assertThat(b.matching().cardinality()).isEqualTo(Expr.VectorMatching.Cardinality.MANY_TO_ONE);
        assertThat(b.matching().include()).containsExactly("z");
        Expr.Binary cmp = (Expr.Binary) parse("a > bool ignoring(x) group_right b");
        assertThat(cmp.returnBool()).isTrue();
        assertThat(cmp.matching().cardinality()).isEqualTo(Expr.VectorMatching.Cardinality.ONE_TO_MANY);
        Expr.Aggregate before = (Expr.Aggregate) parse("sum by (job) (foo)");
        Expr.Aggregate after = (Expr.Aggregate) parse("sum(foo) without (instance, job)");
        assertThat(before.grouping()).isEqualTo(List.of("job"));
        assertThat(after.without()).isTrue();
        assertThat(after.grouping()).containsExactly("instance", "job");
        Expr.Aggregate q = (Expr.Aggregate) parse("count_values(\"v\", foo)");
        assertThat(q.param()).isEqualTo(new Expr.StringLiteral("v", 13));
    }

    @Test
    void reportsPositionOfInvalidDurations() {
        failsWith("foo[5x]", "1:5: parse error: bad number or duration syntax: \"5x\"");
        failsWith("foo[1m1h]", "1:5: parse error: not a valid duration string: \"1m1h\"");
        failsWith("foo[0s]", "1:5: parse error: duration must be greater than 0");
    }
}
