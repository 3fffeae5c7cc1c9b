package dev.steward.app;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Renders a Prometheus API {@code data} object as text, one series per line, like promtool's output. */
final class QueryText {
    private QueryText() {}

    static String render(JsonNode data) {
        StringBuilder b = new StringBuilder();
        JsonNode result = data.get("result");
        switch (data.path("resultType").asString("")) {
            case "vector" ->
                result.forEach(s -> b.append(metric(s.get("metric")))
                        .append(" => ")
                        .append(s.get("value").get(1).asString())
                        .append(" @[")
                        .append(time(s.get("value").get(0)))
                        .append("]\n"));
            case "matrix" ->
                result.forEach(s -> {
                    b.append(metric(s.get("metric"))).append(" =>\n");
                    s.get("values")
                            .forEach(v -> b.append(v.get(1).asString())
                                    .append(" @[")
                                    .append(time(v.get(0)))
                                    .append("]\n"));
                });
            case "scalar", "string" ->
                b.append(result.get(1).asString())
                        .append(" @[")
                        .append(time(result.get(0)))
                        .append("]\n");
            default -> b.append(data).append('\n');
        }
        return b.toString();
    }

    /** Unix seconds as written by a person: {@code 1795510372.538}, never in exponent form. */
    static String time(JsonNode t) {
        return new java.math.BigDecimal(t.asString()).toPlainString();
    }

    static String metric(JsonNode metric) {
        String name = metric.path("__name__").asString("");
        List<String> labels = new ArrayList<>();
        metric.properties().forEach(e -> {
            if (!e.getKey().equals("__name__")) {
                labels.add(e.getKey() + "=\""
                        + e.getValue().asString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
            }
        });
        return name + "{" + String.join(", ", labels) + "}";
    }
}
