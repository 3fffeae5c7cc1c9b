package dev.steward.core.rule.template;

import java.util.Map;

/**
 * What an alert template sees: {@code $labels} (the series' labels), {@code $value}, {@code $externalLabels} and {@code
 * $externalURL}; the same as {@code .Labels}, {@code .Value}, {@code .ExternalLabels} and {@code .ExternalURL}.
 */
public record TemplateData(
        Map<String, String> labels, double value, Map<String, String> externalLabels, String externalUrl) {

    public TemplateData {
        labels = Map.copyOf(labels);
        externalLabels = Map.copyOf(externalLabels);
    }

    /** Labels and value, no external labels, no external URL. */
    public static TemplateData of(Map<String, String> labels, double value) {
        return new TemplateData(labels, value, Map.of(), "");
    }
}
