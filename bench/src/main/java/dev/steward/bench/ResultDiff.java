package dev.steward.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Compares two Prometheus API answers: same status and result type, same series (by their label sets, in any order),
 * same timestamps, and values equal within a relative tolerance ({@code NaN} equals {@code NaN}, infinities must be
 * equal).
 */
final class ResultDiff {
    private ResultDiff() {}

    /** {series, points} of an answer. */
    static int[] size(JsonNode doc) {
        JsonNode result = doc.at("/data/result");
        if (!result.isArray() || result.isEmpty() || !result.get(0).isObject()) {
            return new int[] {result.isArray() && !result.isEmpty() ? 1 : 0, result.isArray() ? 1 : 0};
        }
        int points = 0;
        for (JsonNode s : result) {
            points += s.has("values") ? s.get("values").size() : 1;
        }
        return new int[] {result.size(), points};
    }

    static List<String> diff(JsonNode expected, JsonNode actual, double tolerance) {
        List<String> out = new ArrayList<>();
        String es = expected.path("status").asString();
        String as = actual.path("status").asString();
        if (!es.equals(as) || es.equals("error")) {
            if (!es.equals(as) || !expected.path("errorType").equals(actual.path("errorType"))) {
                out.add("prometheus: " + expected + "  steward: " + actual);
            }
            return out;
        }
        JsonNode e = expected.get("data");
        JsonNode a = actual.get("data");
        if (!e.get("resultType").equals(a.get("resultType"))) {
            out.add("result type: prometheus " + e.get("resultType") + ", steward " + a.get("resultType"));
            return out;
        }
        String type = e.get("resultType").asString();
        if (type.equals("scalar") || type.equals("string")) {
            point("", e.get("result"), a.get("result"), tolerance, out);
            return out;
        }
        Map<String, JsonNode> em = bySeries(e.get("result"));
        Map<String, JsonNode> am = bySeries(a.get("result"));
        for (var entry : em.entrySet()) {
            JsonNode other = am.get(entry.getKey());
            if (other == null) {
                out.add("only in prometheus: " + entry.getKey() + " " + entry.getValue());
                continue;
            }
            series(entry.getKey(), entry.getValue(), other, tolerance, out);
        }
        for (var entry : am.entrySet()) {
            if (!em.containsKey(entry.getKey())) {
                out.add("only in steward: " + entry.getKey() + " " + entry.getValue());
            }
        }
        return out;
    }

    private static Map<String, JsonNode> bySeries(JsonNode result) {
        Map<String, JsonNode> m = new TreeMap<>();
        for (JsonNode s : result) {
            m.put(
                    new TreeMap<>(s.get("metric")
                                    .propertyStream()
                                    .collect(java.util.stream.Collectors.toMap(
                                            Map.Entry::getKey, x -> x.getValue().asString())))
                            .toString(),
                    s);
        }
        return m;
    }

    private static void series(String key, JsonNode e, JsonNode a, double tolerance, List<String> out) {
        if (e.has("value")) {
            point(key, e.get("value"), a.get("value"), tolerance, out);
            return;
        }
        JsonNode ev = e.get("values");
        JsonNode av = a.get("values");
        if (av == null || ev.size() != av.size()) {
            out.add(key + ": prometheus " + ev.size() + " points " + ev + ", steward " + (av == null ? 0 : av.size())
                    + " points " + av);
            return;
        }
        for (int i = 0; i < ev.size(); i++) {
            point(key, ev.get(i), av.get(i), tolerance, out);
        }
    }

    private static void point(String key, JsonNode e, JsonNode a, double tolerance, List<String> out) {
        if (a == null || !e.get(0).asString().equals(a.get(0).asString()) || !close(e.get(1), a.get(1), tolerance)) {
            out.add(key + ": prometheus " + e + ", steward " + a);
        }
    }

    private static boolean close(JsonNode e, JsonNode a, double tolerance) {
        String es = e.asString();
        String as = a.asString();
        if (es.equals(as)) {
            return true;
        }
        try {
            double x = Double.parseDouble(es.replace("+Inf", "Infinity").replace("-Inf", "-Infinity"));
            double y = Double.parseDouble(as.replace("+Inf", "Infinity").replace("-Inf", "-Infinity"));
            if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) {
                return Double.compare(x, y) == 0;
            }
            return Math.abs(x - y) <= tolerance * Math.max(Math.abs(x), Math.abs(y));
        } catch (NumberFormatException ex) {
            return false;
        }
    }
}
