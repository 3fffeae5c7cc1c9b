package dev.steward.api;

import dev.steward.core.check.CheckState;
import dev.steward.core.check.CheckStatus;
import dev.steward.core.check.ProbeResult;
import dev.steward.core.config.CheckConfig;
import dev.steward.core.config.CheckId;
import dev.steward.core.config.ServiceConfig;
import dev.steward.core.config.StackConfig;
import dev.steward.core.probe.ComponentStatus;
import dev.steward.core.probe.Failure;
import dev.steward.core.status.ServiceStatus;
import dev.steward.core.status.StatusPolicy;
import dev.steward.engine.CheckSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the JSON document of {@code GET /api/v1/status}: the stack, its services and their checks with reasons. */
public final class StatusDocument {
    private StatusDocument() {}

    public static Map<String, Object> build(StackConfig stack, Map<CheckId, CheckSnapshot> checks, Instant now) {
        return build(stack, checks, List.of(), now);
    }

    /** With the latest outcome of each service's metrics scrape, shown under the service as {@code metrics}. */
    public static Map<String, Object> build(
            StackConfig stack,
            Map<CheckId, CheckSnapshot> checks,
            List<dev.steward.scrape.ScrapeLoop.TargetStatus> scrapes,
            Instant now) {
        return build(stack, checks, scrapes, service -> java.util.Optional.empty(), now);
    }

    /**
     * With maintenance windows: a service for which {@code maintenance} gives a reason shows {@code maintenance}, and
     * so do its checks (with the reason), whatever their last results.
     */
    public static Map<String, Object> build(
            StackConfig stack,
            Map<CheckId, CheckSnapshot> checks,
            List<dev.steward.scrape.ScrapeLoop.TargetStatus> scrapes,
            java.util.function.Function<String, java.util.Optional<String>> maintenance,
            Instant now) {
        Map<CheckId, CheckState> states = new LinkedHashMap<>();
        checks.forEach((id, s) -> states.put(id, s.state()));
        boolean suspect = StatusPolicy.suspectConnectivity(states);
        Map<String, ServiceStatus> services = StatusPolicy.services(stack, states, maintenance);
        CheckStatus overall = CheckStatus.UP;
        List<Object> list = new ArrayList<>();
        for (ServiceConfig service : stack.services().values()) {
            ServiceStatus status = services.get(service.name());
            overall = CheckStatus.worst(overall, status.status());
            Map<String, Object> doc = service(service, status, checks, suspect);
            if (status.status() == CheckStatus.MAINTENANCE) {
                for (Object c : (List<?>) doc.get("checks")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> check = (Map<String, Object>) c;
                    check.put("status", CheckStatus.MAINTENANCE.label());
                    check.put("reason", status.reason());
                }
            }
            scrapes.stream()
                    .filter(t -> t.service().equals(service.name()))
                    .findFirst()
                    .ifPresent(t -> doc.put("metrics", scrape(t)));
            list.add(doc);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("stack", stack.stack());
        doc.put("status", stack.services().isEmpty() ? "unknown" : overall.label());
        doc.put("reason", suspect ? StatusPolicy.SUSPECT_REASON : summary(services));
        doc.put("generated_at", now.toString());
        doc.put("services", list);
        return doc;
    }

    private static String summary(Map<String, ServiceStatus> services) {
        List<String> bad = services.values().stream()
                .filter(s -> s.status() != CheckStatus.UP)
                .map(s -> s.service() + " " + s.status().label())
                .toList();
        return bad.isEmpty() ? "all services up" : String.join(", ", bad);
    }

    private static Map<String, Object> service(
            ServiceConfig service, ServiceStatus status, Map<CheckId, CheckSnapshot> checks, boolean suspect) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", service.name());
        m.put("description", service.description());
        m.put("status", status.status().label());
        m.put("reason", status.reason());
        m.put("labels", service.labels());
        m.put("depends_on", service.dependsOn());
        m.put("down_dependencies", status.downDependencies());
        List<Object> list = new ArrayList<>();
        for (CheckConfig c : service.checks()) {
            CheckSnapshot snap = checks.get(c.id());
            if (snap != null) {
                list.add(check(snap, suspect));
            }
        }
        m.put("checks", list);
        return m;
    }

    private static Map<String, Object> scrape(dev.steward.scrape.ScrapeLoop.TargetStatus t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", t.url());
        m.put("up", t.up());
        t.error().ifPresent(e -> m.put("error", e));
        m.put("last_scrape", t.lastScrape().toString());
        return m;
    }

    static Map<String, Object> check(CheckSnapshot snap, boolean suspect) {
        CheckConfig c = snap.config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("type", c.probe().type());
        m.put("target", c.probe().target());
        m.put("status", StatusPolicy.checkStatus(snap.state(), suspect).label());
        putState(m, snap.state());
        if (suspect) {
            m.put("reason", StatusPolicy.SUSPECT_REASON);
        }
        m.put("interval_seconds", c.interval().toMillis() / 1000.0);
        m.put("expect", c.expect());
        snap.last().ifPresent(r -> m.put("last", result(r)));
        snap.nextDue().ifPresent(d -> m.put("next_run", d.toString()));
        m.put("running", snap.running());
        return m;
    }

    private static void putState(Map<String, Object> m, CheckState state) {
        switch (state) {
            case CheckState.Unknown u -> {
                m.put("reason", reason(state));
                m.put("consecutive_failures", u.failures());
            }
            case CheckState.Up u -> {
                m.put("since", u.since().toString());
                m.put("reason", reason(state));
                m.put("consecutive_failures", u.failures());
            }
            case CheckState.Down d -> {
                m.put("since", d.since().toString());
                m.put("reason", reason(state));
                m.put("consecutive_successes", d.successes());
            }
        }
    }

    /**
     * Why a check is in its state, in words: the same text as the {@code reason} of {@code /api/v1/status}. Cheap (the
     * console's overview asks it for every check on every page and live update).
     */
    public static String reason(CheckState state) {
        return switch (state) {
            case CheckState.Unknown u ->
                u.failures() == 0 ? "no result yet" : "confirming " + u.failures() + " failure(s)";
            case CheckState.Up u ->
                u.failures() == 0
                        ? "up"
                        : "up; confirming " + u.failures() + " failure(s): "
                                + u.lastFailure().map(Failure::describe).orElse("");
            case CheckState.Down d -> d.cause().describe();
        };
    }

    static Map<String, Object> result(ProbeResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", r.at().toString());
        m.put("success", r.success());
        m.put("latency_ms", r.latency().toNanos() / 1e6);
        if (r instanceof ProbeResult.Failed f) {
            m.put("failure", failure(f.failure()));
        }
        if (!r.components().isEmpty()) {
            List<Object> comps = new ArrayList<>();
            for (ComponentStatus c : r.components()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("name", c.name());
                cm.put("healthy", c.healthy());
                cm.put("status", c.status());
                c.detail().ifPresent(d -> cm.put("detail", d));
                comps.add(cm);
            }
            m.put("components", comps);
        }
        return m;
    }

    static Map<String, Object> failure(Failure f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", f.kind().label());
        m.put("message", f.message());
        f.condition().ifPresent(c -> m.put("condition", c));
        f.seen().ifPresent(s -> m.put("seen", s));
        return m;
    }
}
