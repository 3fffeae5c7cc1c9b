package dev.steward.core.oncall;

/**
 * Which severity an alert or incident has and which policy pages for it, with the reason in words ("severity label
 * missing: default severity critical; policy api-primary from service api") for the dry run and the timeline.
 */
public record EscalationChoice(Severity severity, EscalationPolicy policy, String reason) {}
