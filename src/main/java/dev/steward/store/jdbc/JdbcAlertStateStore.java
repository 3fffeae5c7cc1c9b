package dev.steward.store.jdbc;

import dev.steward.core.rule.AlertStateStore;
import dev.steward.core.series.Labels;
import dev.steward.core.series.Sample;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.PreparedBatch;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code alert_for_state} table: one row per active alert, its labels as a JSON object. */
public final class JdbcAlertStateStore implements AlertStateStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Database database;

    public JdbcAlertStateStore(Database database) {
        this.database = database;
    }

    @Override
    public void replaceAll(Map<Labels, Sample> latest) {
        database.inTransaction(handle -> {
            handle.createUpdate("DELETE FROM alert_for_state").execute();
            if (latest.isEmpty()) {
                return 0;
            }
            PreparedBatch batch = handle.prepareBatch(
                    "INSERT INTO alert_for_state (labels_json, sample_ms, active_at_s)" + " VALUES (:labels, :t, :v)");
            latest.forEach((labels, sample) -> batch.bind("labels", JSON.writeValueAsString(labels.toMap()))
                    .bind("t", sample.timestamp())
                    .bind("v", sample.value())
                    .add());
            return batch.execute().length;
        });
    }

    @Override
    public Map<Labels, Sample> load() {
        return database.withHandle(handle -> {
            Map<Labels, Sample> out = new LinkedHashMap<>();
            handle.createQuery("SELECT labels_json, sample_ms, active_at_s FROM alert_for_state")
                    .map((rs, ctx) -> {
                        Map<String, String> labels =
                                JSON.readValue(rs.getString(1), new TypeReference<Map<String, String>>() {});
                        out.put(Labels.fromMap(labels), new Sample(rs.getLong(2), rs.getDouble(3)));
                        return null;
                    })
                    .list();
            return out;
        });
    }
}
