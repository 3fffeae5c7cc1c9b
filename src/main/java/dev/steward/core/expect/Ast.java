package dev.steward.core.expect;

import dev.steward.core.expect.Operand.Literal;
import dev.steward.core.expect.Operand.Path;
import dev.steward.core.expect.ValueComparison.Decided;
import dev.steward.core.expect.ValueComparison.Mismatch;
import dev.steward.core.expect.ValueComparison.Operator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The nodes of a parsed condition. {@code source} is the node as written (whitespace normalised) and is also its
 * {@code toString()}; {@code canonical()} is the fully parenthesised normal form.
 */
final class Ast {
    private Ast() {}

    record Or(List<Expression> parts, String source) implements Expression {
        @Override
        public Outcome outcome(Evaluation e) {
            LinkedHashSet<String> seen = new LinkedHashSet<>();
            for (Expression p : parts) {
                Outcome o = p.outcome(e);
                if (o.passed()) {
                    return new Outcome(true, source, o.seen());
                }
                seen.add(o.seen());
            }
            return new Outcome(false, source, String.join(", ", seen));
        }

        @Override
        public String toString() {
            return source;
        }

        @Override
        public String canonical() {
            return parts.stream().map(Expression::canonical).collect(Collectors.joining(" or ", "(", ")"));
        }
    }

    record And(List<Expression> parts, String source) implements Expression {
        @Override
        public Outcome outcome(Evaluation e) {
            LinkedHashSet<String> seen = new LinkedHashSet<>();
            for (Expression p : parts) {
                Outcome o = p.outcome(e);
                if (!o.passed()) {
                    return o;
                }
                seen.add(o.seen());
            }
            return new Outcome(true, source, String.join(", ", seen));
        }

        @Override
        public String toString() {
            return source;
        }

        @Override
        public String canonical() {
            return parts.stream().map(Expression::canonical).collect(Collectors.joining(" and ", "(", ")"));
        }
    }

    /** Reports its own text when it fails: {@code not status == 200} seen {@code 200}. */
    record Not(Expression inner, String source) implements Expression {
        @Override
        public Outcome outcome(Evaluation e) {
            Outcome o = inner.outcome(e);
            return new Outcome(!o.passed(), source, o.seen());
        }

        @Override
        public String toString() {
            return source;
        }

        @Override
        public String canonical() {
            return "not " + inner.canonical();
        }
    }

    record Compare(Operand left, Operator op, Operand right, String source) implements Expression {
        @Override
        public Outcome outcome(Evaluation e) {
            Resolution l = e.resolve(left);
            Resolution r = e.resolve(right);
            Resolution subject = left instanceof Path || !(right instanceof Path) ? l : r;
            if (!(l instanceof Resolution.Present(Value lv))) {
                return new Outcome(false, source, l.render());
            }
            if (!(r instanceof Resolution.Present(Value rv))) {
                return new Outcome(false, source, r.render());
            }
            return switch (ValueComparison.compare(lv, op, rv)) {
                case Decided(boolean holds) -> new Outcome(holds, source, subject.render());
                case Mismatch(String why) -> new Outcome(false, source, subject.render() + " (" + why + ")");
            };
        }

        @Override
        public String toString() {
            return source;
        }

        @Override
        public String canonical() {
            return left + " " + op.symbol + " " + right;
        }
    }

    record In(Operand subject, List<Literal> options, String source) implements Expression {
        @Override
        public Outcome outcome(Evaluation e) {
            Resolution s = e.resolve(subject);
            if (!(s instanceof Resolution.Present(Value v))) {
                return new Outcome(false, source, s.render());
            }
            String mismatch = null;
            for (Literal option : options) {
                switch (ValueComparison.compare(v, Operator.EQ, option.value())) {
                    case Decided(boolean holds) -> {
                        if (holds) {
                            return new Outcome(true, source, s.render());
                        }
                        mismatch = "";
                    }
                    case Mismatch(String why) -> mismatch = mismatch == null ? why : mismatch;
                }
            }
            String why = mismatch == null || mismatch.isEmpty() ? "" : " (" + mismatch + ")";
            return new Outcome(false, source, s.render() + why);
        }

