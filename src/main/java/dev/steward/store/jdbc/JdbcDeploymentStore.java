package dev.steward.store.jdbc;

import dev.steward.core.deploy.Deployment;
import dev.steward.core.deploy.DeploymentEvent;
import dev.steward.core.deploy.DeploymentStore;
import dev.steward.core.deploy.StaleDeploymentException;
import dev.steward.core.deploy.StateKind;
import dev.steward.core.deploy.Trigger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@link DeploymentStore} in the {@code deployment} table (plan and state as JSON, plus the columns lists filter on)
 * and the append-only {@code deployment_timeline}. A save locks the deployment's row, checks its revision, then
 * appends the events not yet stored, in one transaction.
 */
public final class JdbcDeploymentStore implements DeploymentStore {
    private static final String TIMELINE_COLUMNS =
            "at_ms, actor, event_trigger, from_state, to_state, reason, measurements, page";

    private final Database database;

    public JdbcDeploymentStore(Database database) {
        this.database = database;
    }

    @Override
    public Deployment save(Deployment d) {
        return database.inTransaction(handle -> {
            handle.createUpdate("INSERT INTO deployment (id, service, environment, version, state, active,"
                            + " created_at_ms, revision, body_json) VALUES (:id, '', '', '', '', 0, 0, 0, '')"
                            + " ON CONFLICT (id) DO NOTHING")
                    .bind("id", d.id())
                    .execute();
            long stored = handle.createQuery("SELECT revision FROM deployment WHERE id = :id" + database.lockClause())
                    .bind("id", d.id())
                    .mapTo(Long.class)
                    .one();
            if (stored != d.revision()) {
                throw new StaleDeploymentException(d.id(), d.revision(), stored);
            }
            Deployment saved = d.withRevision(stored + 1);
            handle.createUpdate("UPDATE deployment SET service = :service, environment = :environment,"
                            + " version = :version, state = :state, active = :active, created_at_ms = :created,"
                            + " revision = :revision, body_json = :body WHERE id = :id")
                    .bind("id", d.id())
                    .bind("service", d.service())
                    .bind("environment", d.environment())
                    .bind("version", d.version())
                    .bind("state", d.kind().name())
                    .bind("active", DeploymentStore.active(d) ? 1 : 0)
                    .bind("created", d.createdAt().toEpochMilli())
                    .bind("revision", saved.revision())
                    .bind("body", DeploymentJson.write(saved))
                    .execute();
            appendTimeline(handle, d);
            return saved;
        });
    }

    private static void appendTimeline(Handle handle, Deployment d) {
        int stored = handle.createQuery("SELECT COUNT(*) FROM deployment_timeline WHERE deployment_id = :id")
                .bind("id", d.id())
                .mapTo(Integer.class)
                .one();
        List<DeploymentEvent> timeline = d.timeline();
        if (timeline.size() < stored) {
            throw new IllegalArgumentException("deployment " + d.id() + " has " + timeline.size()
                    + " timeline events but " + stored + " are stored: the timeline is append-only");
        }
        if (timeline.size() == stored) {
            return;
        }
        var batch = handle.prepareBatch("INSERT INTO deployment_timeline (deployment_id, seq, " + TIMELINE_COLUMNS
                + ") VALUES (:id, :seq, :at, :actor, :trigger, :from, :to, :reason, :measurements, :page)");
        for (int seq = stored; seq < timeline.size(); seq++) {
            DeploymentEvent e = timeline.get(seq);
            batch.bind("id", d.id())
                    .bind("seq", seq)
                    .bind("at", e.at().toEpochMilli())
                    .bind("actor", e.actor())
                    .bind("trigger", e.trigger().name())
                    .bind("from", e.from().name())
                    .bind("to", e.to().name())
                    .bind("reason", e.reason())
                    .bind("measurements", DeploymentJson.writeMeasurements(e.measurements()))
                    .bind("page", e.page() ? 1 : 0)
                    .add();
        }
        batch.execute();
    }

    @Override
    public Optional<Deployment> get(String id) {
        return database.withHandle(handle -> handle.createQuery("SELECT body_json FROM deployment WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> DeploymentJson.read(rs.getString(1)))
                .findOne()
                .map(d -> d.withTimeline(handle.createQuery("SELECT " + TIMELINE_COLUMNS
                                + " FROM deployment_timeline WHERE deployment_id = :id ORDER BY seq")
                        .bind("id", id)
                        .map((rs, ctx) -> event(rs, 1))
                        .list())));
    }

    @Override
    public List<Deployment> loadActive() {
        return database.withHandle(handle -> {
            Map<String, Deployment> active = new LinkedHashMap<>();
            handle.createQuery("SELECT body_json FROM deployment WHERE active = 1 ORDER BY created_at_ms, id")
                    .map((rs, ctx) -> DeploymentJson.read(rs.getString(1)))
                    .forEach(d -> active.put(d.id(), d));
            Map<String, List<DeploymentEvent>> timelines = new LinkedHashMap<>();
            handle.createQuery("SELECT t.deployment_id, " + TIMELINE_COLUMNS.replaceAll("(\\w+)", "t.$1")
                            + " FROM deployment_timeline t JOIN deployment d ON d.id = t.deployment_id"
                            + " WHERE d.active = 1 ORDER BY t.deployment_id, t.seq")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), event(rs, 2)))
                    .forEach(e -> timelines
                            .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue()));
            List<Deployment> out = new ArrayList<>();
            active.values().forEach(d -> out.add(d.withTimeline(timelines.getOrDefault(d.id(), List.of()))));
            return out;
        });
    }

    @Override
    public List<Deployment> list(Optional<String> service, int limit) {
        String sql = "SELECT body_json FROM deployment"
                + (service.isPresent() ? " WHERE service = :service" : "")
                + " ORDER BY created_at_ms DESC, id DESC LIMIT :limit";
        return database.withHandle(handle -> {
            var q = handle.createQuery(sql).bind("limit", limit);
            service.ifPresent(s -> q.bind("service", s));
            return q.map((rs, ctx) -> DeploymentJson.read(rs.getString(1))).list();
        });
    }

    @Override
    public boolean succeeded(String service, String environment, String version) {
        return database.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM deployment WHERE service ="
                                + " :service AND environment = :environment AND version = :version AND state = :state")
                        .bind("service", service)
                        .bind("environment", environment)
                        .bind("version", version)
                        .bind("state", StateKind.SUCCEEDED.name())
                        .mapTo(Integer.class)
                        .one()
                > 0);
    }

    private static DeploymentEvent event(ResultSet rs, int first) throws SQLException {
        return new DeploymentEvent(
                Instant.ofEpochMilli(rs.getLong(first)),
                rs.getString(first + 1),
                Trigger.valueOf(rs.getString(first + 2)),
                StateKind.valueOf(rs.getString(first + 3)),
                StateKind.valueOf(rs.getString(first + 4)),
                rs.getString(first + 5),
                DeploymentJson.readMeasurements(rs.getString(first + 6)),
                rs.getInt(first + 7) == 1);
    }
}
