/**
 * Probe adapters: the real clients that implement {@link dev.steward.core.probe.Prober} for each probe type (one
 * sub-package per technology: {@code http}, {@code health}, {@code tcp}, {@code postgres}, {@code redis}, {@code
 * elasticsearch}, {@code command}), the {@link dev.steward.probe.ProbeDispatcher} that routes a spec to its prober, and
 * what they share: the mapping of client exceptions to failure kinds and the time box that bounds blocking drivers.
 * Nothing here judges a result: verdicts belong to the core ({@code CheckJudge}).
 */
package dev.steward.probe;