        @Override
        public String toString() {
            return source;
        }

        @Override
        public String canonical() {
            return subject + " in "
                    + options.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
        }
    }

    /** Text contains a substring; a JSON array contains an element; a JSON object contains a field name. */
    record Contains(Operand subject, Literal needle, String source) implements Expression {
        @Override
        public Outcome outcome(Evaluation e) {
            Resolution s = e.resolve(subject);
            return switch (s) {
                case Resolution.Present(Value.Text(String text))
                when needle.value() instanceof Value.Text(String n) ->
                    new Outcome(text.contains(n), source, s.render());
                case Resolution.Present(Value v) ->
                    new Outcome(
                            false,
                            source,
                            s.render() + " (" + ValueComparison.kind(v) + "; contains needs text and a text value)");
                case Resolution.Absent a -> new Outcome(false, source, a.render());
                case Resolution.Composite(JsonNode node) -> new Outcome(inComposite(node), source, s.render());
            };
        }

        private boolean inComposite(JsonNode node) {
            if (node.isObject()) {
                return needle.value() instanceof Value.Text(String key) && node.has(key);
            }
            for (JsonNode element : node) {
                if (Evaluation.fromJson(element) instanceof Resolution.Present(Value v)
                        && ValueComparison.compare(v, Operator.EQ, needle.value()) instanceof Decided(boolean h)
                        && h) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return source;
        }

        @Override
        public String canonical() {
            return subject + " contains " + needle;
        }
    }

    /** A regular expression found anywhere in the value (anchor it with ^ and $ to match the whole value). */
    record Matches(Operand subject, Pattern pattern, String source) implements Expression {
        @Override
        public Outcome outcome(Evaluation e) {
            Resolution s = e.resolve(subject);
            if (!(s instanceof Resolution.Present(Value v))) {
                return new Outcome(false, source, s.render());
            }
            String text = switch (v) {
                case Value.Text(String t) -> t;
                case Value.Dur(Duration d) -> DurationLiteral.format(d);
                default -> v.toString();
            };
            try {
                return new Outcome(pattern.matcher(text).find(), source, s.render());
            } catch (StackOverflowError tooDeep) {
                // java.util.regex recurses per repetition of some patterns; a long body can exhaust the stack
                return new Outcome(
                        false, source, s.render() + " (the regular expression is too complex for this value)");
            }
        }

        @Override
        public String toString() {
            return source;
        }

        @Override
        public String canonical() {
            return subject + " matches " + Literal.quote(pattern.pattern());
        }

        // Pattern has identity equality; two conditions with the same regex are equal (a reload keeps the check)
        @Override
        public boolean equals(Object o) {
            return o instanceof Matches m
                    && m.subject.equals(subject)
                    && m.pattern.pattern().equals(pattern.pattern())
                    && m.pattern.flags() == pattern.flags()
                    && m.source.equals(source);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(subject, pattern.pattern(), source);
        }
    }

    static void collectPaths(Expression e, Consumer<Path> sink) {
        List<Operand> operands = new ArrayList<>();
        switch (e) {
            case Or(List<Expression> parts, String s) -> parts.forEach(p -> collectPaths(p, sink));
            case And(List<Expression> parts, String s) -> parts.forEach(p -> collectPaths(p, sink));
            case Not(Expression inner, String s) -> collectPaths(inner, sink);
            case Compare c -> operands.addAll(List.of(c.left(), c.right()));
            case In in -> operands.add(in.subject());
            case Contains c -> operands.add(c.subject());
            case Matches m -> operands.add(m.subject());
        }
        operands.stream().filter(Path.class::isInstance).map(Path.class::cast).forEach(sink);
    }
}
