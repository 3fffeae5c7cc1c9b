package dev.steward.core.maintenance;

/** One bad field of a window request: its path ({@code scope.services[1]}), the value seen and what was expected. */
public record WindowError(String field, String value, String expected) {}
