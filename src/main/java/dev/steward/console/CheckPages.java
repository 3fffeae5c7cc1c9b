package dev.steward.console;

import dev.steward.api.StatusDocument;
import dev.steward.core.check.CheckState;
import dev.steward.core.check.CheckStatus;
import dev.steward.core.check.ProbeResult;
import dev.steward.core.config.CheckConfig;
import dev.steward.core.config.CheckId;
import dev.steward.core.config.ServiceConfig;
import dev.steward.core.config.StackConfig;
import dev.steward.core.history.CheckEvent;
import dev.steward.core.rollup.Resolution;
import dev.steward.core.rollup.Rollup;
import dev.steward.core.status.ServiceStatus;
import dev.steward.core.status.StatusPolicy;
import dev.steward.engine.CheckSnapshot;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/** The service and check pages: status, history, charts from the rollups, last failures, dependencies. */
public final class CheckPages {
    /** The ranges a chart can show, by their label in the URL ({@code ?range=7d}). */
    static final Map<String, Duration> RANGES = rangeMap();

    private static final String DEFAULT_RANGE = "24h";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ConsoleBackend backend;
    private final Views views;

    CheckPages(ConsoleBackend backend, Views views) {
        this.backend = backend;
        this.views = views;
    }

    private static Map<String, Duration> rangeMap() {
        Map<String, Duration> m = new LinkedHashMap<>();
        m.put("1h", Duration.ofHours(1));
        m.put("6h", Duration.ofHours(6));
        m.put("24h", Duration.ofHours(24));
        m.put("7d", Duration.ofDays(7));
        m.put("30d", Duration.ofDays(30));
        m.put("90d", Duration.ofDays(90));
        return m;
    }

    void mount(JavalinConfig cfg) {
        cfg.routes.get("/ui/services/{service}", this::service);
        cfg.routes.get("/ui/checks/{service}/{check}", this::check);
    }

    /** One check of a service page: its cell and the last state changes. */
    public record CheckLine(Overview.Cell cell, String type, String target, String interval) {}

    /** One state change, as the history lists it. */
    public record EventLine(String at, String ago, String check, String from, String to, String reason) {}

    /** A service, one of its dependencies or one of its dependants, in the dependency graph. */
    public record Node(String name, String status, String href) {}

    /** The service page's model. */
    public record ServiceView(
            Page page,
            String name,
            String description,
            String status,
            String reason,
            Map<String, String> labels,
            List<CheckLine> checks,
            List<Node> dependsOn,
            List<Node> dependants,
            List<EventLine> history) {}

    /** The check page's model; {@code chart} is JSON for the page's script (safe to embed in a script element). */
    public record CheckView(
            Page page,
            String service,
            String serviceHref,
            CheckLine check,
            List<String> expect,
            String range,
            List<String> ranges,
            String resolution,
            String chart,
            String uptime,
            List<EventLine> failures,
            Optional<String> lastFailure,
            String lastResult) {}

    private void service(Context ctx) {
        StackConfig stack = backend.config();
        String name = ctx.pathParam("service");
        ServiceConfig service = stack.services().get(name);
        if (service == null) {
            throw Console.notFound("no service " + name + " in stack " + stack.stack());
        }
        Instant now = backend.now();
        Map<CheckId, CheckSnapshot> checks = backend.checks();
        Map<String, ServiceStatus> statuses = statuses(stack, checks);
        ServiceStatus status = statuses.get(name);
        List<CheckLine> lines = new ArrayList<>();
        List<EventLine> history = new ArrayList<>();
        for (CheckConfig c : service.checks()) {
            CheckSnapshot snap = checks.get(c.id());
            if (snap != null) {
                lines.add(line(snap, status));
            }
            backend.events(c.id(), now.minus(Duration.ofDays(7)), now, 50).forEach(e -> history.add(event(e, now)));
        }
        history.sort(Comparator.comparing(EventLine::at).reversed());
        List<Node> dependants = stack.services().values().stream()
                .filter(s -> s.dependsOn().contains(name))
                .map(s -> node(s.name(), statuses))
                .toList();
        views.respond(
                ctx,
                "console/service.jte",
                new ServiceView(
                        views.page(ctx, name, "overview"),
                        name,
                        service.description(),
                        status.status().label(),
                        status.reason(),
                        service.labels(),
                        lines,
                        service.dependsOn().stream().map(d -> node(d, statuses)).toList(),
                        dependants,
                        history.stream().limit(50).toList()));
    }

