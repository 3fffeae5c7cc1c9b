package dev.steward.core.expect;

import dev.steward.core.expect.Operand.Literal;
import dev.steward.core.expect.Operand.Path;
import dev.steward.core.expect.Operand.Segment;
import dev.steward.core.expect.Token.Kind;
import dev.steward.core.expect.ValueComparison.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses {@code expect} conditions. Grammar (keywords are case-insensitive; {@code not} binds tighter than {@code
 * and}, which binds tighter than {@code or}):
 *
 * <pre>
 * condition  = or
 * or         = and { "or" and }
 * and        = unary { "and" unary }
 * unary      = "not" unary | "(" or ")" | predicate
 * predicate  = operand [ cmp operand | "in" "[" literal { "," literal } [","] "]"
 *                      | "contains" literal | "matches" string ]
 *              (a bare path is a truth test: body.ok means body.ok == true)
 * cmp        = "==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * operand    = literal | path
 * path       = name { "." name | "[" integer "]" | "[" string "]" }
 * literal    = number | duration | size | string | "true" | "false"
 * </pre>
 */
public final class ConditionParser {
    private static final Set<String> KEYWORDS =
            Set.of("and", "or", "not", "in", "contains", "matches", "true", "false");

    private static final int MAX_DEPTH = 64;

    private final String src;
    private final List<Token> tokens;
    private int index;
    private int depth;

    private ConditionParser(String src) {
        this.src = src;
        this.tokens = ConditionLexer.tokenize(src);
    }

    /**
     * Parses one condition.
     *
     * @throws ConditionSyntaxException with the position of the first offending character
     */
    public static Expression parse(String source) {
        ConditionParser p = new ConditionParser(source);
        if (p.peek().is(Kind.END)) {
            throw new ConditionSyntaxException(p.peek().start(), "a condition such as status == 200", "end of input");
        }
        Expression e = p.or();
        if (!p.peek().is(Kind.END)) {
            throw p.error("'and', 'or' or the end of the condition");
        }
        return e;
    }

    private Expression or() {
        int start = peek().start();
        List<Expression> parts = new ArrayList<>(List.of(and()));
        while (peek().isWord("or")) {
            index++;
            parts.add(and());
        }
        return parts.size() == 1 ? parts.getFirst() : new Ast.Or(List.copyOf(parts), sourceFrom(start));
    }

