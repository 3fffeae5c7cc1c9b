package dev.steward.console;

import dev.steward.amapi.AlertSource;
import dev.steward.amapi.PostedAlert;
import dev.steward.core.silence.SilenceMatcher;
import dev.steward.core.silence.Silences;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The alerts routing holds, as {@code GET /api/v2/alerts} shows them: firing or suppressed (by a silence or an
 * inhibiting alert), with their receivers, and a link to silence each one.
 */
public final class AlertPages {
    private final ConsoleBackend backend;
    private final Views views;

    AlertPages(ConsoleBackend backend, Views views) {
        this.backend = backend;
        this.views = views;
    }

    void mount(JavalinConfig cfg) {
        cfg.routes.get("/ui/alerts", this::list);
    }

    /** One alert. */
    public record Row(
            String state,
            String name,
            Map<String, String> labels,
            String summary,
            String since,
            String startsAt,
            List<String> receivers,
            List<String> silencedBy,
            List<String> inhibitedBy,
            String silenceHref) {}

    /** The page's model. */
    public record View(Page page, List<Row> alerts, long firing, long suppressed) {}

    private void list(Context ctx) {
        Instant now = backend.now();
        Silences silences = backend.silences().current();
        List<Row> rows = new ArrayList<>();
        for (AlertSource.HeldAlert h : backend.alerts().alerts()) {
            PostedAlert a = h.alert();
            if (a.endsAt().isBefore(now)) {
                continue;
            }
            List<String> silencedBy = silences.silenced(a.labels(), now);
            boolean suppressed = !silencedBy.isEmpty() || !h.inhibitedBy().isEmpty();
            Map<String, String> labels = a.labels().toMap();
            rows.add(new Row(
                    suppressed ? "suppressed" : "firing",
                    labels.getOrDefault("alertname", ""),
                    labels,
                    a.annotations().getOrDefault("summary", a.annotations().getOrDefault("description", "")),
                    Texts.ago(a.startsAt(), now),
                    a.startsAt().toString(),
                    h.receivers(),
                    silencedBy,
                    h.inhibitedBy(),
                    silenceHref(labels)));
        }
        long suppressed =
                rows.stream().filter(r -> r.state().equals("suppressed")).count();
        views.respond(
                ctx,
                "console/alerts.jte",
                new View(views.page(ctx, "Alerts", "alerts"), rows, rows.size() - suppressed, suppressed));
    }

    /** The new-silence form with one equality matcher per label of the alert. */
    static String silenceHref(Map<String, String> labels) {
        String matchers = labels.entrySet().stream()
                .map(e -> SilenceMatcher.equal(e.getKey(), e.getValue()).toString())
                .collect(Collectors.joining("\n"));
        return "/ui/silences/new?matchers=" + URLEncoder.encode(matchers, StandardCharsets.UTF_8);
    }
}
