package dev.steward.core.promql.parse;

import dev.steward.core.promql.parse.Expr.VectorMatching.Cardinality;
import dev.steward.core.series.LabelMatcher;
import dev.steward.core.series.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recursive-descent PromQL parser: precedence climbing for binary operators ({@code ^} right-associative, unary
 * minus binding tighter than {@code *}), postfix ranges, subqueries, {@code offset} and {@code @}, and the type checks
 * Prometheus makes at parse time. Errors carry the position of the offending token and say what was expected.
 */
public final class Parser {
    private final String query;
    private final List<Token> tokens;
    private int i;

    private Parser(String query, List<Token> tokens) {
        this.query = query;
        this.tokens = tokens;
    }

    /** Parses a whole query. */
    public static Expr parse(String query) throws ParseException {
        Parser p = new Parser(query, Lexer.lex(query));
        if (p.peek().is(TokenType.EOF)) {
            throw p.error(p.peek(), "no expression found in input");
        }
        Expr e = p.expr(0);
        if (!p.peek().is(TokenType.EOF)) {
            throw p.unexpected(p.peek(), "end of input or an operator");
        }
        return e;
    }

    private Token peek() {
        return tokens.get(i);
    }

    private Token peekAt(int k) {
        return tokens.get(Math.min(i + k, tokens.size() - 1));
    }

    private Token advance() {
        return tokens.get(i++);
    }

    ParseException error(Token at, String reason) {
        return new ParseException(query, at.start(), reason);
    }

    private ParseException error(int position, String reason) {
        return new ParseException(query, position, reason);
    }

    private ParseException unexpected(Token t, String expected) {
        return error(t, "unexpected " + t.describe() + (expected == null ? "" : ", expected " + expected));
    }

    private Token expect(TokenType type, String context) throws ParseException {
        Token t = peek();
        if (!t.is(type)) {
            throw unexpected(t, type.description() + " " + context);
        }
        return advance();
    }

    // ---- binary expressions

    private Expr expr(int minPrecedence) throws ParseException {
        Expr lhs = unary();
        while (true) {
            Token t = peek();
            BinaryOp op = binaryOp(t);
            if (op == null || op.precedence() < minPrecedence) {
                return lhs;
            }
            advance();
            boolean returnBool = false;
            if (peek().isWord("bool")) {
                advance();
                returnBool = true;
            }
            Expr.VectorMatching matching = matching(op);
            Expr rhs = expr(op.isRightAssociative() ? op.precedence() : op.precedence() + 1);
            lhs = BinaryChecks.build(this, t, op, lhs, rhs, matching, returnBool);
        }
    }

    private static BinaryOp binaryOp(Token t) {
        return switch (t.type()) {
            case ADD -> BinaryOp.ADD;
            case SUB -> BinaryOp.SUB;
            case MUL -> BinaryOp.MUL;
            case DIV -> BinaryOp.DIV;
            case MOD -> BinaryOp.MOD;
            case POW -> BinaryOp.POW;
            case EQL -> BinaryOp.EQL;
            case NEQ -> BinaryOp.NEQ;
            case LSS -> BinaryOp.LSS;
            case LTE -> BinaryOp.LTE;
            case GTR -> BinaryOp.GTR;
            case GTE -> BinaryOp.GTE;
            case IDENTIFIER ->
                switch (t.text().toLowerCase(Locale.ROOT)) {
                    case "and" -> BinaryOp.AND;
                    case "or" -> BinaryOp.OR;
                    case "unless" -> BinaryOp.UNLESS;
                    case "atan2" -> BinaryOp.ATAN2;
                    default -> null;
                };
            default -> null;
        };
    }

    private Expr.VectorMatching matching(BinaryOp op) throws ParseException {
        List<String> labels = List.of();
        boolean on = false;
        boolean given = false;
        if (peek().isWord("on") || peek().isWord("ignoring")) {
            on = advance().isWord("on");
            labels = labelList();
            given = true;
        }
        Cardinality card = op.isSetOperator() ? Cardinality.MANY_TO_MANY : Cardinality.ONE_TO_ONE;
        List<String> include = List.of();
        if (peek().isWord("group_left") || peek().isWord("group_right")) {
            Token g = advance();
            if (!given) {
                throw unexpected(g, "\"on\" or \"ignoring\" before " + g.text());
            }
            card = g.isWord("group_left") ? Cardinality.MANY_TO_ONE : Cardinality.ONE_TO_MANY;
            if (peek().is(TokenType.LEFT_PAREN)) {
                include = labelList();
            }
        }
        return given || op.isSetOperator() ? new Expr.VectorMatching(card, labels, on, include) : null;
    }

