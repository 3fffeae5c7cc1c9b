package dev.steward.store.jdbc;

import dev.steward.core.incident.Incident;
import dev.steward.core.incident.IncidentQuery;
import dev.steward.core.incident.IncidentStore;
import dev.steward.core.incident.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@link IncidentStore} in the {@code incident} table (the incident as JSON, plus the columns lists filter on) and the
 * append-only {@code incident_timeline} table. A save locks the incident's row before it counts the stored timeline,
 * so two saves of one incident never write the same entry twice.
 */
public final class JdbcIncidentStore implements IncidentStore {
    private final Database database;

    public JdbcIncidentStore(Database database) {
        this.database = database;
    }

    @Override
    public void saveAll(Collection<Incident> incidents) {
        if (incidents.isEmpty()) {
            return;
        }
        database.inTransaction(handle -> {
            for (Incident incident : incidents) {
                save(handle, incident);
            }
            return incidents.size();
        });
    }

    private void save(Handle handle, Incident incident) {
        handle.createUpdate("INSERT INTO incident (id, state, service, severity, group_key, receiver, opened_at_ms,"
                        + " resolved_at_ms, body_json) VALUES (:id, '', '', '', '', '', 0, NULL, '')"
                        + " ON CONFLICT (id) DO NOTHING")
                .bind("id", incident.id())
                .execute();
        handle.createQuery("SELECT id FROM incident WHERE id = :id" + database.lockClause())
                .bind("id", incident.id())
                .mapTo(String.class)
                .one();
        handle.createUpdate("UPDATE incident SET state = :state, service = :service, severity = :severity,"
                        + " group_key = :group, receiver = :receiver, opened_at_ms = :opened,"
                        + " resolved_at_ms = :resolved, body_json = :body WHERE id = :id")
                .bind("id", incident.id())
                .bind("state", incident.stateName())
                .bind("service", incident.service())
                .bind("severity", incident.severity().name())
                .bind("group", incident.group().toString())
                .bind("receiver", incident.receiver())
                .bind("opened", incident.openedAt().toEpochMilli())
                .bind(
                        "resolved",
                        incident.resolvedAt().map(Instant::toEpochMilli).orElse(null))
                .bind("body", IncidentJson.write(incident))
                .execute();
        appendTimeline(handle, incident);
    }

    private static void appendTimeline(Handle handle, Incident incident) {
        int stored = handle.createQuery("SELECT COUNT(*) FROM incident_timeline WHERE incident_id = :id")
                .bind("id", incident.id())
                .mapTo(Integer.class)
                .one();
        List<TimelineEntry> timeline = incident.timeline();
        if (timeline.size() < stored) {
            throw new IllegalArgumentException("incident " + incident.id() + " has " + timeline.size()
                    + " timeline entries but " + stored + " are stored: the timeline is append-only");
        }
        if (timeline.size() == stored) {
            return;
        }
        var batch = handle.prepareBatch("INSERT INTO incident_timeline (incident_id, seq, at_ms, actor, what)"
                + " VALUES (:id, :seq, :at, :actor, :what)");
        for (int seq = stored; seq < timeline.size(); seq++) {
            TimelineEntry e = timeline.get(seq);
            batch.bind("id", incident.id())
                    .bind("seq", seq)
                    .bind("at", e.at().toEpochMilli())
                    .bind("actor", e.actor())
                    .bind("what", e.what())
                    .add();
        }
        batch.execute();
    }

    @Override
    public List<Incident> loadOpen() {
        return database.withHandle(handle -> {
            Map<String, Incident> open = new LinkedHashMap<>();
            handle.createQuery("SELECT body_json FROM incident WHERE state <> 'resolved' ORDER BY opened_at_ms, id")
                    .map((rs, ctx) -> IncidentJson.read(rs.getString(1)))
                    .forEach(i -> open.put(i.id(), i));
            Map<String, List<TimelineEntry>> timelines = new LinkedHashMap<>();
            handle.createQuery("SELECT t.incident_id, t.at_ms, t.actor, t.what FROM incident_timeline t"
                            + " JOIN incident i ON i.id = t.incident_id WHERE i.state <> 'resolved'"
                            + " ORDER BY t.incident_id, t.seq")
                    .map((rs, ctx) ->
                            Map.entry(rs.getString(1), entry(rs.getLong(2), rs.getString(3), rs.getString(4))))
                    .forEach(e -> timelines
                            .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue()));
            List<Incident> out = new ArrayList<>();
            open.values().forEach(i -> out.add(i.withTimeline(timelines.getOrDefault(i.id(), List.of()))));
            return out;
        });
    }

    @Override
    public Optional<Incident> get(String id) {
        return database.withHandle(handle -> handle.createQuery("SELECT body_json FROM incident WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> IncidentJson.read(rs.getString(1)))
                .findOne()
                .map(i -> i.withTimeline(handle.createQuery("SELECT at_ms, actor, what FROM incident_timeline"
                                + " WHERE incident_id = :id ORDER BY seq")
                        .bind("id", id)
                        .map((rs, ctx) -> entry(rs.getLong(1), rs.getString(2), rs.getString(3)))
                        .list())));
    }

    @Override
    public List<Incident> list(IncidentQuery query) {
        StringBuilder sql = new StringBuilder("SELECT body_json FROM incident WHERE 1 = 1");
        query.state().ifPresent(s -> sql.append(" AND state = :state"));
        query.service().ifPresent(s -> sql.append(" AND service = :service"));
        query.since().ifPresent(s -> sql.append(" AND opened_at_ms >= :since"));
        sql.append(" ORDER BY opened_at_ms DESC, id DESC LIMIT :limit OFFSET :offset");
        return database.withHandle(handle -> {
            var q = handle.createQuery(sql.toString())
                    .bind("limit", query.limit())
                    .bind("offset", query.offset());
            query.state().ifPresent(s -> q.bind("state", s));
            query.service().ifPresent(s -> q.bind("service", s));
            query.since().ifPresent(s -> q.bind("since", JdbcRollupStore.ceilMillis(s)));
            return q.map((rs, ctx) -> IncidentJson.read(rs.getString(1))).list();
        });
    }

    private static TimelineEntry entry(long atMs, String actor, String what) {
        return new TimelineEntry(Instant.ofEpochMilli(atMs), actor, what);
    }
}
