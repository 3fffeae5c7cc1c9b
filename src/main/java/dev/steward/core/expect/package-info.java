/**
 * The {@code expect} condition language ({@code status == 200}, {@code latency < 200ms}, {@code body.status ==
 * "Healthy"}, combinable with {@code and}/{@code or}/{@code not}): its parser, its evaluator, and the {@link
 * dev.steward.core.expect.Observation} a probe hands to it. Pure: no IO.
 */
package dev.steward.core.expect;
