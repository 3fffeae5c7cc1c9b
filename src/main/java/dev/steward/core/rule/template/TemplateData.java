package dev.steward.core.rule.template;

import java.util.Map;

/**
 * What an alert template sees: {@code $labels} (the series' labels), {@code $value}, {@code $externalLabels} and {@code
 * $externalURL}; the same as {@code .Labels}, {@code .Value}, {@code .ExternalLabels} and {@code .ExternalURL}; and
 * {@code query} answers the template's queries.
 */
public record TemplateData(
        Map<String, String> labels,
        double value,
        Map<String, String> externalLabels,
        String externalUrl,
        TemplateQuery query) {

    public TemplateData {
        labels = Map.copyOf(labels);
        externalLabels = Map.copyOf(externalLabels);
    }

    /** Data whose templates cannot query. */
    public TemplateData(
            Map<String, String> labels, double value, Map<String, String> externalLabels, String externalUrl) {
        this(labels, value, externalLabels, externalUrl, TemplateQuery.NONE);
    }

    /** Labels and value, no external labels, no external URL. */
    public static TemplateData of(Map<String, String> labels, double value) {
        return new TemplateData(labels, value, Map.of(), "");
    }
}