    /** {@code (a, b, "c")}: label names, possibly quoted, possibly keywords, trailing comma allowed. */
    private List<String> labelList() throws ParseException {
        expect(TokenType.LEFT_PAREN, "in grouping opts");
        List<String> out = new ArrayList<>();
        while (!peek().is(TokenType.RIGHT_PAREN)) {
            Token t = advance();
            if (t.is(TokenType.IDENTIFIER) && !t.text().contains(":")) {
                out.add(t.text());
            } else if (t.is(TokenType.STRING)) {
                if (!Utf8.isValid(t.text())) {
                    throw error(t, "invalid label name " + Utf8.quote(t.text()));
                }
                out.add(t.text());
            } else {
                throw unexpected(t, "label");
            }
            if (peek().is(TokenType.COMMA)) {
                advance();
            } else if (!peek().is(TokenType.RIGHT_PAREN)) {
                throw unexpected(peek(), "\",\" or \")\" in grouping opts");
            }
        }
        advance();
        return List.copyOf(out);
    }

    // ---- unary and postfix

    private Expr unary() throws ParseException {
        Token t = peek();
        if (t.is(TokenType.ADD) || t.is(TokenType.SUB)) {
            advance();
            Expr operand = expr(BinaryOp.POW.precedence());
            if (operand.type() != ValueType.SCALAR && operand.type() != ValueType.VECTOR) {
                throw error(
                        t,
                        "unary expression only allowed on expressions of type scalar or instant vector, got "
                                + operand.type().description());
            }
            boolean negate = t.is(TokenType.SUB);
            if (operand instanceof Expr.NumberLiteral n) {
                return new Expr.NumberLiteral(negate ? -n.value() : n.value(), t.start());
            }
            return new Expr.Unary(negate, operand, t.start());
        }
        return postfix(primary());
    }

    private Expr postfix(Expr e) throws ParseException {
        while (true) {
            Token t = peek();
            if (t.is(TokenType.LEFT_BRACKET)) {
                e = Modifiers.range(this, e);
            } else if (t.isWord("offset")) {
                advance();
                e = Modifiers.offset(this, t, e, signedDuration());
            } else if (t.is(TokenType.AT)) {
                advance();
                e = Modifiers.at(this, t, e);
            } else {
                return e;
            }
        }
    }

    /** {@code [5m]} or {@code [5m:1m]}; the opening bracket is next. */
    long[] rangeAndStep() throws ParseException {
        advance();
        long range = duration("range");
        if (range <= 0) {
            throw error(tokens.get(i - 1), "duration must be greater than 0");
        }
        if (peek().is(TokenType.RIGHT_BRACKET)) {
            advance();
            return new long[] {range};
        }
        Token colon = peek();
        if (!colon.is(TokenType.COLON)) {
            throw unexpected(colon, "\"]\" or \":\" in range");
        }
        advance();
        long step = 0;
        if (!peek().is(TokenType.RIGHT_BRACKET)) {
            step = duration("subquery step");
            if (step <= 0) {
                throw error(tokens.get(i - 1), "duration must be greater than 0");
            }
        }
        expect(TokenType.RIGHT_BRACKET, "in subquery");
        return new long[] {range, step};
    }

    private long signedDuration() throws ParseException {
        boolean negative = false;
        if (peek().is(TokenType.SUB) || peek().is(TokenType.ADD)) {
            negative = advance().is(TokenType.SUB);
        }
        long d = duration("offset");
        return negative ? -d : d;
    }

    private long duration(String what) throws ParseException {
        Token t = advance();
        if (t.is(TokenType.DURATION)) {
            try {
                return Durations.parseMillis(t.text());
            } catch (IllegalArgumentException | ArithmeticException ex) {
                throw error(t, ex.getMessage() == null ? "duration out of range" : ex.getMessage());
            }
        }
        if (t.is(TokenType.NUMBER)) {
            double seconds = Numbers.parse(t.text());
            if (Double.isNaN(seconds) || Math.abs(seconds) > Long.MAX_VALUE / 1e6) {
                throw error(t, "duration out of range");
            }
            return Math.round(seconds * 1000);
        }
        throw unexpected(t, "duration in " + what);
    }

