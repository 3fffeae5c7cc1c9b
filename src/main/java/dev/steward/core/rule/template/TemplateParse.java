package dev.steward.core.rule.template;

/** The outcome of parsing a template: the template, or why it does not parse and where (0-based offset). */
public sealed interface TemplateParse {

    record Parsed(Template template) implements TemplateParse {}

    record Invalid(String message, int offset) implements TemplateParse {}
}
