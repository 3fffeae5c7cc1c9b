package dev.steward.statuspage;

import dev.steward.api.AccessControl;
import dev.steward.api.ApiException;
import dev.steward.console.Page;
import dev.steward.console.Views;
import dev.steward.core.access.Principal;
import dev.steward.core.statuspage.CommandOutcome;
import dev.steward.core.statuspage.IncidentCommand;
import dev.steward.core.statuspage.IncidentStatus;
import dev.steward.core.statuspage.PublicIncident;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The console's status page section ({@code /ui/status-page}): Steward's drafts and proposals with Publish and
 * Discard buttons (title and message editable before publishing), and the open public incidents with a form to add
 * an update. Forms post back and are redirected to the page (303); a refused command shows the page again with the
 * reason. Changes need an operator and the session's CSRF token, as every change under {@code /ui}.
 */
public final class StatusPageConsole {
    private static final String PATH = "/ui/status-page";
    private final StatusPageRegistry registry;
    private final Views views;
    private final Supplier<String> publishMode;

    public StatusPageConsole(StatusPageRegistry registry, Views views, Supplier<String> publishMode) {
        this.registry = registry;
        this.views = views;
        this.publishMode = publishMode;
    }

    /** The section's model: the frame, the publish mode, what waits for a person and what is public now. */
    public record View(
            Page page, String publish, List<PublicIncident> drafts, List<PublicIncident> open, String error) {
        public List<IncidentStatus> statuses() {
            return List.of(IncidentStatus.values());
        }
    }

    public void mount(JavalinConfig cfg) {
        cfg.routes.get(PATH, ctx -> show(ctx, ""));
        cfg.routes.post(PATH + "/incidents/{id}/publish", ctx -> act(ctx, publish(ctx)));
        cfg.routes.post(
                PATH + "/incidents/{id}/discard", ctx -> act(ctx, Optional.of(new IncidentCommand.Discard(by(ctx)))));
        cfg.routes.post(PATH + "/incidents/{id}/updates", ctx -> act(ctx, update(ctx)));
    }

    private void show(Context ctx, String error) {
        List<PublicIncident> open =
                registry.active().stream().filter(PublicIncident::isPublic).toList();
        views.respond(
                ctx,
                "console/statuspage.jte",
                new View(
                        views.page(ctx, "Status page", "statuspage"),
                        publishMode.get(),
                        registry.drafts(),
                        open,
                        error));
    }

    private void act(Context ctx, Optional<IncidentCommand> command) {
        if (command.isEmpty()) {
            ctx.status(400);
            show(ctx, "an update needs a status and a message");
            return;
        }
        String id = ctx.pathParam("id");
        CommandOutcome outcome = registry.command(id, command.get())
                .orElseThrow(() -> ApiException.notFound("no status page incident " + id));
        switch (outcome) {
            case CommandOutcome.Applied a -> ctx.redirect(PATH, HttpStatus.SEE_OTHER);
            case CommandOutcome.Refused r -> {
                ctx.status(409);
                show(ctx, r.reason());
            }
        }
    }

    private Optional<IncidentCommand> publish(Context ctx) {
        return Optional.of(new IncidentCommand.Publish(by(ctx), field(ctx, "title"), field(ctx, "message")));
    }

    private Optional<IncidentCommand> update(Context ctx) {
        Optional<IncidentStatus> status = field(ctx, "status").flatMap(IncidentStatus::parse);
        Optional<String> message = field(ctx, "message");
        if (status.isEmpty() || message.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IncidentCommand.AddUpdate(by(ctx), status.get(), message.get()));
    }

    private static Optional<String> field(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.length() > IncidentRequest.MAX_MESSAGE ? s.substring(0, IncidentRequest.MAX_MESSAGE) : s);
    }

    /** Who acts: the logged-in user or token; in open mode (no credentials anywhere), "console". */
    private static String by(Context ctx) {
        return AccessControl.principal(ctx)
                .filter(p -> p.kind() != Principal.Kind.OPEN)
                .map(Principal::name)
                .orElse("console");
    }
}
