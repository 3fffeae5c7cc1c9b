package dev.steward.amapi;

import dev.steward.core.silence.ExpireOutcome;
import dev.steward.core.silence.SetOutcome;
import dev.steward.core.silence.Silence;
import dev.steward.core.silence.SilenceError;
import dev.steward.core.silence.SilenceMatcher;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alertmanager's API v2, enough for Prometheus to send alerts and for {@code amtool} to manage silences and read
 * alerts and status. Errors are answered as Alertmanager does: the status code and a JSON string saying what was wrong.
 */
public final class AlertmanagerApi {
    /** What {@code GET /api/v2/status} reports besides live data. */
    public record Settings(String version, String originalConfig, Instant startedAt, Duration resolveTimeout) {
        public Settings {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(originalConfig, "originalConfig");
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(resolveTimeout, "resolveTimeout");
        }
    }

    private final SilenceRegistry silences;
    private final AlertSink sink;
    private final AlertSource source;
    private final Settings settings;
    private final JsonMapper json = JsonMapper.builder().build();

    public AlertmanagerApi(SilenceRegistry silences, AlertSink sink, AlertSource source, Settings settings) {
        this.silences = silences;
        this.sink = sink;
        this.source = source;
        this.settings = settings;
    }

    public void mount(JavalinConfig cfg) {
        cfg.routes.get("/api/v2/silences", ctx -> guarded(ctx, () -> listSilences(ctx)));
        cfg.routes.post("/api/v2/silences", ctx -> guarded(ctx, () -> postSilence(ctx)));
        cfg.routes.get("/api/v2/silence/{id}", ctx -> guarded(ctx, () -> getSilence(ctx)));
        cfg.routes.delete("/api/v2/silence/{id}", ctx -> guarded(ctx, () -> deleteSilence(ctx)));
        cfg.routes.get("/api/v2/status", ctx -> guarded(ctx, () -> send(ctx, 200, status())));
        cfg.routes.post("/api/v2/alerts", ctx -> guarded(ctx, () -> postAlerts(ctx)));
        cfg.routes.get("/api/v2/alerts", ctx -> guarded(ctx, () -> getAlerts(ctx)));
        cfg.routes.get("/api/v2/alerts/groups", ctx -> guarded(ctx, () -> getAlertGroups(ctx)));
    }

    private void listSilences(Context ctx) {
        List<SilenceMatcher> filter = filter(ctx);
        Instant now = silences.now();
        List<Object> out = new ArrayList<>();
        for (Silence s : silences.current().listing(now)) {
            if (matchesFilter(s, filter)) {
                out.add(AmJson.gettableSilence(s, now));
            }
        }
        send(ctx, 200, out);
    }

    /** Alertmanager's rule: every filter matcher equals one of the silence's matchers (name, operator, value). */
    private static boolean matchesFilter(Silence s, List<SilenceMatcher> filter) {
        return s.matchers().containsAll(filter);
    }

    private void postSilence(Context ctx) {
        SetOutcome out = silences.set(AmJson.postableSilence(body(ctx)));
        switch (out) {
            case SetOutcome.Created c ->
                send(ctx, 200, Map.of("silenceID", c.silence().id()));
            case SetOutcome.Updated u ->
                send(ctx, 200, Map.of("silenceID", u.silence().id()));
            case SetOutcome.Invalid i ->
                send(
                        ctx,
                        400,
                        "invalid silence: "
                                + i.errors().stream().map(SilenceError::message).collect(Collectors.joining("; ")));
            case SetOutcome.NotFound n -> send(ctx, 404, "silence not found: " + n.id());
        }
    }

    private void getSilence(Context ctx) {
        String id = ctx.pathParam("id");
        silences.get(id)
                .ifPresentOrElse(
                        s -> send(ctx, 200, AmJson.gettableSilence(s, silences.now())),
                        () -> send(ctx, 404, "silence not found: " + id));
    }

    private void deleteSilence(Context ctx) {
        switch (silences.expire(ctx.pathParam("id"))) {
            case ExpireOutcome.Expired e -> ctx.status(200);
            case ExpireOutcome.NotFound n -> send(ctx, 404, "silence not found: " + n.id());
        }
    }

