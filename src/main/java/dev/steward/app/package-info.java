/**
 * The composition root and the command line: the only place that reads the system clock, creates adapters (stores,
 * probers, HTTP server, demo stack) and wires them to the core. {@link dev.steward.app.Main} parses the command line
 * with picocli; {@link dev.steward.app.Daemon} is {@code steward run}.
 */
package dev.steward.app;
