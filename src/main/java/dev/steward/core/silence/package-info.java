/**
 * Silences in Alertmanager's v2 model: matchers, a time range, a creator and a comment, with the state (pending,
 * active, expired) derived from the timestamps and an {@code Instant now}, never stored. {@link
 * dev.steward.core.silence.Silences} is an immutable collection that applies Alertmanager's create, update and expire
 * rules and answers which silences mute a label set; {@link dev.steward.core.silence.SilenceStore} is the port that
 * persists them, with an in-memory implementation here. The HTTP API, JDBC storage and anything that reads a clock or
 * generates random identifiers live elsewhere.
 */
package dev.steward.core.silence;
