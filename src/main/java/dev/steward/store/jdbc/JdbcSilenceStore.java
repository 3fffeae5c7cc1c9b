package dev.steward.store.jdbc;

import dev.steward.core.silence.Silence;
import dev.steward.core.silence.SilenceMatcher;
import dev.steward.core.silence.SilenceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code silence} table: one row per silence, written before the API answers. */
public final class JdbcSilenceStore implements SilenceStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Database database;

    public JdbcSilenceStore(Database database) {
        this.database = database;
    }

    @Override
    public List<Silence> loadAll() {
        return database.withHandle(handle -> handle.createQuery("SELECT body_json FROM silence ORDER BY seq")
                .map((rs, ctx) -> read(rs.getString(1)))
                .list());
    }

    @Override
    public void save(Silence silence) {
        String body = write(silence);
        database.inTransaction(handle -> {
            int updated = handle.createUpdate("UPDATE silence SET body_json = :body WHERE id = :id")
                    .bind("id", silence.id())
                    .bind("body", body)
                    .execute();
            if (updated == 0) {
                long seq = handle.createQuery("SELECT COALESCE(MAX(seq), 0) + 1 FROM silence")
                        .mapTo(Long.class)
                        .one();
                handle.createUpdate("INSERT INTO silence (id, seq, body_json) VALUES (:id, :seq, :body)")
                        .bind("id", silence.id())
                        .bind("seq", seq)
                        .bind("body", body)
                        .execute();
            }
            return updated;
        });
    }

    @Override
    public void remove(String id) {
        database.inTransaction(handle -> handle.createUpdate("DELETE FROM silence WHERE id = :id")
                .bind("id", id)
                .execute());
    }

    static String write(Silence s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        List<Object> matchers = new ArrayList<>();
        for (SilenceMatcher x : s.matchers()) {
            matchers.add(Map.of("name", x.name(), "value", x.value(), "isRegex", x.isRegex(), "isEqual", x.isEqual()));
        }
        m.put("matchers", matchers);
        m.put("startsAt", s.startsAt().toString());
        m.put("endsAt", s.endsAt().toString());
        m.put("createdBy", s.createdBy());
        m.put("comment", s.comment());
        m.put("updatedAt", s.updatedAt().toString());
        return JSON.writeValueAsString(m);
    }

    static Silence read(String json) {
        JsonNode n = JSON.readTree(json);
        List<SilenceMatcher> matchers = new ArrayList<>();
        for (JsonNode x : n.get("matchers")) {
            matchers.add(new SilenceMatcher(
                    x.get("name").asString(),
                    x.get("value").asString(),
                    x.get("isRegex").asBoolean(),
                    x.get("isEqual").asBoolean()));
        }
        return new Silence(
                n.get("id").asString(),
                matchers,
                Instant.parse(n.get("startsAt").asString()),
                Instant.parse(n.get("endsAt").asString()),
                n.get("createdBy").asString(),
                n.get("comment").asString(),
                Instant.parse(n.get("updatedAt").asString()));
    }
}
