/**
 * The {@code command} probe: runs a local program with {@code ProcessBuilder}, captures its exit code and (capped)
 * output, and kills the whole process tree when the timeout passes. No shell is involved unless the argv names one.
 */
package dev.steward.probe.command;
