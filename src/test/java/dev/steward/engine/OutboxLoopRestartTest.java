package dev.steward.engine;

import static dev.steward.core.outbox.OutboxFixtures.T0;
import static dev.steward.core.outbox.OutboxFixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.notify.Message;
import dev.steward.core.outbox.DeliveryState;
import dev.steward.core.outbox.OutboxSettings;
import dev.steward.notify.Notifier;
import dev.steward.store.jdbc.Database;
import dev.steward.store.jdbc.JdbcOutboxStore;
import dev.steward.testing.DirectExecutorService;
import dev.steward.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart resumes from the SQLite file: what was pending is delivered, and an unrecorded send is sent again. */
class OutboxLoopRestartTest {
    @TempDir
    Path dataDir;

    private final ManualClock clock = new ManualClock(T0);

    private OutboxLoop loop(Database database, Notifier notifier) {
        return new OutboxLoop(
                new JdbcOutboxStore(database),
                clock,
                new DirectExecutorService(),
                c -> Optional.of(notifier),
                () -> 0.5,
                OutboxSettings.DEFAULT);
    }

    @Test
    void aNewLoopOverTheSameFileDeliversWhatWasPendingInOrder() {
        FakeNotifier down = new FakeNotifier("webhook", clock, at -> FakeNotifier.DOWN);
        try (Database database = Database.sqlite(dataDir)) {
            OutboxLoop before = loop(database, down);
            before.enqueue(OutboxLoopTest.interleaved("webhook", 2, 3, T0));
            OutboxLoopTest.runUntil(before, clock, T0.plusSeconds(30));
        }
        assertThat(down.attempts()).isNotEmpty();

        FakeNotifier up = FakeNotifier.up("webhook", clock);
        try (Database database = Database.sqlite(dataDir)) {
            OutboxLoop after = loop(database, up);
            assertThat(after.pending()).hasSize(6);
            OutboxLoopTest.runUntil(after, clock, T0.plus(Duration.ofMinutes(10)));

            assertThat(up.delivered())
                    .extracting(FakeNotifier.Attempt::idempotencyKey)
                    .containsExactly(
                            "webhook/inc-1/1",
                            "webhook/inc-2/1",
                            "webhook/inc-1/2",
                            "webhook/inc-2/2",
                            "webhook/inc-1/3",
                            "webhook/inc-2/3");
            assertThat(after.history("webhook", 10))
                    .allSatisfy(e -> assertThat(e.state()).isInstanceOf(DeliveryState.Delivered.class));
            int attemptsBefore = (int) down.attempts().stream()
                    .filter(a -> a.idempotencyKey().equals("webhook/inc-1/1"))
                    .count();
            assertThat(after.history("webhook", 10).getLast().state().attempts())
                    .isEqualTo(attemptsBefore + 1);
        }
    }

    /** Stands for the process dying: not an exception the loop could handle. */
    static final class Crash extends Error {
        Crash() {
            super("simulated crash after the send, before recording it");
        }
    }

    @Test
    void aCrashBetweenSendingAndRecordingSendsAgainWithTheSameIdempotencyKey() {
        List<String> keysSent = new ArrayList<>();
        Notifier sendsThenCrashes = new Notifier() {
            @Override
            public String channel() {
                return "webhook";
            }

            @Override
            public Delivery deliver(Message message, String idempotencyKey) {
                keysSent.add(idempotencyKey);
                throw new Crash();
            }
        };
        try (Database database = Database.sqlite(dataDir)) {
            OutboxLoop before = loop(database, sendsThenCrashes);
            before.enqueue(List.of(entry("webhook", "inc-1", 1, T0)));
            assertThatThrownBy(() -> before.runDue(T0)).isInstanceOf(Crash.class);
        }

        FakeNotifier up = FakeNotifier.up("webhook", clock);
        try (Database database = Database.sqlite(dataDir)) {
            OutboxLoop after = loop(database, up);
            after.runDue(clock.instant());

            assertThat(up.delivered())
                    .singleElement()
                    .satisfies(a -> assertThat(a.idempotencyKey())
                            .isEqualTo(keysSent.getFirst())
                            .isEqualTo("webhook/inc-1/1"));
            assertThat(after.history("webhook", 1).getFirst().state()).isEqualTo(new DeliveryState.Delivered(T0, 1));
        }
    }
}
