/**
 * The probe port and its vocabulary: {@link dev.steward.core.probe.Prober} (implemented by the adapters in {@code
 * dev.steward.probe.*}), what a probe observed, and the fixed vocabulary of failure kinds. Pure: no IO here.
 */
package dev.steward.core.probe;
