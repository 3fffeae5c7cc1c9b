package dev.steward.console;

import dev.steward.api.StatusDocument;
import dev.steward.core.check.CheckState;
import dev.steward.core.check.CheckStatus;
import dev.steward.core.check.ProbeResult;
import dev.steward.core.config.CheckConfig;
import dev.steward.core.config.CheckId;
import dev.steward.core.config.ServiceConfig;
import dev.steward.core.config.StackConfig;
import dev.steward.core.incident.Incident;
import dev.steward.core.incident.IncidentState;
import dev.steward.core.status.ServiceStatus;
import dev.steward.core.status.StatusPolicy;
import dev.steward.engine.CheckSnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The overview page's content: the system status panel, the performance panel and the component health matrix
 * (services × checks). Built by a pure function from what the daemon knows at one instant, so the page and the live
 * updates show the same thing.
 */
public record Overview(Summary summary, Performance performance, List<ServiceRow> rows) {

    /** The system status panel. */
    public record Summary(
            String status,
            String reason,
            String uptime,
            int openIncidents,
            List<IncidentLine> incidents,
            String lastDeployment,
            String lastDeploymentHref,
            int checks,
            int failing) {}

    /** One open incident, as the panel lists it. */
    public record IncidentLine(String id, String title, String state, String since) {}

    /**
     * The performance panel: the services' own figures from the {@code console.performance} queries (empty text when
     * not configured), and from the latest probe of every check: latency percentiles, probes per minute and the share
     * of failing probes.
     */
    public record Performance(
            String serviceLatency,
            String requestsPerSecond,
            String requestErrors,
            String latencyP50,
            String latencyP95,
            String probesPerMinute,
            String errorRate) {
        public boolean hasServiceFigures() {
            return !serviceLatency.isEmpty() || !requestsPerSecond.isEmpty() || !requestErrors.isEmpty();
        }
    }

    /** The values of the {@code console.performance} queries, where configured and answered. */
    public record ServiceFigures(OptionalDouble latencySeconds, OptionalDouble perSecond, OptionalDouble errorShare) {
        public static final ServiceFigures NONE =
                new ServiceFigures(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    }

    /** One service's row of the matrix. */
    public record ServiceRow(
            String name, String href, String status, String reason, String resources, List<Cell> cells) {
        /** The row's head (name, status, reason, resources), which live updates replace on its own. */
        public Head head() {
            return new Head(
                    "s-"
                            + Base64.getUrlEncoder()
                                    .withoutPadding()
                                    .encodeToString(name.getBytes(StandardCharsets.UTF_8)),
                    name,
                    href,
                    status,
                    reason,
                    resources);
        }
    }

    /** A service row's head. */
    public record Head(String domId, String name, String href, String status, String reason, String resources) {}

    /**
     * One check's cell.
     *
     * @param domId a stable element id derived from the check's identity (live updates replace the cell by it)
     */
    public record Cell(
            String domId, String name, String status, String reason, String latency, String href, String label) {}

    /** CPU and memory of a service, where its metrics are scraped. */
    public record Resources(OptionalDouble cpuCores, OptionalDouble memoryBytes) {
        public static final Resources NONE = new Resources(OptionalDouble.empty(), OptionalDouble.empty());
    }

    public static Overview build(
            StackConfig stack,
            Map<CheckId, CheckSnapshot> checks,
            Function<String, Optional<String>> maintenance,
            List<Incident> open,
            OptionalDouble uptime30d,
            Map<String, Resources> resources,
            ServiceFigures figures,
            Instant now) {
        Map<CheckId, CheckState> states = new LinkedHashMap<>();
        checks.forEach((id, s) -> states.put(id, s.state()));
        boolean suspect = StatusPolicy.suspectConnectivity(states);
        Map<String, ServiceStatus> services = StatusPolicy.services(stack, states, maintenance);
        List<ServiceRow> rows = new ArrayList<>();
        CheckStatus overall = CheckStatus.UP;
        int failing = 0;
        for (ServiceConfig service : stack.services().values()) {
            ServiceStatus status = services.get(service.name());
            overall = CheckStatus.worst(overall, status.status());
            List<Cell> cells = new ArrayList<>();
            for (CheckConfig c : service.checks()) {
                CheckSnapshot snap = checks.get(c.id());
                if (snap == null) {
                    continue;
                }
                Cell cell = cell(snap, suspect, status, false);
                if (cell.status().equals("down") || cell.status().equals("degraded")) {
                    failing++;
                }
                cells.add(cell);
            }
            rows.add(new ServiceRow(
                    service.name(),
                    "/ui/services/" + Paths.segment(service.name()),
                    status.status().label(),
                    status.reason(),
                    resources(resources.getOrDefault(service.name(), Resources.NONE)),
                    cells));
        }
        List<IncidentLine> incidents = open.stream()
                .limit(5)
                .map(i -> new IncidentLine(
                        i.id(), i.title(), IncidentState.nameOf(i.state()), Texts.ago(i.openedAt(), now)))
                .toList();
        Summary summary = new Summary(
                stack.services().isEmpty() ? "unknown" : overall.label(),
                suspect ? StatusPolicy.SUSPECT_REASON : reason(services),
                uptime30d.isPresent() ? Texts.percent(uptime30d.getAsDouble()) : "no data yet",
                open.size(),
                incidents,
                "none yet",
                "",
                checks.size(),
                failing);
        return new Overview(summary, performance(checks.values(), figures), rows);
    }

