package dev.steward.store.jdbc;

import dev.steward.core.maintenance.CronRule;
import dev.steward.core.maintenance.CronSyntax;
import dev.steward.core.maintenance.MaintenanceStore;
import dev.steward.core.maintenance.MaintenanceWindow;
import dev.steward.core.maintenance.Schedule;
import dev.steward.core.maintenance.Scope;
import dev.steward.core.route.Matcher;
import dev.steward.core.route.Matchers;
import dev.steward.core.route.Parsed;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code maintenance_window} table: one row per window created through the API, written before it answers. */
public final class JdbcMaintenanceStore implements MaintenanceStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Database database;
    private final CronSyntax cron;

    /** {@code cron} parses the expressions of stored cron windows back into rules. */
    public JdbcMaintenanceStore(Database database, CronSyntax cron) {
        this.database = database;
        this.cron = cron;
    }

    @Override
    public List<MaintenanceWindow> loadAll() {
        return database.withHandle(handle -> handle.createQuery("SELECT body_json FROM maintenance_window ORDER BY seq")
                .map((rs, ctx) -> read(rs.getString(1)))
                .list());
    }

    @Override
    public void save(MaintenanceWindow window) {
        String body = write(window);
        String endedAt = window.endedAt().map(Instant::toString).orElse(null);
        database.inTransaction(handle -> {
            int updated = handle.createUpdate(
                            "UPDATE maintenance_window SET body_json = :body, ended_at = :ended WHERE id = :id")
                    .bind("id", window.id())
                    .bind("body", body)
                    .bind("ended", endedAt)
                    .execute();
            if (updated == 0) {
                long seq = handle.createQuery("SELECT COALESCE(MAX(seq), 0) + 1 FROM maintenance_window")
                        .mapTo(Long.class)
                        .one();
                handle.createUpdate("INSERT INTO maintenance_window (id, seq, ended_at, body_json)"
                                + " VALUES (:id, :seq, :ended, :body)")
                        .bind("id", window.id())
                        .bind("seq", seq)
                        .bind("ended", endedAt)
                        .bind("body", body)
                        .execute();
            }
            return updated;
        });
    }

    static String write(MaintenanceWindow w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("title", w.title());
        m.put("schedule", schedule(w.schedule()));
        m.put("services", new TreeSet<>(w.scope().services()));
        m.put(
                "match",
                w.scope().matchers().list().stream().map(Matcher::toString).toList());
        m.put("propagateToDependants", w.scope().propagateToDependants());
        m.put("freezeDeployments", w.freezeDeployments());
        m.put("emergency", w.emergency());
        m.put("declaredBy", w.declaredBy());
        m.put("reason", w.reason());
        m.put("origin", w.origin().name());
        m.put("createdAt", w.createdAt().toString());
        m.put("endedAt", w.endedAt().map(Instant::toString).orElse(null));
        return JSON.writeValueAsString(m);
    }

    private static Map<String, Object> schedule(Schedule s) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (s) {
            case Schedule.OneOff o -> {
                m.put("kind", "one_off");
                m.put("start", o.start().toString());
                m.put("end", o.end().toString());
            }
            case Schedule.Weekly w -> {
                m.put("kind", "weekly");
                m.put("days", w.days().stream().sorted().map(DayOfWeek::name).toList());
                m.put("at", w.at().toString());
                m.put("duration", w.duration().toString());
                m.put("zone", w.zone().getId());
            }
            case Schedule.Cron c -> {
                m.put("kind", "cron");
                m.put("expression", c.rule().expression());
                m.put("duration", c.duration().toString());
                m.put("zone", c.zone().getId());
            }
        }
        return m;
    }

    MaintenanceWindow read(String json) {
        JsonNode n = JSON.readTree(json);
        List<Matcher> matchers = new ArrayList<>();
        for (JsonNode x : n.get("match")) {
            if (Matchers.parse(x.asString()) instanceof Parsed.Ok<List<Matcher>>(List<Matcher> parsed)) {
                matchers.addAll(parsed);
            }
        }
        Set<String> services = new TreeSet<>();
        n.get("services").forEach(x -> services.add(x.asString()));
        JsonNode ended = n.get("endedAt");
        return new MaintenanceWindow(
                n.get("id").asString(),
                n.get("title").asString(),
                schedule(n.get("schedule")),
                new Scope(
                        services,
                        new Matchers(matchers),
                        n.get("propagateToDependants").asBoolean()),
                n.get("freezeDeployments").asBoolean(),
                n.get("emergency").asBoolean(),
                n.get("declaredBy").asString(),
                n.get("reason").asString(),
                MaintenanceWindow.Origin.valueOf(n.get("origin").asString()),
                Instant.parse(n.get("createdAt").asString()),
                ended == null || ended.isNull() ? Optional.empty() : Optional.of(Instant.parse(ended.asString())));
    }

    private Schedule schedule(JsonNode s) {
        return switch (s.get("kind").asString()) {
            case "one_off" ->
                new Schedule.OneOff(
                        Instant.parse(s.get("start").asString()),
                        Instant.parse(s.get("end").asString()));
            case "weekly" -> {
                Set<DayOfWeek> days = new TreeSet<>();
                s.get("days").forEach(d -> days.add(DayOfWeek.valueOf(d.asString())));
                yield new Schedule.Weekly(
                        days,
                        LocalTime.parse(s.get("at").asString()),
                        Duration.parse(s.get("duration").asString()),
                        ZoneId.of(s.get("zone").asString()));
            }
            case "cron" ->
                new Schedule.Cron(
                        rule(s.get("expression").asString()),
                        Duration.parse(s.get("duration").asString()),
                        ZoneId.of(s.get("zone").asString()));
            default -> throw new IllegalStateException("unknown schedule kind in the store: " + s);
        };
    }

    private CronRule rule(String expression) {
        return switch (cron.parse(expression)) {
            case Parsed.Ok<CronRule>(CronRule r) -> r;
            case Parsed.Failed<CronRule>(String reason) ->
                throw new IllegalStateException(
                        "stored cron expression \"" + expression + "\" no longer parses: " + reason);
        };
    }
}
