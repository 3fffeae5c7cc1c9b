package dev.steward.core.expect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property tests over random conditions and observations. Each case is named by its seed; rerun one case with {@code
 * -Dexpect.seed=N} (runs seeds N..N+299). The oracle below is an independent statement of the language's meaning.
 */
class ConditionPropertyTest {
    static final long BASE = Long.getLong("expect.seed", 20261124L);
    static final String[] NUM_PATHS = {"status", "info.used_memory", "body.count", "body.items[0].n"};
    static final String[] DUR_PATHS = {"latency", "cert_expiry"};
    static final String[] TEXT_PATHS = {"body.state", "header[\"X-Mode\"]", "cluster.status"};
    static final String[] BOOL_PATHS = {"body.ok", "tls"};
    static final int OBSERVATIONS_PER_CASE = 40;
    static final String[] OPS = {"==", "!=", "<", "<=", ">", ">="};

    @BeforeAll
    static void printSeed() {
        System.out.println("%s: seeds %d..%d (rerun with -D%s=%d)"
                .formatted("ConditionPropertyTest", BASE, BASE + 299, "expect.seed", BASE));
    }

    static Stream<Long> seeds() {
        return LongStream.range(BASE, BASE + 300).boxed();
    }

    /** The test-side model of a condition. */
    sealed interface Node {}

    record Cmp(String path, String op, Value literal) implements Node {}

    record In(String path, List<Value> options) implements Node {}

    record Contains(String path, String needle) implements Node {}

    record All(List<Node> parts) implements Node {}

    record Any(List<Node> parts) implements Node {}

