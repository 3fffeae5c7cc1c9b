package dev.steward.core.rule.template;

import java.util.List;

/**
 * A parsed alert template (Go text/template syntax, Prometheus functions). Parse once when the rule is loaded; render
 * for every alert. Rendering never throws: a failure renders as {@code <error expanding template: ...>}, the text
 * Prometheus puts in its place.
 *
 * <pre>{@code
 * switch (Template.parse("{{ $labels.instance }} is down ({{ $value | humanize }})")) {
 *     case TemplateParse.Parsed(Template t) -> t.render(TemplateData.of(Map.of("instance", "db:5432"), 0));
 *     case TemplateParse.Invalid(String message, int offset) -> report(message, offset);
 * }
 * }</pre>
 */
public final class Template {
    private final String source;
    private final List<Node> nodes;
    /** The rendering when the template has no actions (text and comments only), else null. */
    private final String literalText;

    private Template(String source, List<Node> nodes) {
        this.source = source;
        this.nodes = nodes;
        boolean literal = nodes.stream().allMatch(n -> n instanceof Node.Text);
        this.literalText = literal
                ? String.join(
                        "", nodes.stream().map(n -> ((Node.Text) n).text()).toList())
                : null;
    }

    public static TemplateParse parse(String source) {
        try {
            return new TemplateParse.Parsed(new Template(source, Parser.parse(source)));
        } catch (TemplateSyntaxException e) {
            return new TemplateParse.Invalid(e.getMessage(), e.offset());
        }
    }

    /** A template of plain text (no actions), for values that are known not to be templates. */
    public static Template literal(String text) {
        return new Template(text, text.isEmpty() ? List.of() : List.of(new Node.Text(text)));
    }

    public String render(TemplateData data) {
        if (literalText != null) {
            return literalText;
        }
        try {
            return Renderer.render(nodes, data);
        } catch (TemplateRenderException e) {
            return "<error expanding template: " + e.getMessage() + ">";
        } catch (RuntimeException e) {
            return "<error expanding template: " + e.getClass().getSimpleName() + ">";
        }
    }

    /** The template as written. */
    public String source() {
        return source;
    }

    /** True when the template has no actions, so it renders the same text whatever the data. */
    public boolean isLiteral() {
        return literalText != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Template t && t.source.equals(source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return source;
    }
}
