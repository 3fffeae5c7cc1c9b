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

    /**
     * A sample value in a vector or matrix as Prometheus writes it: like {@link #value}, but with an exponent below
     * 1e-6 and from 1e21 up ({@code "4.09e-07"}, {@code "1e+21"}), Go's {@code 'e'} format; scalars keep {@code 'f'}.
     */
    static String sampleValue(double v) {
        double abs = Math.abs(v);
        if (abs == 0 || Double.isNaN(v) || Double.isInfinite(v) || (abs >= 1e-6 && abs < 1e21)) {
            return value(v);
        }
        BigDecimal d = new BigDecimal(Double.toString(abs)).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exponent = digits.length() - 1 - d.scale();
        StringBuilder b = new StringBuilder(v < 0 ? "-" : "").append(digits.charAt(0));
        if (digits.length() > 1) {
            b.append('.').append(digits, 1, digits.length());
        }
        b.append('e').append(exponent < 0 ? '-' : '+');
        if (Math.abs(exponent) < 10) {
            b.append('0');
        }
        return b.append(Math.abs(exponent)).toString();
    }

    /**
     * Milliseconds as unix seconds with up to three decimals, as a JSON number: {@code 1764000000}, {@code 0.5}, never
     * an exponent ({@code stripTrailingZeros} alone gives a negative scale, which Jackson writes as {@code 1.764E+9}).
     */
    static BigDecimal time(long millis) {
        BigDecimal seconds = BigDecimal.valueOf(millis, 3).stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
    }

    /**
     * A sample's timestamp in a vector or matrix as Prometheus writes it: whole seconds, or always three decimals
     * ({@code 1764000000.500}); scalars and strings use {@link #time} ({@code 1764000000.5}), as in Prometheus.
     */
    static BigDecimal sampleTime(long millis) {
        return millis % 1000 == 0 ? BigDecimal.valueOf(millis / 1000) : BigDecimal.valueOf(millis, 3);
    }

    static Map<String, String> metric(Labels labels) {
        Map<String, String> m = new LinkedHashMap<>();
        labels.forEach(m::put);
        return m;
    }

    static List<Object> point(QueryResult.Point p) {
        List<Object> pair = new ArrayList<>(2);
        pair.add(sampleTime(p.t()));
        pair.add(sampleValue(p.v()));
        return pair;
    }

    static Map<String, Object> data(QueryResult.Value value) {
        Map<String, Object> data = new LinkedHashMap<>();
        switch (value) {
            case QueryResult.Scalar s -> {
                data.put("resultType", "scalar");
                data.put("result", List.of(time(s.point().t()), value(s.point().v())));
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
