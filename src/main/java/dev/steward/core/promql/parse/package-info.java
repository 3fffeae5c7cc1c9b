/**
 * The PromQL language: lexer, recursive-descent parser and the immutable expression tree, with Prometheus's parse-time
 * type checks and positioned error messages. Nothing here reads data; evaluation lives in {@code promql.eval}.
 */
package dev.steward.core.promql.parse;
