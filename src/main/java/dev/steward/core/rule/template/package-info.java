/**
 * Alert templates: the subset of Go's text/template that Prometheus rule files use in labels and annotations
 * ({@code {{ $labels.instance }}}, {@code {{ $value | humanize }}}, {@code printf}, {@code if/else/end}), with
 * Prometheus's template functions, including {@code query} (through the {@link
 * dev.steward.core.rule.template.TemplateQuery} port) and {@code first/label/value/sortByLabel}. Parsing happens once
 * at load time and reports syntax errors as values; rendering never throws (an error renders as text, as Prometheus
 * does). {@code define}/{@code template}/{@code block}, {@code now}, {@code toTime}, {@code toDuration} are not here.
 */
package dev.steward.core.rule.template;