    /** The {@code @} argument: a signed number of seconds, or {@code start()} / {@code end()}. */
    Object atValue() throws ParseException {
        Token t = peek();
        if (t.isWord("start") || t.isWord("end")) {
            advance();
            expect(TokenType.LEFT_PAREN, "after " + t.text());
            expect(TokenType.RIGHT_PAREN, "after " + t.text() + "(");
            return t.isWord("start") ? Expr.At.START : Expr.At.END;
        }
        boolean negative = false;
        if (t.is(TokenType.SUB) || t.is(TokenType.ADD)) {
            negative = advance().is(TokenType.SUB);
        }
        Token n = advance();
        double v;
        if (n.is(TokenType.NUMBER)) {
            v = Numbers.parse(n.text());
        } else if (n.is(TokenType.DURATION)) {
            v = Durations.parseMillis(n.text()) / 1000.0;
        } else if (n.is(TokenType.IDENTIFIER) && Numbers.isSpecial(n.text())) {
            v = Numbers.parse(n.text());
        } else {
            throw unexpected(n, "number or \"start()\" or \"end()\" after @");
        }
        v = negative ? -v : v;
        if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v) > Long.MAX_VALUE / 1000.0) {
            throw error(n, "timestamp out of bounds for @ modifier: " + Numbers.format(v));
        }
        return Math.round(v * 1000);
    }

    // ---- primary expressions

    private Expr primary() throws ParseException {
        Token t = peek();
        switch (t.type()) {
            case NUMBER -> {
                advance();
                return new Expr.NumberLiteral(Numbers.parse(t.text()), t.start());
            }
            case DURATION -> {
                advance();
                try {
                    return new Expr.NumberLiteral(Durations.parseMillis(t.text()) / 1000.0, t.start());
                } catch (IllegalArgumentException | ArithmeticException ex) {
                    throw error(t, ex.getMessage() == null ? "duration out of range" : ex.getMessage());
                }
            }
            case STRING -> {
                advance();
                return new Expr.StringLiteral(t.text(), t.start());
            }
            case LEFT_PAREN -> {
                advance();
                Expr inner = expr(0);
                expect(TokenType.RIGHT_PAREN, "to close \"(\"");
                return new Expr.Paren(inner, t.start());
            }
            case LEFT_BRACE -> {
                return selector(null, t);
            }
            case IDENTIFIER -> {
                return identifier(t);
            }
            default -> throw unexpected(t, t.is(TokenType.EOF) ? "an expression" : null);
        }
    }

    private Expr identifier(Token t) throws ParseException {
        if (Numbers.isSpecial(t.text())) {
            advance();
            return new Expr.NumberLiteral(Numbers.parse(t.text()), t.start());
        }
        AggregateOp agg = AggregateOp.byKeyword(t.text());
        if (agg != null) {
            advance();
            return aggregate(agg, t);
        }
        if (peekAt(1).is(TokenType.LEFT_PAREN)) {
            advance();
            return call(t);
        }
        if (isKeyword(t.text())) {
            throw unexpected(t, null);
        }
        advance();
        return selector(t.text(), t);
    }

    private static boolean isKeyword(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "and",
                    "or",
                    "unless",
                    "atan2",
                    "by",
                    "without",
                    "on",
                    "ignoring",
                    "group_left",
                    "group_right",
                    "bool",
                    "offset" -> true;
            default -> false;
        };
    }

    private Expr call(Token name) throws ParseException {
        FunctionSpec fn = FunctionSpec.byName(name.text());
        if (fn == null) {
            throw error(name, "unknown function with name \"" + name.text() + "\"");
        }
        List<Expr> args = arguments();
        CallChecks.check(this, name, fn, args);
        return new Expr.Call(fn, List.copyOf(args), name.start());
    }

    private List<Expr> arguments() throws ParseException {
        expect(TokenType.LEFT_PAREN, "for function arguments");
        List<Expr> args = new ArrayList<>();
        while (!peek().is(TokenType.RIGHT_PAREN)) {
            args.add(expr(0));
            if (peek().is(TokenType.COMMA)) {
                advance();
                if (peek().is(TokenType.RIGHT_PAREN)) {
                    throw unexpected(peek(), "an expression after \",\"");
                }
            } else if (!peek().is(TokenType.RIGHT_PAREN)) {
                throw unexpected(peek(), "\",\" or \")\"");
            }
        }
        advance();
        return args;
    }

    private Expr aggregate(AggregateOp op, Token start) throws ParseException {
        List<String> grouping = List.of();
        boolean without = false;
        boolean groupingGiven = false;
        if (peek().isWord("by") || peek().isWord("without")) {
            without = advance().isWord("without");
            grouping = labelList();
            groupingGiven = true;
        }
        Token open = peek();
        if (!open.is(TokenType.LEFT_PAREN)) {
            throw unexpected(open, "\"(\" after aggregation " + op.keyword());
        }
        List<Expr> args = arguments();
        if (!groupingGiven && (peek().isWord("by") || peek().isWord("without"))) {
            without = advance().isWord("without");
            grouping = labelList();
        }
        return AggregateChecks.build(this, start, op, args, grouping, without);
    }

    private Expr selector(String name, Token start) throws ParseException {
        List<LabelMatcher> matchers = new ArrayList<>();
        if (name != null) {
            matchers.add(LabelMatcher.eq(Labels.METRIC_NAME, name));
        }
        if (peek().is(TokenType.LEFT_BRACE)) {
            advance();
            name = Matchers.parse(this, name, matchers);
        }
        if (matchers.stream().allMatch(LabelMatcher::matchesEmpty)) {
            throw error(start, "vector selector must contain at least one non-empty matcher");
        }
        return new Expr.VectorSelector(name, List.copyOf(matchers), 0, Expr.At.NONE, 0, start.start());
    }

    // ---- access for the helpers of this package

    Token current() {
        return peek();
    }

    Token next() {
        return advance();
    }

    Token previous() {
        return tokens.get(i - 1);
    }

    ParseException unexpectedToken(Token t, String expected) {
        return unexpected(t, expected);
    }

    ParseException errorAt(int position, String reason) {
        return error(position, reason);
    }
}
