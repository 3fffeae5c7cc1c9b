package dev.steward.core.incident;

import java.time.Instant;

/** A note an operator added to an incident. */
public record Note(Instant at, String by, String text) {}
