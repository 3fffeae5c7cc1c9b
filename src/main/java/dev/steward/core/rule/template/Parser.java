package dev.steward.core.rule.template;

import dev.steward.core.rule.template.Node.Command;
import dev.steward.core.rule.template.Node.Operand;
import dev.steward.core.rule.template.Node.Pipeline;
import dev.steward.core.rule.template.Token.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the parse tree from tokens, checking what Go checks at parse time: balanced {@code if/end}, known functions,
 * declared variables. Prometheus declares {@code $labels}, {@code $value}, {@code $externalLabels} and {@code
 * $externalURL} before every alert template; they are declared here too.
 */
final class Parser {
    static final List<String> PREDEFINED = List.of("$", "$labels", "$value", "$externalLabels", "$externalURL");
    private static final Set<String> UNSUPPORTED_ACTIONS = Set.of("define", "template", "block", "break", "continue");

    private final List<Token> tokens;
    private final Deque<Set<String>> scopes = new ArrayDeque<>();
    private int i;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
        scopes.push(new HashSet<>(PREDEFINED));
    }

    static List<Node> parse(String template) {
        Parser p = new Parser(Lexer.tokens(template));
        List<Node> nodes = new ArrayList<>();
        String end = p.list(nodes);
        if (!end.isEmpty()) {
            throw new TemplateSyntaxException(
                    "unexpected {{" + end + "}}", p.tokens.get(p.i - 1).offset());
        }
        return List.copyOf(nodes);
    }

    private Token peek() {
        return tokens.get(i);
    }

    private Token take() {
        return tokens.get(i++);
    }

    private Token expect(Kind kind, String context) {
        Token t = take();
        if (t.kind() != kind) {
            throw new TemplateSyntaxException("unexpected " + t + " in " + context, t.offset());
        }
        return t;
    }

    /** Parses nodes into {@code out} until end of input ("") or {@code {{end}}} / {@code {{else}}} (returned). */
    private String list(List<Node> out) {
        while (true) {
            Token t = take();
            switch (t.kind()) {
                case EOF -> {
                    i--;
                    return "";
                }
                case TEXT -> out.add(new Node.Text(t.text()));
                case LEFT_DELIM -> {
                    Token first = peek();
                    if (first.kind() == Kind.IDENTIFIER) {
                        String word = first.text();
                        if (word.equals("end") || word.equals("else")) {
                            take();
                            return word;
                        }
                        if (word.equals("if") || word.equals("with") || word.equals("range")) {
                            take();
                            out.add(control(word, first.offset()));
                            continue;
                        }
                        if (UNSUPPORTED_ACTIONS.contains(word)) {
                            throw new TemplateSyntaxException("{{" + word + "}} is not supported", first.offset());
                        }
                    }
                    Pipeline p = pipeline("command");
                    expect(Kind.RIGHT_DELIM, "command");
                    out.add(new Node.Action(p));
                }
                default -> throw new TemplateSyntaxException("unexpected " + t, t.offset());
            }
        }
    }

    /** After {@code if}, {@code with} or {@code range}: its pipeline, branch, and else / else if / end. */
    private Node control(String word, int at) {
        scopes.push(new HashSet<>());
        try {
            Optional<String> key = Optional.empty();
            Optional<String> value = Optional.empty();
            if (word.equals("range")) {
                List<String> declared = rangeVariables();
                value = declared.isEmpty() ? value : Optional.of(declared.getLast());
                key = declared.size() == 2 ? Optional.of(declared.getFirst()) : key;
            }
            Pipeline pipeline = pipeline(word);
            expect(Kind.RIGHT_DELIM, word);
            List<Node> then = branch(at, word);
            List<Node> otherwise = new ArrayList<>();
            if (lastTerminator.equals("else")) {
                if (word.equals("if")
                        && peek().kind() == Kind.IDENTIFIER
                        && peek().text().equals("if")) {
                    int nested = take().offset();
                    otherwise.add(control("if", nested));
                } else {
                    expect(Kind.RIGHT_DELIM, "else");
                    otherwise.addAll(branch(at, word));
                    if (!lastTerminator.equals("end")) {
                        throw new TemplateSyntaxException("expected {{end}} after {{else}}", at);
                    }
                    expect(Kind.RIGHT_DELIM, "end");
                }
            } else {
                expect(Kind.RIGHT_DELIM, "end");
            }
            return switch (word) {
                case "if" -> new Node.If(pipeline, then, List.copyOf(otherwise));
                case "with" -> new Node.With(pipeline, then, List.copyOf(otherwise));
                default -> new Node.Range(key, value, pipeline, then, List.copyOf(otherwise));
            };
        } finally {
            scopes.pop();
        }
    }

    /** {@code $v :=} or {@code $k, $v :=} at the start of a range, declared; empty when there is none. */
    private List<String> rangeVariables() {
        Kind second = tokens.get(i + 1).kind();
        if (peek().kind() == Kind.VARIABLE && second == Kind.DECLARE) {
            String v = take().text();
            take();
            scopes.peek().add(v);
            return List.of(v);
        }
        if (peek().kind() == Kind.VARIABLE
                && second == Kind.COMMA
                && tokens.get(i + 2).kind() == Kind.VARIABLE
                && tokens.get(i + 3).kind() == Kind.DECLARE) {
            String k = take().text();
            take();
            String v = take().text();
            take();
            scopes.peek().add(k);
            scopes.peek().add(v);
            return List.of(k, v);
        }
        return List.of();
    }

    private String lastTerminator = "";

    private List<Node> branch(int at, String word) {
        scopes.push(new HashSet<>());
        List<Node> nodes = new ArrayList<>();
        String end = list(nodes);
        scopes.pop();
        if (end.isEmpty()) {
            throw new TemplateSyntaxException("unclosed {{" + word + "}}: {{end}} is missing", at);
        }
        lastTerminator = end;
        return List.copyOf(nodes);
    }

    private Pipeline pipeline(String context) {
        int at = peek().offset();
        Optional<String> variable = Optional.empty();
        boolean declares = false;
        if (peek().kind() == Kind.VARIABLE
                && peek().fields().isEmpty()
                && (tokens.get(i + 1).kind() == Kind.DECLARE
                        || tokens.get(i + 1).kind() == Kind.ASSIGN)) {
            Token v = take();
            declares = take().kind() == Kind.DECLARE;
            if (!declares && !declared(v.text())) {
                throw new TemplateSyntaxException("undefined variable \"" + v.text() + "\"", v.offset());
            }
            variable = Optional.of(v.text());
        }
        List<Command> commands = new ArrayList<>();
        while (true) {
            commands.add(command(context));
            if (peek().kind() != Kind.PIPE) {
                break;
            }
            take();
        }
        if (declares) {
            scopes.peek().add(variable.orElseThrow());
        }
        return new Pipeline(variable, declares, List.copyOf(commands), at);
    }

    private Command command(String context) {
        int at = peek().offset();
        List<Operand> operands = new ArrayList<>();
        while (true) {
            Kind k = peek().kind();
            if (k == Kind.PIPE || k == Kind.RIGHT_DELIM || k == Kind.RIGHT_PAREN || k == Kind.EOF) {
                break;
            }
            operands.add(operand());
        }
        if (operands.isEmpty()) {
            throw new TemplateSyntaxException("missing value for " + context, at);
        }
        return new Command(List.copyOf(operands), at);
    }

    private Operand operand() {
        Token t = take();
        return switch (t.kind()) {
            case STRING -> new Operand.Literal(t.text());
            case NUMBER -> new Operand.Literal(number(t));
            case FIELD -> new Operand.Field(t.fields());
            case VARIABLE -> {
                if (!declared(t.text())) {
                    throw new TemplateSyntaxException("undefined variable \"" + t.text() + "\"", t.offset());
                }
                yield new Operand.Variable(t.text(), t.fields());
            }
            case LEFT_PAREN -> {
                Pipeline p = pipeline("parenthesized pipeline");
                expect(Kind.RIGHT_PAREN, "parenthesized pipeline");
                yield new Operand.Nested(p);
            }
            case IDENTIFIER -> identifier(t);
            default -> throw new TemplateSyntaxException("unexpected " + t + " in operand", t.offset());
        };
    }

    private static Operand identifier(Token t) {
        return switch (t.text()) {
            case "true" -> new Operand.Literal(Boolean.TRUE);
            case "false" -> new Operand.Literal(Boolean.FALSE);
            case "nil" -> new Operand.Literal(null);
            default -> {
                TemplateFunctions.unsupportedReason(t.text()).ifPresent(reason -> {
                    throw new TemplateSyntaxException(reason, t.offset());
                });
                if (!TemplateFunctions.exists(t.text())) {
                    throw new TemplateSyntaxException("function \"" + t.text() + "\" not defined", t.offset());
                }
                yield new Operand.Function(t.text());
            }
        };
    }

    private boolean declared(String name) {
        return scopes.stream().anyMatch(s -> s.contains(name));
    }

    private static Object number(Token t) {
        String s = t.text().replace("_", "");
        try {
            boolean hex = s.matches("[-+]?0[xX].*");
            if (!hex && (s.contains(".") || s.contains("e") || s.contains("E"))) {
                return Double.parseDouble(s);
            }
            if (hex) {
                boolean negative = s.startsWith("-");
                long v = Long.parseLong(s.replaceFirst("^[-+]?0[xX]", ""), 16);
                return negative ? -v : v;
            }
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new TemplateSyntaxException("bad number syntax: \"" + t.text() + "\"", t.offset());
        }
    }
}
