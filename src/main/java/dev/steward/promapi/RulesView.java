package dev.steward.promapi;

import dev.steward.core.rule.Alert;
import dev.steward.core.rule.AlertState;
import dev.steward.core.rule.AlertingRule;
import dev.steward.core.rule.GroupEvaluation;
import dev.steward.core.rule.RecordingRule;
import dev.steward.core.rule.Rule;
import dev.steward.core.rule.RuleResult;
import dev.steward.core.rule.template.Template;
import dev.steward.engine.RuleLoop;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renders rule groups and alerts in the shapes of Prometheus's {@code /api/v1/rules} and {@code /api/v1/alerts}. */
public final class RulesView {
    private RulesView() {}

    /** {@code type}: {@code alert}, {@code record} or empty for both. */
    public static Map<String, Object> rules(List<RuleLoop.GroupView> groups, String type) {
        List<Object> out = new ArrayList<>();
        for (RuleLoop.GroupView g : groups) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", g.group().name());
            m.put("file", g.group().file());
            m.put("interval", g.group().interval().toMillis() / 1000.0);
            m.put("limit", g.group().limit());
            List<Object> rules = new ArrayList<>();
            List<RuleResult> results = g.last().map(GroupEvaluation::rules).orElse(List.of());
            for (int i = 0; i < g.group().rules().size(); i++) {
                Rule rule = g.group().rules().get(i);
                Optional<RuleResult> result = i < results.size() ? Optional.of(results.get(i)) : Optional.empty();
                Map<String, Object> r = rule(rule, result, g.last().map(GroupEvaluation::scheduledAt));
                if (type.isEmpty() || type.equals(r.get("type").equals("alerting") ? "alert" : "record")) {
                    rules.add(r);
                }
            }
            m.put("rules", rules);
            m.put(
                    "evaluationTime",
                    g.last().map(e -> e.duration().toNanos() / 1e9).orElse(0.0));
            m.put(
                    "lastEvaluation",
                    g.last().map(e -> e.scheduledAt().toString()).orElse(ZERO_TIME));
            out.add(m);
        }
        return Map.of("groups", out);
    }

    /** The active (pending and firing) alerts of every alerting rule. */
    public static Map<String, Object> alerts(List<RuleLoop.GroupView> groups) {
        List<Object> out = new ArrayList<>();
        for (RuleLoop.GroupView g : groups) {
            g.last()
                    .ifPresent(e -> e.rules()
                            .forEach(r ->
                                    r.alerts().stream().filter(Alert::isActive).forEach(a -> out.add(alert(a)))));
        }
        return Map.of("alerts", out);
    }

    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private static Map<String, Object> rule(Rule rule, Optional<RuleResult> result, Optional<Instant> at) {
        Map<String, Object> r = new LinkedHashMap<>();
        switch (rule) {
            case AlertingRule a -> {
                List<Alert> alerts = result.map(RuleResult::alerts).orElse(List.of()).stream()
                        .filter(Alert::isActive)
                        .toList();
                r.put("state", state(alerts));
                r.put("name", a.alert());
                r.put("query", a.expr());
                r.put("duration", a.holdFor().toMillis() / 1000.0);
                r.put("keepFiringFor", a.keepFiringFor().toMillis() / 1000.0);
                r.put("labels", templates(a.labels()));
                r.put("annotations", templates(a.annotations()));
                List<Object> list = new ArrayList<>();
                alerts.forEach(al -> list.add(alert(al)));
                r.put("alerts", list);
                r.put("type", "alerting");
            }
            case RecordingRule rec -> {
                r.put("name", rec.record());
                r.put("query", rec.expr());
                r.put("labels", rec.labels());
                r.put("type", "recording");
            }
        }
        r.put("health", result.map(x -> x.error().isPresent() ? "err" : "ok").orElse("unknown"));
        r.put("lastError", result.flatMap(RuleResult::error).orElse(""));
        r.put("evaluationTime", result.map(x -> x.duration().toNanos() / 1e9).orElse(0.0));
        r.put("lastEvaluation", at.map(Instant::toString).orElse(ZERO_TIME));
        return r;
    }

    private static String state(List<Alert> active) {
        if (active.stream().anyMatch(a -> a.state() instanceof AlertState.Firing)) {
            return "firing";
        }
        return active.isEmpty() ? "inactive" : "pending";
    }

    private static Map<String, String> templates(Map<String, Template> templates) {
        Map<String, String> out = new LinkedHashMap<>();
        templates.forEach((k, v) -> out.put(k, v.source()));
        return out;
    }

    static Map<String, Object> alert(Alert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("labels", PromJson.metric(a.labels()));
        m.put("annotations", a.annotations());
        m.put("state", a.state() instanceof AlertState.Firing ? "firing" : "pending");
        Instant activeAt = switch (a.state()) {
            case AlertState.Pending p -> p.activeAt();
            case AlertState.Firing f -> f.activeAt();
            case AlertState.Resolved r -> r.activeAt();
        };
        m.put("activeAt", activeAt.toString());
        m.put("value", goExponent(a.value()));
        return m;
    }

    /** Go's {@code strconv.FormatFloat(v, 'e', -1, 64)}, which Prometheus uses for alert values: {@code 1e+00}. */
    static String goExponent(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return "0e+00";
        }
        java.math.BigDecimal d = new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        String digits = d.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String sign = d.signum() < 0 ? "-" : "";
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