    private Map<String, Object> status() {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("branch", "");
        version.put("buildDate", "");
        version.put("buildUser", "steward");
        version.put("goVersion", "java" + Runtime.version().feature());
        version.put("revision", "");
        version.put("version", settings.version());
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("status", "disabled");
        cluster.put("peers", List.of());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster", cluster);
        m.put("config", Map.of("original", settings.originalConfig()));
        m.put("uptime", settings.startedAt().toString());
        m.put("versionInfo", version);
        return m;
    }

    private void postAlerts(Context ctx) {
        Instant now = silences.now();
        AlertIntake.Read read = AlertIntake.read(body(ctx), now, settings.resolveTimeout());
        if (!read.valid().isEmpty()) {
            sink.receive(read.valid(), now);
        }
        if (read.errors().isEmpty()) {
            ctx.status(200);
        } else {
            send(ctx, 400, String.join("; ", read.errors()));
        }
    }

    private void getAlerts(Context ctx) {
        send(ctx, 200, gettable(source.alerts(), query(ctx), silences.now()));
    }

    /** Alertmanager's {@code AlertGroups}: a group is listed when some of its alerts pass the filters. */
    private void getAlertGroups(Context ctx) {
        AlertIntake.Query query = query(ctx);
        Instant now = silences.now();
        List<Object> out = new ArrayList<>();
        for (AlertSource.HeldGroup g : source.groups()) {
            if (query.receiver() != null
                    && !query.receiver().matcher(g.receiver()).matches()) {
                continue;
            }
            List<Object> alerts = gettable(g.alerts(), query, now);
            if (!alerts.isEmpty()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("alerts", alerts);
                m.put("labels", AmJson.labelMap(g.labels()));
                m.put("receiver", Map.of("name", g.receiver()));
                out.add(m);
            }
        }
        send(ctx, 200, out);
    }

    private AlertIntake.Query query(Context ctx) {
        return new AlertIntake.Query(
                flag(ctx, "active"),
                flag(ctx, "silenced"),
                flag(ctx, "inhibited"),
                filter(ctx).stream().map(SilenceMatcher::compile).toList(),
                receiver(ctx));
    }

    private List<Object> gettable(List<AlertSource.HeldAlert> held, AlertIntake.Query query, Instant now) {
        List<Object> out = new ArrayList<>();
        for (AlertSource.HeldAlert h : held) {
            if (h.alert().endsAt().isBefore(now)) {
                continue;
            }
            List<String> silencedBy = silences.current().silenced(h.alert().labels(), now);
            if (query.accepts(h, silencedBy)) {
                out.add(AlertIntake.gettableAlert(h, silencedBy));
            }
        }
        return out;
    }

    private static boolean flag(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            return true;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw new AmJson.BadRequest(name + ": got \"" + v + "\", expected true or false");
        }
        return Boolean.parseBoolean(v);
    }

    private static Pattern receiver(Context ctx) {
        String v = ctx.queryParam("receiver");
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(v);
        } catch (PatternSyntaxException e) {
            throw new AmJson.BadRequest(
                    "receiver: got \"" + v + "\", expected a regular expression (" + e.getDescription() + ")");
        }
    }

    private static List<SilenceMatcher> filter(Context ctx) {
        FilterMatchers.Parsed parsed = FilterMatchers.parse(ctx.queryParams("filter"));
        if (parsed.error() != null) {
            throw new AmJson.BadRequest(parsed.error());
        }
        return parsed.matchers();
    }

    private JsonNode body(Context ctx) {
        try {
            return json.readTree(ctx.body());
        } catch (JacksonException e) {
            throw new AmJson.BadRequest("body: expected JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private void guarded(Context ctx, Runnable handler) {
        try {
            handler.run();
        } catch (AmJson.BadRequest | IllegalArgumentException e) {
            send(ctx, 400, e.getMessage());
        }
    }

    private void send(Context ctx, int status, Object doc) {
        ctx.status(status).contentType("application/json").result(json.writeValueAsString(doc));
    }
}
