package dev.steward.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.audit.AuditDraft;
import dev.steward.core.audit.AuditRecord;
import dev.steward.core.audit.AuditReport;
import dev.steward.core.audit.Checkpoint;
import dev.steward.core.audit.CheckpointPolicy;
import dev.steward.core.audit.InMemoryAuditStore;
import dev.steward.store.jdbc.Database;
import dev.steward.store.jdbc.JdbcAuditStore;
import dev.steward.store.jdbc.JdbcSettingStore;
import dev.steward.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    static final byte[] KEY = "k".getBytes(StandardCharsets.UTF_8);
    final ManualClock clock = new ManualClock(Instant.parse("2026-03-29T00:59:59.999Z"));
    final InMemoryAuditStore store = new InMemoryAuditStore();
    final AuditLog log = new AuditLog(store, KEY, new CheckpointPolicy(3, Duration.ofMinutes(5)), clock);

    @TempDir
    Path dir;

    AuditRecord ack(int n) {
        clock.advance(Duration.ofSeconds(1));
        return log.record("alice", "127.0.0.1", "incident.ack", "incident/inc-" + n, "{}", "{\"acked\":true}");
    }

    @Test
    void recordsAreChainedWithTheClocksTimeAndCheckpointedEveryNRecords() {
        AuditRecord first = ack(1);
        ack(2);
        assertThat(store.checkpoints()).isEmpty();

        AuditRecord third = ack(3);

        assertThat(first.at()).isEqualTo(Instant.parse("2026-03-29T01:00:00.999Z"));
        assertThat(first.actor()).isEqualTo("alice");
        assertThat(store.checkpoints()).singleElement().satisfies(c -> {
            assertThat(c.seq()).isEqualTo(3);
            assertThat(c.hash()).isEqualTo(third.hash());
            assertThat(c.isSignedWith(KEY)).isTrue();
        });
        AuditReport report = log.verify();
        assertThat(report.intact()).isTrue();
        assertThat(report.unprotected()).isZero();
    }

    @Test
    void aQuietLogIsCheckpointedByTheTimerOnceTheOldestUncoveredRecordIsOldEnough() {
        assertThat(log.nextCheckpointDue()).isEmpty();
        AuditRecord r = ack(1);
        assertThat(log.nextCheckpointDue()).contains(r.at().plus(Duration.ofMinutes(5)));

        clock.advance(Duration.ofMinutes(4));
        assertThat(log.checkpointIfDue()).isEmpty();
        clock.advance(Duration.ofMinutes(1));

        assertThat(log.checkpointIfDue()).map(Checkpoint::seq).contains(1L);
        assertThat(log.nextCheckpointDue()).isEmpty();
        assertThat(log.checkpointIfDue()).isEmpty();
    }

    @Test
    void aCheckpointThatCannotBeWrittenDoesNotFailTheRecordAndIsWrittenLater() {
        CheckpointFailsOnce failing = new CheckpointFailsOnce();
        AuditLog flaky = new AuditLog(failing, KEY, new CheckpointPolicy(1, Duration.ofMinutes(5)), clock);

        AuditRecord first = flaky.record("bob", "cli", "config.reload", "config", "", "");
        assertThat(failing.all()).containsExactly(first);
        assertThat(failing.checkpoints()).isEmpty();

        flaky.record("bob", "cli", "config.reload", "config", "", "");
        assertThat(failing.checkpoints()).extracting(Checkpoint::seq).containsExactly(2L);
    }

    @Test
    void onSqliteTheKeyIsGeneratedOnceAndTheLogVerifiesAfterReopening() throws Exception {
        byte[] key;
        try (Database db = Database.sqlite(dir)) {
            key = AuditKey.storedOrCreated(new JdbcSettingStore(db));
            AuditLog jdbc = new AuditLog(new JdbcAuditStore(db), key, CheckpointPolicy.DEFAULTS, clock);
            for (int i = 0; i < 5; i++) {
                jdbc.record("carol", "10.1.2.3", "silence.create", "silence/s" + i, "", "{\"id\":\"s" + i + "\"}");
            }
            clock.advance(CheckpointPolicy.DEFAULT_EVERY);
            assertThat(jdbc.checkpointIfDue()).isPresent();
        }
        try (Database db = Database.sqlite(dir)) {
            assertThat(AuditKey.stored(new JdbcSettingStore(db)))
                    .hasValueSatisfying(k -> assertThat(k).isEqualTo(key));
            assertThat(AuditKey.storedOrCreated(new JdbcSettingStore(db))).isEqualTo(key);
            AuditReport report = new AuditLog(new JdbcAuditStore(db), key, CheckpointPolicy.DEFAULTS, clock).verify();
            assertThat(report.intact()).isTrue();
            assertThat(report.lastCheckpoint()).map(Checkpoint::seq).contains(5L);
        }
    }

    @Test
    void aKeyFileIsReadWithoutItsTrailingNewlineAndAnEmptyOneIsRefused() throws Exception {
        Files.writeString(dir.resolve("key"), "s3cret\n");
        Files.writeString(dir.resolve("empty"), "\n");

        assertThat(AuditKey.fromFile(dir.resolve("key"))).isEqualTo("s3cret".getBytes(StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuditKey.fromFile(dir.resolve("empty")))
                .hasMessageContaining("is empty");
    }

    @Test
    void draftsKeepTheirFieldsThroughTheLog() {
        AuditRecord r = log.record("dave", "cli", "maintenance.end", "maintenance/w1", "{\"a\":1}", "");

        assertThat(r.draft())
                .isEqualTo(new AuditDraft(r.at(), "dave", "cli", "maintenance.end", "maintenance/w1", "{\"a\":1}", ""));
        assertThat(store.latest()).isEqualTo(Optional.of(r));
    }

    /** A store whose first checkpoint write fails, as a full disk would. */
    static final class CheckpointFailsOnce implements dev.steward.core.audit.AuditStore {
        private final InMemoryAuditStore inner = new InMemoryAuditStore();
        private boolean broken = true;

        @Override
        public AuditRecord append(AuditDraft draft) {
            return inner.append(draft);
        }

        @Override
        public Optional<AuditRecord> latest() {
            return inner.latest();
        }

        @Override
        public Optional<AuditRecord> get(long seq) {
            return inner.get(seq);
        }

        @Override
        public java.util.List<AuditRecord> all() {
            return inner.all();
        }

        @Override
        public java.util.List<AuditRecord> find(dev.steward.core.audit.AuditQuery query) {
            return inner.find(query);
        }

        @Override
        public void addCheckpoint(Checkpoint checkpoint) {
            if (broken) {
                broken = false;
                throw new IllegalStateException("disk full");
            }
            inner.addCheckpoint(checkpoint);
        }

        @Override
        public java.util.List<Checkpoint> checkpoints() {
            return inner.checkpoints();
        }

        @Override
        public Optional<Checkpoint> latestCheckpoint() {
            return inner.latestCheckpoint();
        }
    }
}
