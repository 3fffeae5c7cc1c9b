package dev.steward.store.jdbc;

import dev.steward.core.outbox.ChannelStatus;
import dev.steward.core.outbox.DeliveryError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/** The delivery status per channel from the {@code outbox} table: counts by state, then each channel's latest error. */
final class OutboxStatusQuery {
    private final Handle handle;

    OutboxStatusQuery(Handle handle) {
        this.handle = handle;
    }

    private static final class Row {
        long pending;
        long delivered;
        long abandoned;
        Optional<Instant> lastDeliveredAt = Optional.empty();
        Optional<Instant> oldestPendingSince = Optional.empty();
        Optional<DeliveryError> lastError = Optional.empty();
    }

    List<ChannelStatus> run() {
        Map<String, Row> rows = new TreeMap<>();
        handle.createQuery("SELECT channel, state, COUNT(*) AS n, MAX(final_at) AS last_final,"
                        + " MIN(created_at) AS oldest FROM outbox GROUP BY channel, state")
                .map((rs, ctx) -> {
                    Row row = rows.computeIfAbsent(rs.getString("channel"), c -> new Row());
                    long n = rs.getLong("n");
                    switch (rs.getString("state")) {
                        case "pending" -> {
                            row.pending = n;
                            row.oldestPendingSince = Optional.of(Instant.ofEpochMilli(rs.getLong("oldest")));
                        }
                        case "delivered" -> {
                            row.delivered = n;
                            row.lastDeliveredAt = Optional.of(Instant.ofEpochMilli(rs.getLong("last_final")));
                        }
                        default -> row.abandoned = n;
                    }
                    return row;
                })
                .list();
        handle.createQuery("SELECT channel, error_reason, error_detail, error_at FROM outbox o"
                        + " WHERE error_at = (SELECT MAX(error_at) FROM outbox i WHERE i.channel = o.channel)"
                        + " ORDER BY channel, seq DESC")
                .map((rs, ctx) -> {
                    Row row = rows.get(rs.getString("channel"));
                    if (row != null && row.lastError.isEmpty()) {
                        row.lastError = Optional.of(new DeliveryError(
                                rs.getString("error_reason"),
                                rs.getString("error_detail"),
                                Instant.ofEpochMilli(rs.getLong("error_at"))));
                    }
                    return rs.getString("channel");
                })
                .list();
        List<ChannelStatus> out = new ArrayList<>();
        rows.forEach((channel, r) -> out.add(new ChannelStatus(
                channel, r.pending, r.delivered, r.abandoned, r.lastError, r.lastDeliveredAt, r.oldestPendingSince)));
        return List.copyOf(out);
    }
}
