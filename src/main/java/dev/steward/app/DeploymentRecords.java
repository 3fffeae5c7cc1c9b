package dev.steward.app;

import dev.steward.amapi.PostedAlert;
import dev.steward.audit.AuditLog;
import dev.steward.core.deploy.Deployment;
import dev.steward.core.deploy.DeploymentEvent;
import dev.steward.core.deploy.Measurement;
import dev.steward.core.series.Labels;
import dev.steward.engine.DeploymentListener;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where deployment events go once stored: each on the audit log (action {@code deployment.<trigger>}, target {@code
 * deployment/<id>}, before and after the states), and each one that asks for a human as a firing {@value #ALERT}
 * alert (labels {@code service}, {@code deployment}, {@code environment}, severity critical) through routing, so the
 * receivers routing picks page someone. The alert resolves with the deployment's next event that does not page.
 */
final class DeploymentRecords implements DeploymentListener {
    static final String ALERT = "StewardDeploymentNeedsAttention";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration FIRING_FOR = Duration.ofDays(365);

    private final AuditLog audit;
    private final BiConsumer<List<PostedAlert>, Instant> alerts;
    private final Supplier<String> stack;
    private final Map<String, PostedAlert> firing = new HashMap<>();

    DeploymentRecords(AuditLog audit, BiConsumer<List<PostedAlert>, Instant> alerts, Supplier<String> stack) {
        this.audit = audit;
        this.alerts = alerts;
        this.stack = stack;
    }

    @Override
    public void created(Deployment d) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("service", d.service());
        after.put("environment", d.environment());
        after.put("version", d.version());
        after.put("stable_version", d.stableVersion());
        after.put("steps", d.plan().steps().size());
        audit.record(d.createdBy(), "api", "deployment.create", target(d), "", JSON.writeValueAsString(after));
    }

    @Override
    public synchronized void stored(Deployment d, List<DeploymentEvent> events, String source) {
        for (DeploymentEvent e : events) {
            audit.record(
                    e.actor(),
                    source,
                    "deployment." + e.trigger().label(),
                    target(d),
                    e.from().label(),
                    JSON.writeValueAsString(after(e)));
            if (e.page()) {
                page(d, e);
            } else {
                resolve(d, e.at());
            }
        }
    }

    private static String target(Deployment d) {
        return "deployment/" + d.id();
    }

    private static Map<String, Object> after(DeploymentEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", e.to().label());
        m.put("reason", e.reason());
        if (!e.measurements().isEmpty()) {
            List<Map<String, Object>> ms = e.measurements().stream()
                    .map(DeploymentRecords::measurement)
                    .toList();
            m.put("measurements", ms);
        }
        return m;
    }

    private static Map<String, Object> measurement(Measurement m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", m.name());
        out.put("value", Double.isFinite(m.value()) ? m.value() : String.valueOf(m.value()));
        out.put("against", m.against());
        return out;
    }

    private void page(Deployment d, DeploymentEvent e) {
        Labels labels = Labels.of(
                "alertname",
                ALERT,
                "deployment",
                d.id(),
                "environment",
                d.environment(),
                "service",
                d.service(),
                "severity",
                DeploymentInputs.CRITICAL,
                "stack",
                stack.get());
        PostedAlert alert = new PostedAlert(
                labels,
                Map.of(
                        "summary",
                        "deployment " + d.id() + " of " + d.service() + " " + d.version() + " to " + d.environment()
                                + " needs attention (" + e.to().label() + ")",
                        "description",
                        e.reason()),
                e.at(),
                e.at().plus(FIRING_FOR),
                false,
                "");
        firing.put(d.id(), alert);
        alerts.accept(List.of(alert), e.at());
    }

    private void resolve(Deployment d, Instant at) {
        PostedAlert a = firing.remove(d.id());
        if (a != null) {
            alerts.accept(List.of(new PostedAlert(a.labels(), a.annotations(), a.startsAt(), at, false, "")), at);
        }
    }
}
