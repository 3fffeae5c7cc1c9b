package dev.steward.console;

import dev.steward.api.AccessControl;
import dev.steward.api.ApiException;
import dev.steward.core.exposition.MetricFamily;
import dev.steward.core.exposition.MetricType;
import dev.steward.core.series.Labels;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Mounts the console: the login page, the overview with its live stream, the service and check pages, incidents, alerts, silences, maintenance, explore,
 * audit and deployments, and whatever
 * further page groups the composition root adds ({@link #add}). Assets: {@code /webjars/...} (htmx, its SSE extension,
 * uPlot) and {@code /assets/...} (Steward's own CSS and script), both public and cacheable.
 */
public final class Console {
    private final Views views;
    private final AccessControl access;
    private final OverviewPages overview;
    private final CheckPages checks;
    private final IncidentPages incidents;
    private final AlertPages alerts;
    private final SilencePages silences;
    private final MaintenancePages maintenance;
    private final ExplorePages explore;
    private final AuditPages audit;
    private final DeploymentPages deployments;
    private final List<Consumer<JavalinConfig>> more = new java.util.ArrayList<>();

    private final RenderTimings timings;

    public Console(ConsoleBackend backend, AccessControl access, Views views) {
        this(backend, access, views, System::nanoTime);
    }

    /** @param ticker nanoseconds of a monotonic clock, for the overview's server time */
    public Console(ConsoleBackend backend, AccessControl access, Views views, LongSupplier ticker) {
        this.views = views;
        this.access = access;
        this.timings = new RenderTimings(ticker);
        this.overview = new OverviewPages(backend, views, timings);
        this.checks = new CheckPages(backend, views);
        this.incidents = new IncidentPages(backend, views);
        this.alerts = new AlertPages(backend, views);
        this.silences = new SilencePages(backend, views);
        this.maintenance = new MaintenancePages(backend, views);
        this.explore = new ExplorePages(backend, views);
        this.audit = new AuditPages(backend, views);
        this.deployments = new DeploymentPages(backend, views);
    }

    /** The live stream of the overview; the composition root calls {@link LiveUpdates#publish} on a timer. */
    public LiveUpdates live() {
        return overview.live();
    }

    /** The console's own metrics: the overview's server time, open live streams and updates sent. */
    public List<MetricFamily> metrics() {
        List<MetricFamily> out = new java.util.ArrayList<>(timings.families());
        out.add(MetricFamily.single(
                "steward_console_viewers",
                MetricType.GAUGE,
                "Consoles streaming live updates now.",
                Labels.of(),
                live().viewers()));
        out.add(MetricFamily.single(
                "steward_console_updates_total",
                MetricType.COUNTER,
                "Live updates sent since start (each to every open console).",
                Labels.of(),
                live().published()));
        return out;
    }

    /** Adds a group of console routes (incidents, silences, ...) mounted with the rest. */
    public Console add(Consumer<JavalinConfig> pages) {
        more.add(pages);
        return this;
    }

    public void mount(JavalinConfig cfg) {
        cfg.staticFiles.enableWebjars();
        cfg.staticFiles.add(s -> {
            s.hostedPath = "/assets";
            s.directory = "/console";
            s.location = Location.CLASSPATH;
            s.headers = java.util.Map.of("Cache-Control", "max-age=300");
        });
        cfg.routes.get("/", ctx -> ctx.redirect("/ui", HttpStatus.FOUND));
        cfg.routes.get("/login", this::loginPage);
        cfg.routes.post("/login", this::login);
        cfg.routes.post("/logout", this::logout);
        overview.mount(cfg);
        checks.mount(cfg);
        incidents.mount(cfg);
        alerts.mount(cfg);
        silences.mount(cfg);
        maintenance.mount(cfg);
        explore.mount(cfg);
        audit.mount(cfg);
        deployments.mount(cfg);
        more.forEach(m -> m.accept(cfg));
    }

    /** The login form; with open access control (nobody to log in as) it says so and links to the console. */
    private void loginPage(Context ctx) {
        String next =
                Optional.ofNullable(ctx.queryParam("next")).filter(Paths::local).orElse("/ui");
        views.respond(
                ctx,
                "console/login.jte",
                new LoginView(views.page(ctx, "Log in", ""), next, "", "", !access.enforced()));
    }

    private void login(Context ctx) {
        String next =
                Optional.ofNullable(ctx.formParam("next")).filter(Paths::local).orElse("/ui");
        String user = Optional.ofNullable(ctx.formParam("user")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        if (user.isEmpty() || password.isEmpty()) {
            refuse(ctx, next, user, "enter your user name and password", 400);
            return;
        }
        switch (access.login(user, password, ctx.ip())) {
            case AccessControl.LoginOutcome.LoggedIn in -> {
                ctx.cookie(access.sessionCookie(ctx, in.login()));
                ctx.redirect(next, HttpStatus.SEE_OTHER);
            }
            case AccessControl.LoginOutcome.Refused r -> refuse(ctx, next, user, r.reason(), 401);
            case AccessControl.LoginOutcome.Throttled t -> {
                ctx.header("Retry-After", Long.toString(t.retryAfterSeconds()));
                refuse(ctx, next, user, "too many failed logins; try again in " + t.retryAfterSeconds() + "s", 429);
            }
        }
    }

    private void refuse(Context ctx, String next, String user, String error, int status) {
        ctx.status(status);
        views.respond(ctx, "console/login.jte", new LoginView(views.page(ctx, "Log in", ""), next, user, error, false));
    }

    private void logout(Context ctx) {
        ctx.cookie(access.logout(ctx));
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    /** The login page's content. */
    public record LoginView(Page page, String next, String user, String error, boolean open) {}

    static ApiException notFound(String what) {
        return ApiException.notFound(what);
    }
}
