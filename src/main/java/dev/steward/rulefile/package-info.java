/**
 * Loads Prometheus rule files from disk: expands the stack file's {@code rule_files} globs (Go's {@code filepath.Glob}
 * syntax: {@code *}, {@code ?}, {@code [...]} within one path segment), reads each file and parses it with {@code
 * dev.steward.stackfile.RuleFileParser}. It decides nothing about evaluation; the rule model is {@code
 * dev.steward.core.rule}.
 */
package dev.steward.rulefile;
