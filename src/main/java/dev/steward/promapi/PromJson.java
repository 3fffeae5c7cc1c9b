package dev.steward.promapi;

import dev.steward.core.series.Labels;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders values the way Prometheus's API does: sample values as strings, timestamps as unix seconds. */
final class PromJson {
    private PromJson() {}

    /** Go's {@code strconv.FormatFloat(v, 'f', -1, 64)}: the shortest decimal, never an exponent; +Inf, -Inf, NaN. */
    static String value(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return (1 / v) < 0 ? "-0" : "0";
        }
        String plain = new BigDecimal(Double.toString(v)).toPlainString();
        if (plain.contains(".")) {
            plain = plain.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return plain;
    }

    /** Milliseconds as unix seconds with up to three decimals, as a JSON number. */
    static BigDecimal time(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros();
    }

    static Map<String, String> metric(Labels labels) {
        Map<String, String> m = new LinkedHashMap<>();
        labels.forEach(m::put);
        return m;
    }

    static List<Object> point(QueryResult.Point p) {
        List<Object> pair = new ArrayList<>(2);
        pair.add(time(p.t()));
        pair.add(value(p.v()));
        return pair;
    }

    static Map<String, Object> data(QueryResult.Value value) {
        Map<String, Object> data = new LinkedHashMap<>();
        switch (value) {
            case QueryResult.Scalar s -> {
                data.put("resultType", "scalar");
                data.put("result", point(s.point()));
            }
            case QueryResult.Text s -> {
                data.put("resultType", "string");
                data.put("result", List.of(time(s.t()), s.value()));
            }
            case QueryResult.Vector v -> {
                data.put("resultType", "vector");
                List<Object> result = new ArrayList<>(v.samples().size());
                for (QueryResult.Sample s : v.samples()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("metric", metric(s.metric()));
                    m.put("value", point(s.point()));
                    result.add(m);
                }
                data.put("result", result);
            }
            case QueryResult.Matrix mx -> {
                data.put("resultType", "matrix");
                List<Object> result = new ArrayList<>(mx.series().size());
                for (QueryResult.Series s : mx.series()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("metric", metric(s.metric()));
                    List<Object> values = new ArrayList<>(s.points().size());
                    s.points().forEach(p -> values.add(point(p)));
                    m.put("values", values);
                    result.add(m);
                }
                data.put("result", result);
            }
        }
        return data;
    }
}
