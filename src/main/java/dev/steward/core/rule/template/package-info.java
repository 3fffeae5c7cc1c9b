/**
 * Alert templates: the subset of Go's text/template that Prometheus rule files use in labels and annotations
 * ({@code {{ $labels.instance }}}, {@code {{ $value | humanize }}}, {@code printf}, {@code if/else/end}), with
 * Prometheus's template functions. Parsing happens once at load time and reports syntax errors as values; rendering is
 * pure and never throws (an error renders as text, as Prometheus does). Functions that query the store ({@code
 * query}, {@code first}, {@code value}, {@code label}) and {@code range}/{@code with}/{@code define} are not here.
 */
package dev.steward.core.rule.template;
