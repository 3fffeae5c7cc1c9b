package dev.steward.core.incident;

/** A timeline entry of one incident, as a step of the policy publishes it (to the live stream and the audit). */
public record IncidentEvent(String incidentId, TimelineEntry entry) {}
