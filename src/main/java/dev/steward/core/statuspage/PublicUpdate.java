package dev.steward.core.statuspage;

import java.time.Instant;

/** One message on a public incident: when, the status it gives the incident, the text, and who wrote it. */
public record PublicUpdate(Instant at, IncidentStatus status, String message, String by) {}
