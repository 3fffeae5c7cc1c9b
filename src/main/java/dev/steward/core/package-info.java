/**
 * Steward's pure core: everything that decides (configuration model, condition evaluation, check state, series
 * storage, rollups, scheduling arithmetic) as plain Java with no IO and no clock of its own. Code here takes {@code
 * Instant now} and inputs and returns new state plus events. Adapters (probes, stores, HTTP, CLI) live outside
 * {@code dev.steward.core} and are wired together only by {@code dev.steward.app}.
 */
package dev.steward.core;