    private Expression and() {
        int start = peek().start();
        List<Expression> parts = new ArrayList<>(List.of(unary()));
        while (peek().isWord("and")) {
            index++;
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.getFirst() : new Ast.And(List.copyOf(parts), sourceFrom(start));
    }

    private Expression unary() {
        Token t = peek();
        if (++depth > MAX_DEPTH) {
            throw new ConditionSyntaxException(
                    t.start(), "at most " + MAX_DEPTH + " nested 'not's and parentheses", t.describe());
        }
        try {
            return nested(t);
        } finally {
            depth--;
        }
    }

    private Expression nested(Token t) {
        if (t.isWord("not")) {
            index++;
            Expression inner = unary();
            return new Ast.Not(inner, sourceFrom(t.start()));
        }
        if (t.is(Kind.LPAREN)) {
            index++;
            Expression inner = or();
            if (!peek().is(Kind.RPAREN)) {
                throw error("')' to close the '(' at column " + (t.start() + 1));
            }
            index++;
            return inner;
        }
        return predicate();
    }

    private Expression predicate() {
        int start = peek().start();
        Operand subject = operand("a condition such as status == 200");
        Token op = peek();
        if (op.is(Kind.OPERATOR)) {
            index++;
            Operand right = operand("a value after '" + op.text() + "'");
            return new Ast.Compare(subject, Operator.of(op.text()), right, sourceFrom(start));
        }
        if (op.isWord("in")) {
            index++;
            return new Ast.In(subject, list(), sourceFrom(start));
        }
        if (op.isWord("contains")) {
            index++;
            Literal needle = literal("a value after 'contains'");
            return new Ast.Contains(subject, needle, sourceFrom(start));
        }
        if (op.isWord("matches")) {
            index++;
            return matches(subject, start);
        }
        boolean ends = op.is(Kind.END) || op.is(Kind.RPAREN) || op.isWord("and") || op.isWord("or");
        if (ends && subject instanceof Path) {
            // a bare operand is a truth test: body.ok means body.ok == true
            Literal yes = new Literal(new Value.Bool(true), "true");
            return new Ast.Compare(subject, Operator.EQ, yes, sourceFrom(start));
        }
        throw error("an operator (==, !=, <, <=, >, >=, in, contains, matches) after '" + describe(subject) + "'");
    }

    private Expression matches(Operand subject, int start) {
        Token t = peek();
        if (!t.is(Kind.STRING)) {
            throw error("a regular expression in double quotes after 'matches'");
        }
        index++;
        String regex = ((Value.Text) t.literal()).value();
        try {
            return new Ast.Matches(subject, Pattern.compile(regex), sourceFrom(start));
        } catch (PatternSyntaxException e) {
            throw new ConditionSyntaxException(
                    t.start(), "a valid regular expression", "'" + regex + "' (" + e.getDescription() + ")");
        }
    }

    private List<Literal> list() {
        if (!peek().is(Kind.LBRACKET)) {
            throw error("'[' to start the list after 'in'");
        }
        index++;
        List<Literal> options = new ArrayList<>();
        do {
            if (peek().is(Kind.RBRACKET) && !options.isEmpty()) {
                break; // a trailing comma
            }
            options.add(literal("a value in the list"));
        } while (peek().is(Kind.COMMA) && ++index > 0);
        if (!peek().is(Kind.RBRACKET)) {
            throw error("',' or ']' in the list");
        }
        index++;
        return List.copyOf(options);
    }

    private Operand operand(String expected) {
        Token t = peek();
        if (t.is(Kind.IDENT) && !isLiteralWord(t)) {
            if (KEYWORDS.contains(t.text().toLowerCase(Locale.ROOT))) {
                throw error(expected);
            }
            return path();
        }
        return literal(expected);
    }

    private static boolean isLiteralWord(Token t) {
        return t.isWord("true") || t.isWord("false");
    }

    private Literal literal(String expected) {
        Token t = peek();
        Value v = switch (t.kind()) {
            case NUMBER, DURATION, SIZE, STRING -> t.literal();
            case IDENT -> isLiteralWord(t) ? new Value.Bool(t.isWord("true")) : null;
            default -> null;
        };
        if (v == null) {
            throw error(expected);
        }
        index++;
        return new Literal(v, t.text());
    }

    private Path path() {
        Token root = tokens.get(index++);
        List<Segment> segments = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.is(Kind.DOT) && t.end() == next().start() && next().is(Kind.IDENT)) {
                index++;
                segments.add(new Segment.Name(tokens.get(index++).text()));
            } else if (t.is(Kind.DOT)) {
                Token n = next();
                String found = n.is(Kind.END) ? "end of input" : n.start() > t.end() ? "a space" : n.describe();
                throw new ConditionSyntaxException(t.end(), "a field name right after '.'", found);
            } else if (t.is(Kind.LBRACKET) && t.start() == tokens.get(index - 1).end()) {
                index++;
                segments.add(subscript());
            } else {
                return new Path(root.text(), List.copyOf(segments), root.start());
            }
        }
    }

    private Segment subscript() {
        Token t = peek();
        Segment s;
        if (t.is(Kind.STRING)) {
            s = new Segment.Key(((Value.Text) t.literal()).value());
        } else if (t.is(Kind.NUMBER) && t.text().matches("\\d{1,9}")) {
            s = new Segment.Index(Integer.parseInt(t.text()));
        } else {
            throw error("an array index such as [0] or a quoted key such as [\"Content-Type\"]");
        }
        index++;
        if (!peek().is(Kind.RBRACKET)) {
            throw error("']'");
        }
        index++;
        return s;
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        return tokens.get(Math.min(index + 1, tokens.size() - 1));
    }

    private ConditionSyntaxException error(String expected) {
        Token t = peek();
        return new ConditionSyntaxException(t.start(), expected, t.describe());
    }

    private String describe(Operand o) {
        return o instanceof Literal l ? l.text() : o.toString();
    }

    /** The text from {@code start} to the end of the last token consumed, whitespace normalised. */
    private String sourceFrom(int start) {
        return normalize(src.substring(start, tokens.get(index - 1).end()));
    }

    /** Collapses runs of whitespace outside string literals into one space. */
    static String normalize(String text) {
        StringBuilder b = new StringBuilder();
        boolean inString = false;
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!inString && Character.isWhitespace(c)) {
                pendingSpace = b.length() > 0;
                continue;
            }
            if (pendingSpace) {
                b.append(' ');
                pendingSpace = false;
            }
            b.append(c);
            if (inString && c == '\\' && i + 1 < text.length()) {
                b.append(text.charAt(++i));
            } else if (c == '"') {
                inString = !inString;
            }
        }
        return b.toString();
    }
}
