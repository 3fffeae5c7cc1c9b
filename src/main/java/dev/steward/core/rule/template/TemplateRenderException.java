package dev.steward.core.rule.template;

/** A failure while rendering; caught by {@link Template#render} and rendered as text, never thrown out. */
final class TemplateRenderException extends RuntimeException {
    TemplateRenderException(String message) {
        super(message, null, false, false);
    }
}
