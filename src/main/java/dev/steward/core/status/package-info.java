/**
 * Service and stack status derived from check states: the worst of a service's checks, "degraded" when a service is
 * down because something it depends on is down, and the connectivity guard that reports UNKNOWN rather than DOWN when
 * every check fails at once. Pure.
 */
package dev.steward.core.status;
