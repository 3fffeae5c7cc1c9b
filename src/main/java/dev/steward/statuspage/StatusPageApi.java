package dev.steward.statuspage;

import dev.steward.api.AccessControl;
import dev.steward.api.ApiException;
import dev.steward.core.access.Principal;
import dev.steward.core.statuspage.CommandOutcome;
import dev.steward.core.statuspage.IncidentCommand;
import dev.steward.core.statuspage.PublicIncident;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The status page's routes. Anonymous (see {@code AccessPolicy}): {@code GET /status}, {@code /status/feed.json},
 * {@code /status/feed.atom}, {@code /api/v1/status-page}. Operators: create a public incident, publish or discard a
 * draft or proposal, add an update; viewers list the drafts. Errors are rendered here in the API's shape.
 */
public final class StatusPageApi {
    static final String JSON_TYPE = "application/json; charset=utf-8";
    static final Duration FEED_HISTORY = Duration.ofDays(90);
    private final StatusPageSource source;
    private final StatusPageRegistry registry;
    private final Supplier<String> baseUrl;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final JsonMapper json = JsonMapper.builder().build();
    private final UptimeBars bars = new UptimeBars();

    /** @param baseUrl the daemon's public address (for the feeds' absolute links), without a trailing slash */
    public StatusPageApi(StatusPageSource source, StatusPageRegistry registry, Supplier<String> baseUrl) {
        this.source = source;
        this.registry = registry;
        this.baseUrl = baseUrl;
    }

    public void mount(JavalinConfig cfg) {
        cfg.routes.get("/status", this::page);
        cfg.routes.get(
                "/status/feed.json",
                ctx -> ctx.contentType("application/feed+json; charset=utf-8").result(Feeds.jsonFeed(feed())));
        cfg.routes.get(
                "/status/feed.atom",
                ctx -> ctx.contentType("application/atom+xml; charset=utf-8").result(Feeds.atom(feed())));
        cfg.routes.get(
                "/api/v1/status-page",
                ctx -> send(ctx, 200, PageJson.render(PageModels.build(source, registry, bars))));
        cfg.routes.get("/api/v1/status-page/drafts", ctx -> send(ctx, 200, drafts()));
        cfg.routes.post("/api/v1/status-page/incidents", this::create); // ApiException: ApiServer answers it
        cfg.routes.post(
                "/api/v1/status-page/incidents/{id}/publish", ctx -> act(ctx, IncidentRequest.publish(body(ctx))));
        cfg.routes.post(
                "/api/v1/status-page/incidents/{id}/updates", ctx -> act(ctx, IncidentRequest.update(body(ctx))));
        cfg.routes.post(
                "/api/v1/status-page/incidents/{id}/discard", ctx -> act(ctx, IncidentRequest.discard(body(ctx))));
    }

    private void page(Context ctx) {
        StringOutput out = new StringOutput();
        templates.render("status/page.jte", PageModels.build(source, registry, bars), out);
        ctx.header("Cache-Control", "no-cache")
                .contentType("text/html; charset=utf-8")
                .result(out.toString());
    }

    private Feeds.Feed feed() {
        var now = source.now();
        List<PublicIncident> incidents = new ArrayList<>();
        registry.active().stream().filter(PublicIncident::isPublic).forEach(incidents::add);
        incidents.addAll(registry.resolvedSince(now.minus(FEED_HISTORY)));
        incidents.sort((a, b) -> b.lastChange().compareTo(a.lastChange()));
        var config = source.config();
        return new Feeds.Feed(config.statusPage().title(), baseUrl.get(), config.stack(), now, incidents);
    }

    private Map<String, Object> drafts() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("publish", source.config().statusPage().publish().label());
        doc.put(
                "drafts",
                registry.drafts().stream().map(IncidentJson::operatorForm).toList());
        doc.put(
                "open",
                registry.active().stream()
                        .filter(PublicIncident::isPublic)
                        .map(IncidentJson::operatorForm)
                        .toList());
        return doc;
    }

    private void create(Context ctx) {
        IncidentRequest.Create c =
                IncidentRequest.create(body(ctx), source.config().statusPage());
        PublicIncident created =
                registry.create(c.title(), c.impact(), c.components(), c.status(), c.message(), c.by());
        ctx.header("Location", "/api/v1/status-page/incidents/" + created.id());
        send(ctx, 201, IncidentJson.operatorForm(created));
    }

    private void act(Context ctx, IncidentCommand command) {
        String id = ctx.pathParam("id");
        CommandOutcome outcome =
                registry.command(id, command).orElseThrow(() -> ApiException.notFound("no status page incident " + id));
        switch (outcome) {
            case CommandOutcome.Applied a -> send(ctx, 200, IncidentJson.operatorForm(a.incident()));
            case CommandOutcome.Refused r -> throw new ApiException(409, r.reason(), List.of());
        }
    }

    /** The JSON body with {@code by} filled in from the authenticated user or token when it is absent. */
    private JsonNode body(Context ctx) {
        String text = ctx.body();
        JsonNode node;
        try {
            node = text.isBlank() ? json.createObjectNode() : json.readTree(text);
        } catch (JacksonException e) {
            node = null;
        }
        if (!(node instanceof tools.jackson.databind.node.ObjectNode object)) {
            throw new ApiException(
                    400,
                    "bad body",
                    List.of(new ApiException.FieldError(
                            "body", text.length() > 80 ? text.substring(0, 80) + "…" : text, "a JSON object")));
        }
        if (object.path("by").asString("").isBlank()) {
            AccessControl.principal(ctx)
                    .filter(p -> p.kind() != Principal.Kind.OPEN)
                    .ifPresent(p -> object.put("by", p.name()));
        }
        return object;
    }

    private void send(Context ctx, int status, Object doc) {
        ctx.status(status).contentType(JSON_TYPE).result(json.writeValueAsString(doc));
    }
}
