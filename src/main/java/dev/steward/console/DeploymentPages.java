package dev.steward.console;

import dev.steward.core.config.ServiceConfig;
import dev.steward.core.deploy.AnalysisRun;
import dev.steward.core.deploy.CommandOutcome;
import dev.steward.core.deploy.Deployment;
import dev.steward.core.deploy.DeploymentEvent;
import dev.steward.core.deploy.DeploymentPolicy;
import dev.steward.core.deploy.DeploymentState;
import dev.steward.core.deploy.Environment;
import dev.steward.core.deploy.Measurement;
import dev.steward.core.deploy.Pause;
import dev.steward.core.deploy.PlanStep;
import dev.steward.core.deploy.StateKind;
import dev.steward.core.deploy.Transitions;
import dev.steward.core.deploy.Trigger;
import dev.steward.core.rule.PromDuration;
import dev.steward.engine.Deployments;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The deployment list and a deployment's page: its plan, its state and its whole timeline with the measurements behind
 * each decision, and the operator's commands (promote, pause, resume, abort, roll back, each with an optional reason)
 * sent through the same {@link Deployments#command} as {@code /api/v1/deployments}, whose listener audits them. htmx
 * posts get the deployment's section back; a command the transition table refuses answers 409 with the core's reason
 * in that section. While the deployment is not finished its page asks for that section again every
 * {@value #REFRESH_SECONDS} seconds (an htmx GET of the page's own address), except while a reason is being typed;
 * a section showing a refusal does not refresh, so that the refusal stays readable.
 */
public final class DeploymentPages {
    /** The operator commands in the order their buttons appear. */
    static final List<Trigger> COMMANDS =
            List.of(Trigger.PROMOTE, Trigger.PAUSE, Trigger.RESUME, Trigger.ROLLBACK, Trigger.ABORT);

    /** How often the page of a deployment in flight refreshes its section. */
    static final int REFRESH_SECONDS = 5;

    private static final int LIMIT = 100;
    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC);
    private final ConsoleBackend backend;
    private final Views views;

    DeploymentPages(ConsoleBackend backend, Views views) {
        this.backend = backend;
        this.views = views;
    }

    void mount(JavalinConfig cfg) {
        cfg.routes.get("/ui/deployments", this::list);
        cfg.routes.get("/ui/deployments/{id}", ctx -> {
            ctx.header("Vary", "HX-Request");
            answer(ctx, 200, detail(ctx, found(ctx), Optional.empty()));
        });
        for (Trigger command : COMMANDS) {
            cfg.routes.post("/ui/deployments/{id}/" + command.label(), ctx -> act(ctx, command));
        }
    }

    /** One deployment in the list. */
    public record Row(
            String href,
            String id,
            String service,
            String environment,
            String version,
            String stableVersion,
            String state,
            String step,
            String started,
            String startedAgo,
            String by,
            String lastEvent,
            String lastEventAgo) {}

    /**
     * The list page's model.
     *
     * @param error why a filter was not understood (the list is then not filtered by it)
     * @param truncated whether the list stopped at its limit (older deployments exist beyond it)
     */
    public record ListView(
            Page page,
            String service,
            List<String> services,
            String environment,
            List<String> environments,
            String state,
            List<String> states,
            Optional<String> error,
            List<Row> rows,
            boolean truncated) {}

    /** One step of the plan; {@code current} marks the step the deployment is at. */
    public record StepLine(
            int number,
            String action,
            int weight,
            int replicas,
            String pause,
            String analysis,
            boolean irreversible,
            boolean current) {}

    /** One measurement behind a decision: its name, value and what it was judged against. */
    public record MeasurementLine(String name, String value, String against) {}

    /** One timeline entry; {@code page} when it asked for a human. */
    public record Entry(
            String at,
            String time,
            String ago,
            String actor,
            String trigger,
            boolean command,
            String from,
            String to,
            String reason,
            List<MeasurementLine> measurements,
            boolean page) {}

    /** A command button the deployment's state allows. */
    public record Action(String command, String label, String href, boolean danger) {}

    /**
     * The deployment's section, re-rendered after each command.
     *
     * @param refreshSeconds how often the page reloads this section; 0 once the deployment is finished or while it
     *     shows a refusal
     * @param stateDetail why it is where it is (the state's reason, awaited promotion, next due time)
     * @param analysis the running analysis tally, empty outside analysis and validation
     * @param error the core's reason when it refused the last command
     */
    public record Detail(
            Page page,
            String id,
            String base,
            int refreshSeconds,
            String service,
            String environment,
            String version,
            String stableVersion,
            String state,
            String stateDetail,
            String step,
            String created,
            String createdBy,
            String analysis,
            List<StepLine> plan,
            String validation,
            String traffic,
            String rollbackCapacity,
            List<Entry> timeline,
            List<Action> actions,
            Optional<String> error) {}

    private void list(Context ctx) {
        String service = param(ctx, "service");
        String environment = param(ctx, "environment");
        String stateText = param(ctx, "state");
        List<String> states =
                Arrays.stream(StateKind.values()).map(StateKind::label).toList();
        Optional<StateKind> state = Arrays.stream(StateKind.values())
                .filter(k -> k.label().equals(stateText.toLowerCase(Locale.ROOT)))
                .findFirst();
        Optional<String> error = stateText.isEmpty() || state.isPresent()
                ? Optional.empty()
                : Optional.of("unknown state \"" + stateText + "\"; states are " + String.join(", ", states)
                        + " (showing every state)");
        Instant now = backend.now();
        List<Row> rows = backend
                .deployments()
                .list(
                        Optional.of(service).filter(s -> !s.isEmpty()),
                        Optional.of(environment).filter(s -> !s.isEmpty()),
                        state,
                        LIMIT)
                .stream()
                .map(d -> row(d, now))
                .toList();
        if (error.isPresent()) {
            ctx.status(400);
        }
        views.respond(
                ctx,
                "console/deployments.jte",
                new ListView(
                        views.page(ctx, "Deployments", "deployments"),
                        service,
                        choices(deployable(), service),
                        environment,
                        choices(
                                backend.config().deployments().environments().stream()
                                        .map(Environment::name)
                                        .toList(),
                                environment),
                        state.map(StateKind::label).orElse(""),
                        states,
                        error,
                        rows,
                        rows.size() == LIMIT));
    }

    private static String param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).orElse("").strip();
    }

    /** The services with a {@code deploy} section, in file order. */
    private List<String> deployable() {
        return backend.config().services().values().stream()
                .filter(s -> s.deploy().isPresent())
                .map(ServiceConfig::name)
                .toList();
    }

    /** The names offered in a filter, with the chosen one kept even when the configuration no longer has it. */
    private static List<String> choices(List<String> known, String chosen) {
        if (chosen.isEmpty() || known.contains(chosen)) {
            return known;
        }
        List<String> out = new ArrayList<>(known);
        out.add(chosen);
        return out;
    }

    private static Row row(Deployment d, Instant now) {
        // finished deployments are listed without their timelines (reading each would cost a query per row): their
        // last change is the state they ended in, whose time the state carries
        Instant last = d.timeline().isEmpty()
                ? ended(d.state()).orElse(d.createdAt())
                : d.timeline().getLast().at();
        String lastEvent = d.timeline().isEmpty()
                ? d.kind().label()
                : d.timeline().getLast().trigger().label();
        return new Row(
                href(d),
                d.id(),
                d.service(),
                d.environment(),
                d.version(),
                d.stableVersion(),
                d.kind().label(),
                step(d),
                d.createdAt().toString(),
                Texts.ago(d.createdAt(), now),
                d.createdBy(),
                lastEvent,
                Texts.ago(last, now));
    }

    private static Optional<Instant> ended(DeploymentState s) {
        return switch (s) {
            case DeploymentState.Succeeded x -> Optional.of(x.at());
            case DeploymentState.RolledBack x -> Optional.of(x.at());
            case DeploymentState.Aborted x -> Optional.of(x.at());
            case DeploymentState.Failed x -> Optional.of(x.at());
            default -> Optional.empty();
        };
    }

    static String href(Deployment d) {
        return "/ui/deployments/" + Paths.segment(d.id());
    }

    /** Where the deployment is in its plan: "2/4 · 20 %", "—" before the first step and after the last. */
    static String step(Deployment d) {
        Optional<Integer> current = current(d.state());
        int steps = d.plan().steps().size();
        if (current.isEmpty()) {
            return switch (d.kind()) {
                case VALIDATING, SUCCEEDED -> steps + "/" + steps + " · done";
                default -> "—";
            };
        }
        int i = current.get();
        PlanStep s = d.plan().step(Math.min(i, steps - 1));
        String share = s.replicas() > 0 && s.weight() == 0
                ? s.replicas() + " replica" + (s.replicas() == 1 ? "" : "s")
                : s.weight() + " %";
        return (i + 1) + "/" + steps + " · " + share;
    }

    private static Optional<Integer> current(DeploymentState s) {
        return switch (s) {
            case DeploymentState.Progressing p -> Optional.of(p.step());
            case DeploymentState.Analysing a -> Optional.of(a.step());
            case DeploymentState.Paused p ->
                p.at() == DeploymentState.Resume.CHECKING ? Optional.empty() : Optional.of(p.step());
            case DeploymentState.Frozen f -> Optional.of(f.step());
            default -> Optional.empty();
        };
    }

    private Deployment found(Context ctx) {
        String id = ctx.pathParam("id");
        return backend.deployments().get(id).orElseThrow(() -> Console.notFound("no deployment " + id));
    }

    private void show(Context ctx, Detail d) {
        views.respond(ctx, "console/deployment.jte", d);
    }

    private void act(Context ctx, Trigger command) {
        String id = ctx.pathParam("id");
        String reason = Forms.field(ctx, "reason");
        CommandOutcome outcome = backend.deployments()
                .command(id, command, Forms.actor(ctx), reason)
                .orElseThrow(() -> Console.notFound("no deployment " + id));
        switch (outcome) {
            case CommandOutcome.Applied a -> done(ctx, a.step().deployment());
            case CommandOutcome.Rejected r -> answer(ctx, 409, detail(ctx, found(ctx), Optional.of(r.reason())));
        }
    }

    /** After a change: htmx gets the new section, a plain form is sent back to the deployment's page. */
    private void done(Context ctx, Deployment d) {
        if (Forms.htmx(ctx)) {
            answer(ctx, 200, detail(ctx, d, Optional.empty()));
        } else {
            ctx.redirect(href(d), HttpStatus.SEE_OTHER);
        }
    }

    private void answer(Context ctx, int status, Detail d) {
        ctx.status(status);
        if (Forms.htmx(ctx)) {
            ctx.header("Cache-Control", "no-store");
            ctx.html(views.render("console/deploymentdetail.jte", d));
        } else {
            show(ctx, d);
        }
    }

    private Detail detail(Context ctx, Deployment d, Optional<String> error) {
        Instant now = backend.now();
        Optional<Integer> current = current(d.state());
        List<StepLine> plan = new ArrayList<>();
        for (int i = 0; i < d.plan().steps().size(); i++) {
            PlanStep s = d.plan().step(i);
            plan.add(new StepLine(
                    i + 1,
                    s.action().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    s.weight(),
                    s.replicas(),
                    pause(s.pause()),
                    s.analysis().name(),
                    s.irreversible(),
                    current.isPresent() && current.get() == i));
        }
        String base = href(d);
        return new Detail(
                views.page(ctx, d.service() + " " + d.version() + " to " + d.environment(), "deployments"),
                d.id(),
                base,
                d.kind().terminal() || error.isPresent() ? 0 : REFRESH_SECONDS,
                d.service(),
                d.environment(),
                d.version(),
                d.stableVersion(),
                d.kind().label(),
                stateDetail(d, now),
                step(d),
                utc(d.createdAt()) + " (" + Texts.ago(d.createdAt(), now) + ")",
                d.createdBy(),
                analysis(d.state()),
                plan,
                validation(d),
                d.plan().traffic(),
                d.plan()
                        .rollbackCapacity()
                        .map(g -> "waits for " + g.needed() + " ready instance(s) of " + d.stableVersion() + ": "
                                + g.queryFor(d))
                        .orElse("not checked (no gates.rollback)"),
                d.timeline().stream().map(e -> entry(e, now)).toList(),
                actions(d, base),
                error);
    }

    /** The buttons: the commands the transition table allows in this state (the core still decides). */
    private static List<Action> actions(Deployment d, String base) {
        Set<Trigger> legal = Transitions.commandsIn(d.kind());
        List<Action> out = new ArrayList<>();
        for (Trigger c : COMMANDS) {
            if (!legal.contains(c)) {
                continue;
            }
            // a succeeded deployment rolls back only while the previous version is still kept
            if (c == Trigger.ROLLBACK
                    && d.state() instanceof DeploymentState.Succeeded s
                    && s.cleanupAt().isEmpty()) {
                continue;
            }
            String label = switch (c) {
                case PROMOTE -> "Promote";
                case PAUSE -> "Pause";
                case RESUME -> "Resume";
                case ROLLBACK -> "Roll back to " + d.stableVersion();
                default -> "Abort";
            };
            out.add(new Action(c.label(), label, base + "/" + c.label(), c == Trigger.ROLLBACK || c == Trigger.ABORT));
        }
        return out;
    }

    static String stateDetail(Deployment d, Instant now) {
        List<String> parts = new ArrayList<>();
        switch (d.state()) {
            case DeploymentState.Scheduled s -> parts.add("starts " + utc(s.at()));
            case DeploymentState.Checking c ->
                parts.add(c.blockedBy()
                        .map(b -> "waiting for the before-gates: " + b)
                        .orElse("checking the before-gates"));
            case DeploymentState.Progressing p ->
                parts.add(
                        p.issuedAt().isPresent()
                                ? "step " + (p.step() + 1) + " issued "
                                        + Texts.ago(p.issuedAt().get(), now)
                                        + (p.attempt() > 1 ? " (attempt " + p.attempt() + ")" : "")
                                : "step " + (p.step() + 1) + " to be issued");
            case DeploymentState.Analysing a ->
                parts.add("analysing step " + (a.step() + 1)
                        + a.pauseUntil().map(u -> ", holds until " + utc(u)).orElse(""));
            // an operator's pause says who in its reason ("pause by olga: ..."); Steward's does not
            case DeploymentState.Paused p ->
                parts.add((p.by().equals(Deployment.STEWARD) ? "paused by Steward: " : "paused: ") + p.reason());
            case DeploymentState.Validating v -> parts.add("validating until " + utc(v.until()));
            case DeploymentState.Succeeded s ->
                parts.add("succeeded " + Texts.ago(s.at(), now)
                        + s.cleanupAt()
                                .map(c -> "; " + d.stableVersion() + " is kept until " + utc(c))
                                .orElse(""));
            case DeploymentState.RollingBack r -> parts.add("rolling back: " + r.reason());
            case DeploymentState.RolledBack r -> parts.add("rolled back " + Texts.ago(r.at(), now) + ": " + r.reason());
            case DeploymentState.Frozen f -> parts.add("frozen: " + f.reason());
            case DeploymentState.Aborted a -> parts.add("aborted " + Texts.ago(a.at(), now) + ": " + a.reason());
            case DeploymentState.Failed f -> parts.add("failed " + Texts.ago(f.at(), now) + ": " + f.reason());
        }
        if (DeploymentPolicy.awaitingPromotion(d)) {
            parts.add("awaiting an operator's promotion");
        }
        if (!d.kind().terminal()) {
            DeploymentPolicy.nextDueAt(d, now).ifPresent(t -> parts.add("next evaluation " + utc(t)));
        }
        return String.join(" · ", parts);
    }

    /** {@code t} to the second, in UTC: deployments move in seconds (pauses of 30 s, measurements every 10 s). */
    static String utc(Instant t) {
        return TIME.format(t) + " UTC";
    }

    private static String analysis(DeploymentState s) {
        AnalysisRun run = switch (s) {
            case DeploymentState.Analysing a -> a.run();
            case DeploymentState.Validating v -> v.run();
            default -> null;
        };
        if (run == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        parts.add(run.measurements() + " measurement" + (run.measurements() == 1 ? "" : "s") + ", " + run.withData()
                + " with data");
        count(parts, run.failures(), "failed");
        count(parts, run.inconclusive(), "inconclusive");
        count(parts, run.insufficient(), "without enough data");
        count(parts, run.errorsInARow(), "query errors in a row");
        return String.join(" · ", parts);
    }

    private static void count(List<String> parts, int n, String what) {
        if (n > 0) {
            parts.add(n + " " + what);
        }
    }

    private static String validation(Deployment d) {
        Duration v = d.plan().validation();
        return (v.isZero() ? "none" : PromDuration.format(v))
                + (v.isZero()
                        ? ""
                        : ", analysis " + d.plan().validationAnalysis().name());
    }

    private static String pause(Pause p) {
        return switch (p) {
            case Pause.For f -> f.duration().isZero() ? "none" : PromDuration.format(f.duration());
            case Pause.UntilPromoted u -> "until promoted";
        };
    }

    private static Entry entry(DeploymentEvent e, Instant now) {
        return new Entry(
                e.at().toString(),
                TIME.format(e.at()),
                Texts.ago(e.at(), now),
                e.actor(),
                e.trigger().label(),
                e.trigger().command(),
                e.from().label(),
                e.to().label(),
                e.reason(),
                e.measurements().stream().map(DeploymentPages::measurement).toList(),
                e.page());
    }

    private static MeasurementLine measurement(Measurement m) {
        return new MeasurementLine(m.name(), value(m.value()), m.against());
    }

    /** A measured value as written in the stack file's conditions: "0.214", "12", "NaN". */
    static String value(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
