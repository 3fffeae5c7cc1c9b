/**
 * Reading an Alertmanager configuration file ({@code route}, {@code receivers}, {@code inhibit_rules}, {@code
 * time_intervals} and {@code mute_time_intervals}) strictly into the routing core's values ({@link
 * dev.steward.routefile.RouteFileLoader}): unknown keys, bad matchers, durations and time ranges, and references to
 * receivers or time intervals that do not exist are all reported at once with file, line and column. This is an
 * adapter: it reads files. Routing decisions live in {@code dev.steward.core.route}; sending notifications does not
 * live here (receivers' integration settings are kept as raw maps for the notifiers).
 */
package dev.steward.routefile;
