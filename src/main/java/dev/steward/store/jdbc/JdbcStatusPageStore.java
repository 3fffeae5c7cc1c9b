package dev.steward.store.jdbc;

import dev.steward.core.statuspage.Impact;
import dev.steward.core.statuspage.IncidentStatus;
import dev.steward.core.statuspage.PublicIncident;
import dev.steward.core.statuspage.PublicIncident.Stage;
import dev.steward.core.statuspage.PublicUpdate;
import dev.steward.core.statuspage.StatusPageStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link StatusPageStore} in the {@code status_incident} table, the append-only {@code status_update} table (a
 * published update is never rewritten or deleted) and {@code status_proposal} (the update waiting for a person). A
 * save locks the incident's row before it counts the stored updates, so two saves never write one update twice.
 */
public final class JdbcStatusPageStore implements StatusPageStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, stage, title, impact, components_json, created_at_ms, created_by,"
            + " published_at_ms, resolved_at_ms, discarded_at_ms, discarded_by";
    private final Database database;

    public JdbcStatusPageStore(Database database) {
        this.database = database;
    }

    @Override
    public void save(PublicIncident incident) {
        database.inTransaction(handle -> {
            handle.createUpdate("INSERT INTO status_incident (id, stage, title, impact, components_json,"
                            + " created_at_ms, created_by) VALUES (:id, '', '', '', '[]', 0, '')"
                            + " ON CONFLICT (id) DO NOTHING")
                    .bind("id", incident.id())
                    .execute();
            handle.createQuery("SELECT id FROM status_incident WHERE id = :id" + database.lockClause())
                    .bind("id", incident.id())
                    .mapTo(String.class)
                    .one();
            Optional<Instant> discardedAt =
                    incident.stage() instanceof Stage.Discarded d ? Optional.of(d.discardedAt()) : Optional.empty();
            handle.createUpdate("UPDATE status_incident SET stage = :stage, title = :title, impact = :impact,"
                            + " components_json = :components, created_at_ms = :created, created_by = :createdBy,"
                            + " published_at_ms = :published, resolved_at_ms = :resolved,"
                            + " discarded_at_ms = :discarded, discarded_by = :discardedBy WHERE id = :id")
                    .bind("id", incident.id())
                    .bind("stage", incident.stage().label())
                    .bind("title", incident.title())
                    .bind("impact", incident.impact().label())
                    .bind("components", JSON.writeValueAsString(incident.components()))
                    .bind("created", incident.createdAt().toEpochMilli())
                    .bind("createdBy", incident.createdBy())
                    .bind("published", millis(incident.publishedAt()))
                    .bind("resolved", millis(incident.resolvedAt()))
                    .bind("discarded", millis(discardedAt))
                    .bind("discardedBy", incident.stage() instanceof Stage.Discarded d ? d.by() : null)
                    .execute();
            appendUpdates(handle, incident);
            handle.createUpdate("DELETE FROM status_proposal WHERE incident_id = :id")
                    .bind("id", incident.id())
                    .execute();
            incident.proposed()
                    .ifPresent(p -> handle.createUpdate(
                                    "INSERT INTO status_proposal"
                                            + " (incident_id, at_ms, status, message, by_name) VALUES (:id, :at, :status, :message, :by)")
                            .bind("id", incident.id())
                            .bind("at", p.at().toEpochMilli())
                            .bind("status", p.status().label())
                            .bind("message", p.message())
                            .bind("by", p.by())
                            .execute());
            return null;
        });
    }

    private static Long millis(Optional<Instant> at) {
        return at.map(Instant::toEpochMilli).orElse(null);
    }

    private static void appendUpdates(Handle handle, PublicIncident incident) {
        int stored = handle.createQuery("SELECT COUNT(*) FROM status_update WHERE incident_id = :id")
                .bind("id", incident.id())
                .mapTo(Integer.class)
                .one();
        List<PublicUpdate> updates = incident.updates();
        if (updates.size() < stored) {
            throw new IllegalArgumentException("incident " + incident.id() + " has " + updates.size() + " updates but "
                    + stored + " are stored: published updates are append-only");
        }
        for (int seq = stored; seq < updates.size(); seq++) {
            PublicUpdate u = updates.get(seq);
            handle.createUpdate("INSERT INTO status_update (incident_id, seq, at_ms, status, message, by_name)"
                            + " VALUES (:id, :seq, :at, :status, :message, :by)")
                    .bind("id", incident.id())
                    .bind("seq", seq)
                    .bind("at", u.at().toEpochMilli())
                    .bind("status", u.status().label())
                    .bind("message", u.message())
                    .bind("by", u.by())
                    .execute();
        }
    }

    @Override
    public Optional<PublicIncident> get(String id) {
        return database.withHandle(
                handle -> handle.createQuery("SELECT " + COLUMNS + " FROM status_incident WHERE id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> row(rs))
                        .findOne()
                        .map(r -> complete(handle, r)));
    }

    @Override
    public List<PublicIncident> active() {
        return select("stage IN ('draft', 'open') ORDER BY created_at_ms, id", null);
    }

    @Override
    public List<PublicIncident> resolvedSince(Instant since) {
        return select("resolved_at_ms >= :since ORDER BY resolved_at_ms DESC, id", since.toEpochMilli());
    }

    private List<PublicIncident> select(String where, Long since) {
        return database.withHandle(handle -> {
            var query = handle.createQuery("SELECT " + COLUMNS + " FROM status_incident WHERE " + where);
            if (since != null) {
                query.bind("since", since);
            }
            List<Row> rows = query.map((rs, ctx) -> row(rs)).list();
            List<PublicIncident> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(complete(handle, r));
            }
            return out;
        });
    }

    /** An incident row without its updates and proposal. */
    private record Row(
            String id,
            Stage stage,
            String title,
            Impact impact,
            List<String> components,
            Instant createdAt,
            String by) {}

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getString("id"),
                stage(rs),
                rs.getString("title"),
                Impact.parse(rs.getString("impact")).orElseThrow(),
                JSON.readValue(rs.getString("components_json"), new TypeReference<List<String>>() {}),
                Instant.ofEpochMilli(rs.getLong("created_at_ms")),
                rs.getString("created_by"));
    }

    private static Stage stage(ResultSet rs) throws SQLException {
        String stage = rs.getString("stage");
        return switch (stage) {
            case "draft" -> new Stage.Draft();
            case "open" -> new Stage.Open(instant(rs, "published_at_ms"));
            case "resolved" -> new Stage.Resolved(instant(rs, "published_at_ms"), instant(rs, "resolved_at_ms"));
            case "discarded" -> new Stage.Discarded(instant(rs, "discarded_at_ms"), rs.getString("discarded_by"));
            default -> throw new IllegalStateException("unknown status page incident stage '" + stage + "'");
        };
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Instant.ofEpochMilli(rs.getLong(column));
    }

    private static PublicIncident complete(Handle handle, Row r) {
        List<PublicUpdate> updates = handle.createQuery(
                        "SELECT at_ms, status, message, by_name FROM status_update WHERE incident_id = :id ORDER BY seq")
                .bind("id", r.id())
                .map((rs, ctx) -> update(rs))
                .list();
        Optional<PublicUpdate> proposed = handle.createQuery(
                        "SELECT at_ms, status, message, by_name FROM status_proposal WHERE incident_id = :id")
                .bind("id", r.id())
                .map((rs, ctx) -> update(rs))
                .findOne();
        return new PublicIncident(
                r.id(), r.title(), r.impact(), r.components(), r.stage(), updates, proposed, r.createdAt(), r.by());
    }

    private static PublicUpdate update(ResultSet rs) throws SQLException {
        return new PublicUpdate(
                Instant.ofEpochMilli(rs.getLong(1)),
                IncidentStatus.parse(rs.getString(2)).orElseThrow(),
                rs.getString(3),
                rs.getString(4));
    }
}
