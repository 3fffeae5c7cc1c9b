package dev.steward.bench;

import dev.steward.core.incident.IncidentPolicy;
import dev.steward.core.incident.IncidentSettings;
import dev.steward.core.incident.Page;
import dev.steward.core.oncall.OnCall;
import dev.steward.core.outbox.OutboxEntry;
import dev.steward.core.outbox.OutboxSettings;
import dev.steward.core.route.Alert;
import dev.steward.core.route.GroupKey;
import dev.steward.core.route.Notification;
import dev.steward.core.series.Labels;
import dev.steward.engine.IncidentLoop;
import dev.steward.engine.OutboxLoop;
import dev.steward.store.jdbc.Database;
import dev.steward.store.jdbc.JdbcIncidentStore;
import dev.steward.store.jdbc.JdbcOutboxStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The incident side of an alert storm: 10,000 route groups of 10 alerts each notify at once (the first notification
 * of every group, as after a mass outage), then all of them again (nothing new), then all resolve. Each notification
 * goes through {@link IncidentLoop} as the daemon drives it: decided by the pure policy, and stored with its pages
 * (one outbox entry per page, SQLite in a temporary directory) in chunks of 50 per transaction. Prints the time each
 * chunk held the loop's lock (the pause operator commands and ticks can see), and the whole pass. Goal: no pause over
 * 100 ms. Arguments: groups (10,000), alerts per group (10).
 */
public final class IncidentStorm {
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private static final int CHUNK = 50;

    private IncidentStorm() {}

    public static void main(String[] args) throws Exception {
        int groups = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int perGroup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory("steward-incident-storm");
        try (Database db = Database.sqlite(dir)) {
            OutboxLoop outbox = new OutboxLoop(
                    new JdbcOutboxStore(db),
                    InstantSource.fixed(T0),
                    Runnable::run,
                    channel -> Optional.empty(),
                    () -> 0.5,
                    OutboxSettings.DEFAULT);
            IncidentLoop loop = new IncidentLoop(
                    new JdbcIncidentStore(db),
                    work -> db.inTransaction(h -> {
                        work.run();
                        return null;
                    }),
                    IncidentPolicy.of(IncidentSettings.DEFAULTS, OnCall.EMPTY),
                    (service, now) -> Optional.empty(),
                    (pages, now) -> outbox.store(entries(pages, now)),
                    () -> UUID.randomUUID().toString());
            List<Notification> firing = notifications(groups, perGroup, false);
            List<Notification> resolved = notifications(groups, perGroup, true);
            pass("first notification of every group (opens " + groups + " incidents)", loop, firing, T0);
            pass("every group again, nothing new", loop, firing, T0.plusSeconds(300));
            pass("every group resolved", loop, resolved, T0.plusSeconds(600));
            System.out.printf(
                    "open incidents at the end: %d; outbox entries pending: %d%n",
                    loop.openIncidents().size(), outbox.pending().size());
        }
    }

    private static void pass(String what, IncidentLoop loop, List<Notification> all, Instant now) {
        double[] chunks = new double[(all.size() + CHUNK - 1) / CHUNK];
        long t0 = System.nanoTime();
        for (int c = 0; c < chunks.length; c++) {
            long s = System.nanoTime();
            loop.onNotifications(all.subList(c * CHUNK, Math.min(all.size(), (c + 1) * CHUNK)), now);
            chunks[c] = (System.nanoTime() - s) / 1e6;
        }
        double total = (System.nanoTime() - t0) / 1e6;
        Arrays.sort(chunks);
        System.out.printf(
                "%s: %.0f ms in all; per chunk of %d notifications (one transaction, lock held): p50 %.1f ms, p99 %.1f"
                        + " ms, max %.1f ms%n",
                what, total, CHUNK, q(chunks, 0.5), q(chunks, 0.99), chunks[chunks.length - 1]);
    }

    private static double q(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static List<OutboxEntry> entries(List<Page> pages, Instant now) {
        List<OutboxEntry> out = new ArrayList<>();
        for (Page p : pages) {
            String id = p.incidentId() + "/" + p.kind() + "/" + p.level() + "/" + p.message().at().toEpochMilli();
            out.add(OutboxEntry.create(id, "ops/webhook_configs[0]", p.message(), now));
        }
        return out;
    }

    private static List<Notification> notifications(int groups, int perGroup, boolean resolved) {
        List<Notification> out = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            Labels groupLabels = Labels.of("alertname", "Storm" + (g % 100), "service", "svc" + (g / 100));
            List<Alert> alerts = new ArrayList<>(perGroup);
            for (int a = 0; a < perGroup; a++) {
                Labels l = Labels.of(
                        "alertname", "Storm" + (g % 100), "instance", "i" + a, "service", "svc" + (g / 100),
                        "severity", "critical");
                Alert alert = Alert.firing(l, T0.minus(Duration.ofMinutes(1)));
                alerts.add(resolved ? alert.resolvedAt(T0.plusSeconds(590)) : alert);
            }
            GroupKey key = new GroupKey("{}", groupLabels);
            out.add(new Notification(
                    "ops", key, groupLabels, resolved ? List.of() : alerts, resolved ? alerts : List.of(),
                    resolved ? T0.plusSeconds(600) : T0));
        }
        return out;
    }
}
