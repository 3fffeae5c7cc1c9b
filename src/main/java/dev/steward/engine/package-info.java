/**
 * The check loop: owns the timetable of every configured check, hands due probes to virtual threads, judges their
 * results with the core and passes them to the result sinks (series, rollups, history). It reads time only through an
 * injected {@link java.time.InstantSource}; tests call {@link dev.steward.engine.CheckLoop#runDue} by hand with a
 * direct executor. The rule loop evaluates rule groups on their slots; the route loop ({@link
 * dev.steward.engine.RouteLoop}) holds the alerts and aggregation groups at run time and hands due notifications on.
 * Deciding lives in {@code dev.steward.core}; this package only coordinates.
 */
package dev.steward.engine;