    private Map<String, ServiceStatus> statuses(StackConfig stack, Map<CheckId, CheckSnapshot> checks) {
        Map<CheckId, CheckState> states = new LinkedHashMap<>();
        checks.forEach((id, s) -> states.put(id, s.state()));
        return StatusPolicy.services(stack, states, backend::maintenance);
    }

    private static Node node(String service, Map<String, ServiceStatus> statuses) {
        ServiceStatus s = statuses.get(service);
        return new Node(service, s == null ? "unknown" : s.status().label(), "/ui/services/" + Paths.segment(service));
    }

    private static CheckLine line(CheckSnapshot snap, ServiceStatus service) {
        CheckConfig c = snap.config();
        return new CheckLine(
                Overview.cell(snap, false, service, true),
                c.probe().type(),
                c.probe().target(),
                dev.steward.core.expect.DurationLiteral.format(c.interval()));
    }

    private static EventLine event(CheckEvent e, Instant now) {
        return new EventLine(
                e.at().toString(),
                Texts.ago(e.at(), now),
                e.check().check(),
                e.fromState().toLowerCase(java.util.Locale.ROOT),
                e.toState().toLowerCase(java.util.Locale.ROOT),
                e.reason());
    }

    private void check(Context ctx) {
        StackConfig stack = backend.config();
        String serviceName = ctx.pathParam("service");
        String checkName = ctx.pathParam("check");
        CheckId id = new CheckId(serviceName, checkName);
        CheckSnapshot snap = backend.checks().get(id);
        if (snap == null) {
            throw Console.notFound("no check " + serviceName + "/" + checkName + " in stack " + stack.stack());
        }
        String range = Optional.ofNullable(ctx.queryParam("range"))
                .filter(RANGES::containsKey)
                .orElse(DEFAULT_RANGE);
        Instant now = backend.now();
        Duration span = RANGES.get(range);
        Resolution res = span.compareTo(Duration.ofDays(2)) <= 0 ? Resolution.MINUTE : Resolution.HOUR;
        Instant from = now.minus(span);
        List<Rollup> rollups = backend.rollups(id, res, res.bucketStart(from), now);
        long probes = rollups.stream().mapToLong(Rollup::count).sum();
        long failed = rollups.stream().mapToLong(Rollup::failures).sum();
        List<EventLine> failures = backend.events(id, now.minus(Duration.ofDays(30)), now, 200).stream()
                .filter(e -> e.toState().equalsIgnoreCase(CheckStatus.DOWN.name()))
                .limit(20)
                .map(e -> event(e, now))
                .toList();
        ServiceStatus status = statuses(stack, backend.checks()).get(serviceName);
        views.respond(
                ctx,
                "console/check.jte",
                new CheckView(
                        views.page(ctx, serviceName + "/" + checkName, "overview"),
                        serviceName,
                        "/ui/services/" + Paths.segment(serviceName),
                        line(snap, status),
                        snap.config().expect(),
                        range,
                        List.copyOf(RANGES.keySet()),
                        res.label(),
                        chart(rollups),
                        probes == 0 ? "no data" : Texts.percent(1.0 - (double) failed / probes),
                        failures,
                        snap.last()
                                .filter(r -> r instanceof ProbeResult.Failed)
                                .map(r -> StatusDocument.reason(snap.state())),
                        snap.last()
                                .map(r -> (r.success() ? "passed" : "failed") + " " + Texts.ago(r.at(), now) + " in "
                                        + Texts.millis(r.latency()))
                                .orElse("no result yet")));
    }

    /** uPlot's columns: bucket starts (epoch seconds), uptime %, latency p50/p95/p99 (ms), failures. */
    static String chart(List<Rollup> rollups) {
        int n = rollups.size();
        long[] t = new long[n];
        double[] uptime = new double[n];
        double[] p50 = new double[n];
        double[] p95 = new double[n];
        double[] p99 = new double[n];
        long[] failures = new long[n];
        for (int i = 0; i < n; i++) {
            Rollup r = rollups.get(i);
            t[i] = r.bucketStart().getEpochSecond();
            uptime[i] = Math.round(r.uptime() * 10_000) / 100.0;
            p50[i] = ms(r.p50());
            p95[i] = ms(r.p95());
            p99[i] = ms(r.p99());
            failures[i] = r.failures();
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("t", t);
        doc.put("uptime", uptime);
        doc.put("p50", p50);
        doc.put("p95", p95);
        doc.put("p99", p99);
        doc.put("failures", failures);
        // "<" only occurs inside strings in JSON, where \\u003c means the same: the text cannot close the script
        return JSON.writeValueAsString(doc).replace("<", "\\u003c");
    }

    private static double ms(Duration d) {
        return Math.round(d.toNanos() / 1e4) / 100.0;
    }
}
