package dev.steward.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link AuditStore} must do; a store's test extends this and says how to make an empty store. */
public abstract class AuditStoreContract {
    static final Instant T0 = Instant.parse("2026-12-31T23:59:58.5Z");
    static final byte[] KEY = "contract-key".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    protected abstract AuditStore emptyStore();

    static AuditDraft draft(int i, String actor, String action, String target) {
        return new AuditDraft(
                T0.plus(Duration.ofSeconds(i)),
                actor,
                "192.0.2." + i,
                action,
                target,
                "",
                "{\"note\":\"ünïcode ✓ " + i + "\",\"quote\":\"'\\\"\"}");
    }

    @Test
    void appendedRecordsLoadBackExactlyAndChained() {
        AuditStore store = emptyStore();
        AuditRecord a = store.append(draft(1, "alice", "incident.ack", "incident/inc-1"));
        AuditRecord b = store.append(draft(2, "bob", "silence.create", "silence/s-1"));

        assertThat(a)
                .isEqualTo(AuditChain.append(Optional.empty(), draft(1, "alice", "incident.ack", "incident/inc-1")));
        assertThat(b.seq()).isEqualTo(2);
        assertThat(b.prevHash()).isEqualTo(a.hash());
        assertThat(store.all()).containsExactly(a, b);
        assertThat(store.latest()).contains(b);
        assertThat(store.get(1)).contains(a);
        assertThat(store.get(3)).isEmpty();
        assertThat(AuditVerifier.verify(store.all(), store.checkpoints(), KEY).intact())
                .isTrue();
    }

    @Test
    void anEmptyStoreHasNoLatestRecordNorCheckpoint() {
        AuditStore store = emptyStore();

        assertThat(store.latest()).isEmpty();
        assertThat(store.all()).isEmpty();
        assertThat(store.latestCheckpoint()).isEmpty();
        assertThat(store.find(AuditQuery.latest(10))).isEmpty();
    }

    @Test
    void findFiltersAndPagesNewestFirst() {
        AuditStore store = emptyStore();
        for (int i = 1; i <= 9; i++) {
            store.append(draft(
                    i,
                    i % 3 == 0 ? "bob" : "alice",
                    i % 2 == 0 ? "incident.ack" : "silence.create",
                    i % 2 == 0 ? "incident/inc-" + i : "silence/s-" + i));
        }

        assertThat(store.find(AuditQuery.latest(3)))
                .extracting(AuditRecord::seq)
                .containsExactly(9L, 8L, 7L);
        assertThat(store.find(query(
                        Optional.of("bob"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())))
                .extracting(AuditRecord::seq)
                .containsExactly(9L, 6L, 3L);
        assertThat(store.find(query(
                        Optional.empty(),
                        Optional.of("incident.ack"),
                        Optional.of("incident/"),
                        Optional.of(T0.plusSeconds(4)),
                        Optional.empty())))
                .extracting(AuditRecord::seq)
                .containsExactly(8L, 6L, 4L);
        assertThat(store.find(query(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("silence/s-"),
                        Optional.empty(),
                        Optional.of(7L))))
                .extracting(AuditRecord::seq)
                .containsExactly(5L, 3L, 1L);
        assertThat(store.find(new AuditQuery(
                        Optional.of("alice"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(5L),
                        2)))
                .extracting(AuditRecord::seq)
                .containsExactly(4L, 2L);
    }

    @Test
    void aTargetPrefixIsLiteralNotAPattern() {
        AuditStore store = emptyStore();
        store.append(draft(1, "alice", "silence.create", "silence/a_b%"));
        store.append(draft(2, "alice", "silence.create", "silence/axbz"));

        assertThat(store.find(query(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("silence/a_b%"),
                        Optional.empty(),
                        Optional.empty())))
                .extracting(AuditRecord::seq)
                .containsExactly(1L);
    }

    static AuditQuery query(
            Optional<String> actor,
            Optional<String> action,
            Optional<String> target,
            Optional<Instant> since,
            Optional<Long> before) {
        return new AuditQuery(actor, action, target, since, before, 100);
    }

    @Test
    void checkpointsLoadBackBySequenceAndASecondOneForTheSameSequenceIsIgnored() {
        AuditStore store = emptyStore();
        AuditRecord a = store.append(draft(1, "alice", "config.reload", "config"));
        AuditRecord b = store.append(draft(2, "alice", "config.reload", "config"));
        Checkpoint cb = Checkpoint.sign(b, T0.plusSeconds(60), KEY);
        Checkpoint ca = Checkpoint.sign(a, T0.plusSeconds(30), KEY);

        store.addCheckpoint(cb);
        store.addCheckpoint(ca);
        store.addCheckpoint(Checkpoint.sign(b, T0.plusSeconds(90), KEY));

        assertThat(store.checkpoints()).containsExactly(ca, cb);
        assertThat(store.latestCheckpoint()).contains(cb);
        assertThat(AuditVerifier.verify(store.all(), store.checkpoints(), KEY).lastCheckpoint())
                .contains(cb);
    }

    @Test
    void concurrentAppendsFormOneUnbrokenChain() throws Exception {
        AuditStore store = emptyStore();
        List<Callable<Void>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writers.add(() -> {
                for (int i = 0; i < 10; i++) {
                    store.append(draft(i, "writer-" + writer, "incident.ack", "incident/x"));
                }
                return null;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<Void> f : pool.invokeAll(writers)) {
                f.get();
            }
        }

        List<AuditRecord> all = store.all();
        assertThat(all).hasSize(40);
        assertThat(AuditVerifier.verify(all, List.of(), KEY).problems()).isEmpty();
    }
}
