/**
 * The stack-file loader: reads a stack file (YAML), checks it strictly against the schema, resolves {@code ${env:NAME}}
 * and {@code ${file:PATH}} references, and builds the immutable model of {@code dev.steward.core.config}, or the full
 * list of {@link dev.steward.stackfile.ConfigError}s with file, line, column and path. It reads files and the
 * environment (through injectable lookups); it does not start anything and does not decide anything at run time.
 */
package dev.steward.stackfile;
