package dev.steward.promapi;

import dev.steward.core.series.Labels;
import java.util.List;

/** The outcome of a query as the API renders it: a value with its annotations, or an error of a Prometheus type. */
public sealed interface QueryResult {

    /** A sample: timestamp in milliseconds and value. */
    record Point(long t, double v) {}

    record Sample(Labels metric, Point point) {}

    record Series(Labels metric, List<Point> points) {}

    sealed interface Value {}

    record Scalar(Point point) implements Value {}

    record Text(long t, String value) implements Value {}

    record Vector(List<Sample> samples) implements Value {}

    record Matrix(List<Series> series) implements Value {}

    record Success(Value value, List<String> warnings, List<String> infos) implements QueryResult {}

    /**
     * @param type Prometheus's error type: {@code bad_data} (a query that does not parse or type-check, HTTP 400),
     *     {@code execution} (an evaluation error, 422), {@code timeout} (503), {@code internal} (500)
     */
    record Failure(String type, String message) implements QueryResult {}
}
