package dev.steward.core.promql;

import dev.steward.core.series.Labels;
import java.util.List;

/** The value of a query: a scalar, a string, an instant vector or a matrix, as in Prometheus's HTTP API. */
public sealed interface QueryValue {
    /** The name Prometheus's API gives this type: {@code scalar}, {@code string}, {@code vector}, {@code matrix}. */
    String typeName();

    record Scalar(long timestampMillis, double value) implements QueryValue {
        @Override
        public String typeName() {
            return "scalar";
        }
    }

    record StringValue(long timestampMillis, String value) implements QueryValue {
        @Override
        public String typeName() {
            return "string";
        }
    }

    /** One sample of an instant vector. */
    record VectorSample(Labels labels, long timestampMillis, double value) {}

    /** An instant vector, in the order the query produced (meaningful after {@code sort}, {@code topk}, ...). */
    record Vector(List<VectorSample> samples) implements QueryValue {
        @Override
        public String typeName() {
            return "vector";
        }
    }

    /** One series of a matrix: parallel arrays of timestamps (ms) and values, oldest first. */
    record RangeSeries(Labels labels, long[] timestamps, double[] values) {
        public int size() {
            return timestamps.length;
        }
    }

    /** A matrix (range query result or range vector), series sorted by labels. */
    record Matrix(List<RangeSeries> series) implements QueryValue {
        @Override
        public String typeName() {
            return "matrix";
        }
    }
}
