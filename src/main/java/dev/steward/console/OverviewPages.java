package dev.steward.console;

import dev.steward.promapi.QueryResult;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/** The overview page and its live stream. */
public final class OverviewPages {
    private static final Duration UPTIME_WINDOW = Duration.ofDays(30);
    private static final Duration UPTIME_REFRESH = Duration.ofMinutes(1);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);

    private final ConsoleBackend backend;
    private final Views views;
    private final LiveUpdates live;
    private final RenderTimings timings;
    private volatile OptionalDouble uptime = OptionalDouble.empty();
    private volatile java.time.Instant uptimeAt = java.time.Instant.MIN;

    OverviewPages(ConsoleBackend backend, Views views, RenderTimings timings) {
        this.backend = backend;
        this.views = views;
        this.timings = timings;
        this.live = new LiveUpdates(() -> build(backend), views);
    }

    LiveUpdates live() {
        return live;
    }

    void mount(JavalinConfig cfg) {
        cfg.routes.get("/ui", this::overview);
        cfg.routes.sse("/ui/events", client -> {
            long since = parse(client.ctx().queryParam("since"));
            live.connect(client, since);
        });
    }

    private static long parse(String since) {
        try {
            return since == null ? 0 : Long.parseLong(since);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The overview page, with its server time (model and rendering) in a {@code Server-Timing} header. */
    private void overview(Context ctx) {
        long start = timings.start();
        Matrix matrix = matrix();
        String html = views.render(
                "console/overview.jte",
                new OverviewView(
                        views.page(ctx, "Overview", "overview"),
                        matrix.overview(),
                        matrix.generation(),
                        matrix.html()));
        ctx.header("Server-Timing", timings.finish(start));
        views.respondHtml(ctx, html);
    }

    /**
     * The overview's matrix as HTML: while the live stream runs, the last published overview, rendered once per
     * generation and shared by every page load; before the first publish, built and rendered for this request.
     */
    private Matrix matrix() {
        var snap = live.snapshot();
        if (snap.isEmpty()) {
            long generation = live.generation();
            Overview model = build(backend);
            return new Matrix(model, generation, views.render("console/matrix.jte", model));
        }
        Matrix cached = matrix;
        if (cached != null && cached.overview() == snap.get().overview()) {
            return cached;
        }
        synchronized (this) {
            cached = matrix;
            if (cached == null || cached.overview() != snap.get().overview()) {
                Overview model = snap.get().overview();
                cached = new Matrix(model, snap.get().generation(), views.render("console/matrix.jte", model));
                matrix = cached;
            }
            return cached;
        }
    }

    private record Matrix(Overview overview, long generation, String html) {}

    private volatile Matrix matrix;

    /** The overview as of now (also what {@link LiveUpdates} publishes). */
    Overview build(ConsoleBackend b) {
        java.time.Instant now = b.now();
        if (!now.isBefore(uptimeAt.plus(UPTIME_REFRESH)) || now.isBefore(uptimeAt)) {
            uptime = b.uptime(UPTIME_WINDOW);
            uptimeAt = now;
        }
        Overview built = Overview.build(
                b.config(),
                b.checks(),
                b::maintenance,
                b.incidents().list("open", java.util.Optional.empty(), 100),
                uptime,
                resources(b),
                figures(b),
                now);
        return b
                .deployments()
                .list(java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), 1)
                .stream()
                .findFirst()
                .map(d -> built.withLastDeployment(Overview.deployment(d, now), DeploymentPages.href(d)))
                .orElse(built);
    }

    /** The {@code console.performance} queries' values (a query that fails or returns nothing shows nothing). */
    private static Overview.ServiceFigures figures(ConsoleBackend b) {
        var c = b.config().console();
        return new Overview.ServiceFigures(
                c.latency().map(q -> value(b, q)).orElse(OptionalDouble.empty()),
                c.throughput().map(q -> value(b, q)).orElse(OptionalDouble.empty()),
                c.errorRate().map(q -> value(b, q)).orElse(OptionalDouble.empty()));
    }

    private static OptionalDouble value(ConsoleBackend b, String query) {
        if (b.queries().instant(query, b.now(), QUERY_TIMEOUT) instanceof QueryResult.Success ok) {
            double v = switch (ok.value()) {
                case QueryResult.Scalar s -> s.point().v();
                case QueryResult.Vector vec
                when !vec.samples().isEmpty() ->
                    vec.samples().getFirst().point().v();
                default -> Double.NaN;
            };
            return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
        }
        return OptionalDouble.empty();
    }

    /** CPU (cores) and resident memory per service, where the service's metrics are scraped. */
    private static Map<String, Overview.Resources> resources(ConsoleBackend b) {
        Map<String, Double> cpu = byService(b, "sum by (service) (rate(process_cpu_seconds_total[1m]))");
        Map<String, Double> mem = byService(b, "sum by (service) (process_resident_memory_bytes)");
        Map<String, Overview.Resources> out = new HashMap<>();
        for (String service : b.config().services().keySet()) {
            Double c = cpu.get(service);
            Double m = mem.get(service);
            if (c != null || m != null) {
                out.put(
                        service,
                        new Overview.Resources(
                                c == null ? OptionalDouble.empty() : OptionalDouble.of(c),
                                m == null ? OptionalDouble.empty() : OptionalDouble.of(m)));
            }
        }
        return out;
    }

    private static Map<String, Double> byService(ConsoleBackend b, String query) {
        Map<String, Double> out = new HashMap<>();
        if (b.config().services().values().stream().allMatch(s -> s.metrics().isEmpty())) {
            return out;
        }
        if (b.queries().instant(query, b.now(), QUERY_TIMEOUT) instanceof QueryResult.Success ok
                && ok.value() instanceof QueryResult.Vector v) {
            for (QueryResult.Sample s : v.samples()) {
                String service = s.metric().get("service");
                if (service != null && !service.isEmpty()) {
                    out.put(service, s.point().v());
                }
            }
        }
        return out;
    }

    /** The overview page's model. */
    /** @param matrix the component health matrix, rendered by {@code console/matrix.jte} */
    public record OverviewView(Page page, Overview overview, long generation, String matrix) {}
}
