/**
 * Scheduling arithmetic: the timetable of due instants and the deterministic jitter that spreads checks with the same
 * interval. It decides when; the loop in {@code dev.steward.engine} waits and runs. Pure.
 */
package dev.steward.core.schedule;
