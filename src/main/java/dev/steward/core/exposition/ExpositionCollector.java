package dev.steward.core.exposition;

import dev.steward.core.series.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** A {@link SampleHandler} that keeps everything: the samples in order and each family's metadata. */
public final class ExpositionCollector implements SampleHandler {
    /** What the metadata lines said about one family; absent parts are null. */
    public record Metadata(MetricType type, String help, String unit) {}

    private final List<ParsedSample> samples = new ArrayList<>();
    private final Map<String, Metadata> metadata = new LinkedHashMap<>();

    @Override
    public void sample(String metricName, Labels labels, double value, OptionalLong timestampMs) {
        samples.add(new ParsedSample(metricName, labels, value, timestampMs));
    }

    @Override
    public void help(String family, String help) {
        Metadata m = metadata.getOrDefault(family, new Metadata(null, null, null));
        metadata.put(family, new Metadata(m.type(), help, m.unit()));
    }

    @Override
    public void type(String family, MetricType type) {
        Metadata m = metadata.getOrDefault(family, new Metadata(null, null, null));
        metadata.put(family, new Metadata(type, m.help(), m.unit()));
    }

    @Override
    public void unit(String family, String unit) {
        Metadata m = metadata.getOrDefault(family, new Metadata(null, null, null));
        metadata.put(family, new Metadata(m.type(), m.help(), unit));
    }

    public List<ParsedSample> samples() {
        return samples;
    }

    public Map<String, Metadata> metadata() {
        return metadata;
    }
}
