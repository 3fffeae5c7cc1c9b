/**
 * The loops that own Steward's timetables: the check loop (hands due probes to virtual threads, judges their results
 * with the core and passes them to the result sinks: series, rollups, history), the rule loop, the route loop (holds
 * the alerts and aggregation groups at run time and hands due notifications on), the incident loop (open incidents,
 * escalation timers, operator commands), the outbox loop (stores every notification before scheduling it, attempts
 * due entries in order per incident, records each outcome) and the deployment loop (observes, steps and saves each due
 * deployment, then hands its actuations to the provider off the tick and takes their results back on a later one). They read time only through an injected {@link
 * java.time.InstantSource}; tests call {@code runDue} by hand with a direct executor. Deciding lives in {@code
 * dev.steward.core}; this package only coordinates.
 */
package dev.steward.engine;
