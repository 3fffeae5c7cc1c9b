/**
 * The {@code redis} probe: a fresh Jedis connection per probe ({@code redis://} or {@code rediss://}), {@code PING} then
 * {@code INFO}, every INFO field reported as a fact. No pool: a probe tests that a new client can connect.
 */
package dev.steward.probe.redis;
