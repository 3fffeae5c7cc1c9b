package dev.steward.core.deploy;

/** One measured value behind a verdict: {@code name} (a metric or gate), its value and what it was judged against. */
public record Measurement(String name, double value, String against) {}
