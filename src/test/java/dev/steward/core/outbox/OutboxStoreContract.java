package dev.steward.core.outbox;

import static dev.steward.core.outbox.OutboxFixtures.T0;
import static dev.steward.core.outbox.OutboxFixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.outbox.DeliveryState.Abandoned;
import dev.steward.core.outbox.DeliveryState.Delivered;
import dev.steward.core.outbox.DeliveryState.Pending;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link OutboxStore} must do; a store's test extends this and says how to make an empty store. */
public abstract class OutboxStoreContract {
    protected abstract OutboxStore emptyStore();

    @Test
    void enqueuedEntriesLoadBackEqualWithIncreasingSequences() {
        OutboxStore store = emptyStore();
        OutboxEntry a = entry("slack", "inc-a", 1, T0);
        OutboxEntry b = entry("mail", "inc-b", 1, T0.plusMillis(1));

        List<OutboxEntry> stored = store.enqueue(List.of(a, b));
        List<OutboxEntry> more = store.enqueue(List.of(entry("slack", "inc-a", 2, T0)));

        assertThat(stored).extracting(OutboxEntry::id).containsExactly(a.id(), b.id());
        assertThat(stored.get(0).sequence())
                .isPositive()
                .isLessThan(stored.get(1).sequence());
        assertThat(more.get(0).sequence()).isGreaterThan(stored.get(1).sequence());
        assertThat(stored.get(0)).isEqualTo(a.withSequence(stored.get(0).sequence()));
        assertThat(store.pending()).containsExactly(stored.get(0), stored.get(1), more.get(0));
    }

    @Test
    void enqueuingAnIdAlreadyStoredKeepsTheStoredEntry() {
        OutboxStore store = emptyStore();
        OutboxEntry first =
                store.enqueue(List.of(entry("slack", "inc-a", 1, T0))).get(0);
        store.record(first.id(), new Delivered(T0.plusSeconds(1), 1));

        List<OutboxEntry> again =
                store.enqueue(List.of(entry("slack", "inc-a", 1, T0), entry("slack", "inc-a", 2, T0)));

        assertThat(again.get(0)).isEqualTo(first.withState(new Delivered(T0.plusSeconds(1), 1)));
        assertThat(store.pending()).extracting(OutboxEntry::id).containsExactly("slack/inc-a/2");
    }

    @Test
    void recordedStatesLoadBackAndOnlyPendingOnesArePending() {
        OutboxStore store = emptyStore();
        List<OutboxEntry> s = store.enqueue(List.of(
                entry("slack", "inc-a", 1, T0), entry("slack", "inc-a", 2, T0), entry("slack", "inc-a", 3, T0)));
        Pending retry = new Pending(
                2,
                T0.plusSeconds(4),
                Optional.of(new DeliveryError("status 503", "Service Unavailable", T0.plusSeconds(2))));

        assertThat(store.record(s.get(0).id(), new Delivered(T0.plusSeconds(1), 1)))
                .isTrue();
        assertThat(store.record(s.get(1).id(), new Abandoned("not retryable: status 400", "bad", 1, T0)))
                .isTrue();
        assertThat(store.record(s.get(2).id(), retry)).isTrue();
        assertThat(store.record("nope", retry)).isFalse();

        assertThat(store.pending()).containsExactly(s.get(2).withState(retry));
        assertThat(store.history("slack", 10))
                .containsExactly(
                        s.get(2).withState(retry),
                        s.get(1).withState(new Abandoned("not retryable: status 400", "bad", 1, T0)),
                        s.get(0).withState(new Delivered(T0.plusSeconds(1), 1)));
        assertThat(store.history("slack", 1)).hasSize(1);
        assertThat(store.history("mail", 10)).isEmpty();
    }