    /**
     * The cell of one check. The matrix leaves the latency out ({@code withLatency} false): it changes with every probe,
     * so live updates would re-send every cell every interval; the cell changes only with the check's state or reason.
     */
    static Cell cell(CheckSnapshot snap, boolean suspect, ServiceStatus service, boolean withLatency) {
        CheckConfig c = snap.config();
        String status = StatusPolicy.checkStatus(snap.state(), suspect).label();
        String reason = suspect ? StatusPolicy.SUSPECT_REASON : StatusDocument.reason(snap.state());
        if (service.status() == CheckStatus.MAINTENANCE) {
            status = CheckStatus.MAINTENANCE.label();
            reason = service.reason();
        }
        String latency =
                withLatency ? snap.last().map(r -> Texts.millis(r.latency())).orElse("") : "";
        return new Cell(
                domId(c.id()),
                c.name(),
                status,
                reason,
                latency,
                "/ui/checks/" + Paths.segment(c.id().service()) + "/" + Paths.segment(c.name()),
                c.id().service() + "/" + c.name() + ": " + status + (reason.isEmpty() ? "" : ", " + reason));
    }

    /** This overview with the system panel's "last deployment" set to {@code text}, linking to {@code href}. */
    public Overview withLastDeployment(String text, String href) {
        Summary s = summary;
        return new Overview(
                new Summary(
                        s.status(),
                        s.reason(),
                        s.uptime(),
                        s.openIncidents(),
                        s.incidents(),
                        text,
                        href,
                        s.checks(),
                        s.failing()),
                performance,
                rows);
    }

    /** How the system panel names a deployment: "checkout 1.1.0 to production: succeeded 5m ago". */
    public static String deployment(dev.steward.core.deploy.Deployment d, Instant now) {
        Instant at =
                d.timeline().isEmpty() ? d.createdAt() : d.timeline().getLast().at();
        return d.service() + " " + d.version() + " to " + d.environment() + ": "
                + d.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + Texts.ago(at, now);
    }

    /** An element id for {@code id} made of letters, digits, '-' and '_' only. */
    public static String domId(CheckId id) {
        byte[] bytes = (id.service() + "\u0000" + id.check()).getBytes(StandardCharsets.UTF_8);
        return "c-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String reason(Map<String, ServiceStatus> services) {
        List<String> bad = services.values().stream()
                .filter(s -> s.status() != CheckStatus.UP)
                .map(s -> s.service() + " " + s.status().label())
                .toList();
        return bad.isEmpty() ? "all services up" : String.join(", ", bad);
    }

    private static String resources(Resources r) {
        List<String> parts = new ArrayList<>();
        r.cpuCores().ifPresent(c -> parts.add(String.format(Locale.ROOT, "CPU %.0f%%", c * 100)));
        r.memoryBytes().ifPresent(m -> parts.add("mem " + Texts.bytes(m)));
        return String.join(" · ", parts);
    }

    static Performance performance(java.util.Collection<CheckSnapshot> checks, ServiceFigures figures) {
        double[] latencies = new double[checks.size()];
        int withResult = 0;
        long failed = 0;
        double perMinute = 0;
        for (CheckSnapshot s : checks) {
            perMinute += 60_000.0 / Math.max(1, s.config().interval().toMillis());
            if (s.last().isPresent()) {
                ProbeResult r = s.last().get();
                latencies[withResult++] = r.latency().toNanos() / 1e6;
                if (r instanceof ProbeResult.Failed) {
                    failed++;
                }
            }
        }
        latencies = java.util.Arrays.copyOf(latencies, withResult);
        java.util.Arrays.sort(latencies);
        return new Performance(
                figures.latencySeconds().isPresent()
                        ? Texts.millis(figures.latencySeconds().getAsDouble() * 1000)
                        : "",
                figures.perSecond().isPresent()
                        ? String.format(Locale.ROOT, "%.1f", figures.perSecond().getAsDouble())
                        : "",
                figures.errorShare().isPresent()
                        ? Texts.percent(figures.errorShare().getAsDouble())
                        : "",
                latencies.length == 0 ? "—" : Texts.millis(quantile(latencies, 0.5)),
                latencies.length == 0 ? "—" : Texts.millis(quantile(latencies, 0.95)),
                String.format(Locale.ROOT, "%.0f", perMinute),
                withResult == 0 ? "—" : Texts.percent((double) failed / withResult));
    }

    /** The nearest-rank quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
