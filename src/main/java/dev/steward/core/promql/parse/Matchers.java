package dev.steward.core.promql.parse;

import dev.steward.core.series.LabelMatcher;
import dev.steward.core.series.Labels;
import java.util.List;

/** The label matchers between braces of a selector: {@code {job="api", code=~"5..", "quoted.name"}}. */
final class Matchers {
    private Matchers() {}

    /** Parses up to and including the closing brace; returns the metric name, which a quoted bare name may set. */
    static String parse(Parser p, String name, List<LabelMatcher> out) throws ParseException {
        while (!p.current().is(TokenType.RIGHT_BRACE)) {
            Token label = p.next();
            if (label.is(TokenType.STRING)
                    && (p.current().is(TokenType.COMMA) || p.current().is(TokenType.RIGHT_BRACE))) {
                if (name != null) {
                    throw p.errorAt(
                            label.start(),
                            "metric name must not be set twice: \"" + name + "\" or \"" + label.text() + "\"");
                }
                name = label.text();
                out.add(LabelMatcher.eq(Labels.METRIC_NAME, name));
            } else {
                if (!(label.is(TokenType.IDENTIFIER) && !label.text().contains(":")) && !label.is(TokenType.STRING)) {
                    throw p.unexpectedToken(label, "label matching");
                }
                LabelMatcher m = matcher(p, label);
                if (m.name().equals(Labels.METRIC_NAME) && name != null && m.type() == LabelMatcher.Type.EQ) {
                    throw p.errorAt(
                            label.start(),
                            "metric name must not be set twice: \"" + name + "\" or \"" + m.value() + "\"");
                }
                out.add(m);
            }
            if (p.current().is(TokenType.COMMA)) {
                p.next();
            } else if (!p.current().is(TokenType.RIGHT_BRACE)) {
                throw p.unexpectedToken(p.current(), "\",\" or \"}\" in label matching");
            }
        }
        p.next();
        return name;
    }

    private static LabelMatcher matcher(Parser p, Token label) throws ParseException {
        Token op = p.next();
        LabelMatcher.Type type = switch (op.type()) {
            case ASSIGN -> LabelMatcher.Type.EQ;
            case NEQ -> LabelMatcher.Type.NEQ;
            case EQL_REGEX -> LabelMatcher.Type.RE;
            case NEQ_REGEX -> LabelMatcher.Type.NRE;
            default -> throw p.unexpectedToken(op, "label matching operator \"=\", \"!=\", \"=~\" or \"!~\"");
        };
        Token value = p.next();
        if (!value.is(TokenType.STRING)) {
            throw p.unexpectedToken(value, "string in label matching");
        }
        try {
            return LabelMatcher.of(type, label.text(), value.text());
        } catch (IllegalArgumentException e) {
            throw p.errorAt(value.start(), e.getMessage());
        }
    }
}