    @Test
    void statusCountsEachChannelsStatesWithItsLatestErrorAndDelivery() {
        OutboxStore store = emptyStore();
        List<OutboxEntry> s = store.enqueue(List.of(
                entry("slack", "inc-a", 1, T0),
                entry("slack", "inc-a", 2, T0.plusSeconds(1)),
                entry("slack", "inc-b", 1, T0.plusSeconds(2)),
                entry("slack", "inc-b", 2, T0.plusSeconds(3)),
                entry("mail", "inc-a", 1, T0)));
        DeliveryError older = new DeliveryError("connect", "refused", T0.plusSeconds(5));
        store.record(s.get(0).id(), new Delivered(T0.plusSeconds(10), 1));
        store.record(s.get(1).id(), new Delivered(T0.plusSeconds(20), 1));
        store.record(s.get(2).id(), new Abandoned("not retryable: status 400", "bad", 1, T0.plusSeconds(30)));
        store.record(s.get(3).id(), new Pending(1, T0.plusSeconds(40), Optional.of(older)));

        assertThat(store.status())
                .containsExactly(
                        new ChannelStatus("mail", 1, 0, 0, Optional.empty(), Optional.empty(), Optional.of(T0)),
                        new ChannelStatus(
                                "slack",
                                1,
                                2,
                                1,
                                Optional.of(new DeliveryError("not retryable: status 400", "bad", T0.plusSeconds(30))),
                                Optional.of(T0.plusSeconds(20)),
                                Optional.of(T0.plusSeconds(3))));
    }

    @Test
    void pruningRemovesOnlyFinalEntriesThatBecameFinalBeforeTheCutoff() {
        OutboxStore store = emptyStore();
        List<OutboxEntry> s = store.enqueue(List.of(
                entry("slack", "inc-a", 1, T0),
                entry("slack", "inc-a", 2, T0),
                entry("slack", "inc-a", 3, T0),
                entry("slack", "inc-a", 4, T0)));
        store.record(s.get(0).id(), new Delivered(T0.plusSeconds(10), 1));
        store.record(s.get(1).id(), new Abandoned("gave up", "", 5, T0.plusSeconds(10)));
        store.record(s.get(2).id(), new Delivered(T0.plusSeconds(100), 1));

        assertThat(store.prune(T0.plusSeconds(50))).isEqualTo(2);

        assertThat(store.history("slack", 10))
                .extracting(OutboxEntry::id)
                .containsExactly(s.get(3).id(), s.get(2).id());
        OutboxEntry next =
                store.enqueue(List.of(entry("slack", "inc-a", 5, T0))).get(0);
        assertThat(next.sequence()).isGreaterThan(s.get(3).sequence());
    }

    @Test
    void anEmptyEnqueueStoresNothing() {
        OutboxStore store = emptyStore();

        assertThat(store.enqueue(List.of())).isEmpty();
        assertThat(store.status()).isEmpty();
    }

    @Test
    void concurrentEnqueuesGetDistinctSequencesAndAllAreStored() throws Exception {
        OutboxStore store = emptyStore();
        int threads = 4;
        int perThread = 20;
        List<Thread> running = new java.util.ArrayList<>();
        java.util.Queue<Throwable> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int t = 0; t < threads; t++) {
            String incident = "inc-" + t;
            running.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int n = 1; n <= perThread; n++) {
                        store.enqueue(List.of(entry("slack", incident, n, T0)));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread t : running) {
            t.join();
        }

        assertThat(failures).isEmpty();
        List<OutboxEntry> pending = store.pending();
        assertThat(pending).hasSize(threads * perThread);
        assertThat(pending).extracting(OutboxEntry::sequence).doesNotHaveDuplicates();
        for (int t = 0; t < threads; t++) {
            String incident = "inc-" + t;
            assertThat(pending.stream().filter(e -> e.orderingKey().equals(incident)))
                    .extracting(e -> e.message().title())
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, perThread)
                            .mapToObj(n -> "[" + incident + "] message " + n)
                            .toList());
        }
    }
}