    record Neg(Node inner) implements Node {}

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void parsedConditionAgreesWithTheOracleHoweverItIsWritten(long seed) {
        Random r = new Random(seed);
        Node node = node(r, 3);
        String text = print(node, r, true);
        Expression e = ConditionParser.parse(text);
        for (int i = 0; i < OBSERVATIONS_PER_CASE; i++) {
            Observation obs = observation(r);
            assertThat(e.evaluate(obs).passed())
                    .as("seed %d: %s against %s %s", seed, text, obs.facts(), obs.documents())
                    .isEqualTo(holds(node, obs));
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void canonicalFormParsesBackToTheSameConditionAndVerdict(long seed) {
        Random r = new Random(seed);
        Expression e = ConditionParser.parse(print(node(r, 3), r, true));
        Expression again = ConditionParser.parse(e.canonical());
        assertThat(again.canonical()).as("seed %d", seed).isEqualTo(e.canonical());
        for (int i = 0; i < OBSERVATIONS_PER_CASE; i++) {
            Observation obs = observation(r);
            Verdict a = e.evaluate(obs);
            Verdict b = again.evaluate(obs);
            assertThat(b.passed()).as("seed %d: %s", seed, e).isEqualTo(a.passed());
            if (a instanceof Verdict.Fail fa && b instanceof Verdict.Fail fb) {
                assertThat(fb.seen()).as("seed %d: %s", seed, e).isEqualTo(fa.seen());
            }
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void mangledConditionEitherParsesOrFailsWithAPositionInsideTheText(long seed) {
        Random r = new Random(seed);
        StringBuilder text = new StringBuilder(print(node(r, 3), r, false));
        String junk = "()[]\"=!<>.,-_ a1\\";
        for (int edits = 1 + r.nextInt(3); edits > 0; edits--) {
            int at = r.nextInt(text.length() + 1);
            switch (r.nextInt(3)) {
                case 0 -> text.insert(at, junk.charAt(r.nextInt(junk.length())));
                case 1 -> text.delete(at, Math.min(text.length(), at + 1 + r.nextInt(3)));
                default ->
                    text.replace(at, Math.min(text.length(), at + 1), "" + junk.charAt(r.nextInt(junk.length())));
            }
        }
        String mangled = text.toString();
        try {
            Expression e = ConditionParser.parse(mangled);
            e.evaluate(observation(r)); // must not throw
        } catch (ConditionSyntaxException ex) {
            assertThat(ex.position()).as("seed %d: %s", seed, mangled).isBetween(0, mangled.length());
        }
    }

    // ---- generators

    static Node node(Random r, int depth) {
        int pick = depth == 0 ? r.nextInt(3) : r.nextInt(6);
        return switch (pick) {
            case 0 -> comparison(r);
            case 1 -> r.nextBoolean() ? in(r) : comparison(r);
            case 2 -> new Contains(pick(r, TEXT_PATHS), pick(r, new String[] {"gre", "en", "x", "", "yellow"}));
            case 3 -> new All(children(r, depth));
            case 4 -> new Any(children(r, depth));
            default -> new Neg(node(r, depth - 1));
        };
    }

    static List<Node> children(Random r, int depth) {
        List<Node> out = new ArrayList<>();
        for (int i = 2 + r.nextInt(2); i > 0; i--) {
            out.add(node(r, depth - 1));
        }
        return out;
    }

    static Node comparison(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> new Cmp(pick(r, NUM_PATHS), pick(r, OPS), numberLiteral(r));
            case 1 -> new Cmp(pick(r, DUR_PATHS), pick(r, OPS), Value.dur(Duration.ofMillis(r.nextInt(5) * 100L)));
            case 2 -> new Cmp(pick(r, TEXT_PATHS), r.nextBoolean() ? "==" : "!=", textLiteral(r));
            default -> new Cmp(pick(r, BOOL_PATHS), r.nextBoolean() ? "==" : "!=", Value.bool(r.nextBoolean()));
        };
    }

    static Node in(Random r) {
        List<Value> options = new ArrayList<>();
        boolean text = r.nextBoolean();
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            options.add(text ? textLiteral(r) : numberLiteral(r));
        }
        return new In(text ? pick(r, TEXT_PATHS) : pick(r, NUM_PATHS), options);
    }

    static Value numberLiteral(Random r) {
        return Value.num(r.nextInt(5) - 1 + (r.nextInt(4) == 0 ? 0.5 : 0));
    }

    static Value textLiteral(Random r) {
        return Value.text(pick(r, new String[] {"green", "yellow", "a \"q\"", "1", ""}));
    }

    static Observation observation(Random r) {
        Observation.Builder b = Observation.builder();
        maybe(r, () -> b.fact("status", Value.num(r.nextInt(5) - 1)));
        maybe(r, () -> b.fact("info.used_memory", Value.num(r.nextInt(4) + 0.5 * r.nextInt(2))));
        maybe(r, () -> b.fact("latency", Value.dur(Duration.ofMillis(r.nextInt(5) * 100L))));
        maybe(r, () -> b.fact("cert_expiry", r.nextInt(5) == 0 ? Value.num(3) : Value.dur(Duration.ofMillis(200))));
        maybe(r, () -> b.fact("tls", Value.bool(r.nextBoolean())));
        maybe(r, () -> b.header("X-Mode", pick(r, new String[] {"green", "1", "a \"q\"", "yellowish"})));
        maybe(r, () -> b.fact("cluster.status", Value.text(pick(r, new String[] {"green", "yellow", ""}))));
        StringBuilder json = new StringBuilder("{");
        if (r.nextBoolean()) {
            json.append("\"count\": ").append(r.nextInt(4)).append(',');
        }
        if (r.nextBoolean()) {
            json.append("\"state\": ")
                    .append(pick(r, new String[] {"\"green\"", "\"yellow\"", "null", "3"}))
                    .append(',');
        }
        if (r.nextBoolean()) {
            json.append("\"ok\": ").append(r.nextBoolean()).append(',');
        }
        json.append("\"items\": [{\"n\": ").append(r.nextInt(3)).append("}]}");
        if (r.nextInt(4) > 0) {
            b.document("body", json.toString());
        }
        return b.build();
    }

    static void maybe(Random r, Runnable action) {
        if (r.nextInt(5) > 0) {
            action.run();
        }
    }

    static <T> T pick(Random r, T[] options) {
        return options[r.nextInt(options.length)];
    }

    // ---- printer: random spacing, keyword case, redundant parentheses, operands swapped

    static String print(Node n, Random r, boolean vary) {
        String s = switch (n) {
            case Cmp c -> comparisonText(c, r, vary);
            case In in ->
                in.path() + sp(r, vary) + kw("in", r, vary) + sp(r, vary) + "["
                        + String.join(
                                ", ",
                                in.options().stream()
                                        .map(ConditionPropertyTest::literal)
                                        .toList())
                        + "]";
            case Contains c ->
                c.path() + sp(r, vary) + kw("contains", r, vary) + sp(r, vary) + Operand.Literal.quote(c.needle());
            case All a -> join(a.parts(), "and", r, vary);
            case Any a -> join(a.parts(), "or", r, vary);
            case Neg g -> kw("not", r, vary) + sp(r, vary) + "(" + print(g.inner(), r, vary) + ")";
        };
        return vary && r.nextInt(6) == 0 ? "(" + s + ")" : s;
    }

    static String comparisonText(Cmp c, Random r, boolean vary) {
        if (vary && r.nextInt(4) == 0) {
            String mirrored = switch (c.op()) {
                case "<" -> ">";
                case "<=" -> ">=";
                case ">" -> "<";
                case ">=" -> "<=";
                default -> c.op();
            };
            return literal(c.literal()) + sp(r, vary) + mirrored + sp(r, vary) + c.path();
        }
        return c.path() + sp(r, vary) + c.op() + sp(r, vary) + literal(c.literal());
    }

    static String join(List<Node> parts, String keyword, Random r, boolean vary) {
        List<String> texts = new ArrayList<>();
        for (Node p : parts) {
            texts.add("(" + print(p, r, vary) + ")");
        }
        return String.join(" " + kw(keyword, r, vary) + " ", texts);
    }

    static String literal(Value v) {
        return new Operand.Literal(v, "").toString();
    }

    static String sp(Random r, boolean vary) {
        return vary ? pick(r, new String[] {" ", "  ", "\t", " \n "}) : " ";
    }

    static String kw(String k, Random r, boolean vary) {
        return vary
                ? pick(r, new String[] {
                    k, k.toUpperCase(Locale.ROOT), k.substring(0, 1).toUpperCase(Locale.ROOT) + k.substring(1)
                })
                : k;
    }

    // ---- oracle

    static boolean holds(Node n, Observation o) {
        return switch (n) {
            case Cmp c -> lookup(c.path(), o) instanceof Value v && compares(v, c.op(), c.literal());
            case In in ->
                lookup(in.path(), o) instanceof Value v
                        && in.options().stream().anyMatch(opt -> compares(v, "==", opt));
            case Contains c -> lookup(c.path(), o) instanceof Value.Text(String t) && t.contains(c.needle());
            case All a -> a.parts().stream().allMatch(p -> holds(p, o));
            case Any a -> a.parts().stream().anyMatch(p -> holds(p, o));
            case Neg g -> !holds(g.inner(), o);
        };
    }

    static Value lookup(String path, Observation o) {
        if (o.facts().containsKey(path)) {
            return o.facts().get(path);
        }
        if (path.startsWith("header[")) {
            return o.header("X-Mode").map(Value.Text::new).orElse(null);
        }
        String body = o.documents().get("body");
        if (body == null || !path.startsWith("body.")) {
            return null;
        }
        var node = tools.jackson.databind.json.JsonMapper.shared().readTree(body);
        var field = path.equals("body.items[0].n") ? node.get("items").get(0).get("n") : node.get(path.substring(5));
        if (field == null || field.isNull()) {
            return null;
        }
        return field.isNumber()
                ? Value.num(field.doubleValue())
                : field.isBoolean() ? Value.bool(field.booleanValue()) : Value.text(field.stringValue());
    }

    static boolean compares(Value seen, String op, Value lit) {
        if (seen instanceof Value.Text(String t) && lit instanceof Value.Num) {
            try {
                seen = Value.num(Double.parseDouble(t.strip()));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (seen instanceof Value.Num(double a) && lit instanceof Value.Text(String t)) {
            try {
                return compares(seen, op, Value.num(Double.parseDouble(t.strip())));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (!seen.getClass().equals(lit.getClass())) {
            return false;
        }
        if (seen instanceof Value.Text || seen instanceof Value.Bool) {
            return switch (op) {
                case "==" -> seen.equals(lit);
                case "!=" -> !seen.equals(lit);
                default -> false;
            };
        }
        int c = seen instanceof Value.Num(double a)
                ? Double.compare(a, ((Value.Num) lit).value())
                : ((Value.Dur) seen).value().compareTo(((Value.Dur) lit).value());
        return switch (op) {
            case "==" -> c == 0;
            case "!=" -> c != 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }
}
