package dev.steward.core.exposition;

import dev.steward.core.series.Labels;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One metric family to expose: a name, a type, a help text and its samples.
 *
 * @param name the family name: for a counter the name of its samples ({@code requests_total}), for a histogram or
 *     summary the base of {@code _bucket}, {@code _sum} and {@code _count}
 * @param samples the samples, each named in full
 */
public record MetricFamily(String name, MetricType type, String help, List<Sample> samples) {
    public MetricFamily {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(help, "help");
        samples = List.copyOf(samples);
    }

    /**
     * One sample line.
     *
     * @param name the full sample name ({@code latency_seconds_bucket})
     * @param labels the labels besides the name; a {@code __name__} label here is ignored
     * @param timestampMs written after the value when present; Steward's own metrics have none
     */
    public record Sample(String name, Labels labels, double value, OptionalLong timestampMs) {
        public Sample {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(labels, "labels");
            Objects.requireNonNull(timestampMs, "timestampMs");
        }

        public Sample(String name, Labels labels, double value) {
            this(name, labels, value, OptionalLong.empty());
        }
    }

    /** A family of one sample named like the family: a gauge or a counter with its labels. */
    public static MetricFamily single(String name, MetricType type, String help, Labels labels, double value) {
        return new MetricFamily(name, type, help, List.of(new Sample(name, labels, value)));
    }
}
