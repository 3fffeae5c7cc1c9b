package dev.steward.engine;

import static dev.steward.core.outbox.OutboxFixtures.T0;
import static dev.steward.core.outbox.OutboxFixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.core.outbox.ChannelStatus;
import dev.steward.core.outbox.DeliveryError;
import dev.steward.core.outbox.DeliveryState;
import dev.steward.core.outbox.InMemoryOutboxStore;
import dev.steward.core.outbox.OutboxEntry;
import dev.steward.core.outbox.OutboxEvent;
import dev.steward.core.outbox.OutboxSettings;
import dev.steward.core.outbox.OutboxStore;
import dev.steward.notify.Notifier;
import dev.steward.testing.DirectExecutorService;
import dev.steward.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class OutboxLoopTest {
    private final ManualClock clock = new ManualClock(T0);
    private final OutboxStore store = new InMemoryOutboxStore();
    private final SplittableRandom random = new SplittableRandom(7);
    private final List<OutboxEvent> events = new ArrayList<>();

    private OutboxLoop loop(OutboxSettings settings, FakeNotifier... notifiers) {
        Map<String, Notifier> byChannel = new java.util.HashMap<>();
        for (FakeNotifier n : notifiers) {
            byChannel.put(n.channel(), n);
        }
        return new OutboxLoop(
                store,
                clock,
                new DirectExecutorService(),
                c -> Optional.ofNullable(byChannel.get(c)),
                random::nextDouble,
                settings,
                events::add);
    }

    /** Moves the clock from due instant to due instant, running what is due, until nothing is due before {@code end}. */
    static void runUntil(OutboxLoop loop, ManualClock clock, Instant end) {
        for (Optional<Instant> next = loop.nextDue();
                next.isPresent() && !next.get().isAfter(end);
                next = loop.nextDue()) {
            if (next.get().isAfter(clock.instant())) {
                clock.set(next.get());
            }
            loop.runDue(clock.instant());
        }
        clock.set(end);
    }

    static List<OutboxEntry> interleaved(String channel, int incidents, int messages, Instant at) {
        List<OutboxEntry> out = new ArrayList<>();
        for (int n = 1; n <= messages; n++) {
            for (int i = 1; i <= incidents; i++) {
                out.add(entry(channel, "inc-" + i, n, at));
            }
        }
        return out;
    }

    @Test
    void aReceiverDownForFiveMinutesGetsEveryEntryAfterwardsInOrderPerIncident() {
        Instant back = T0.plus(Duration.ofMinutes(5));
        FakeNotifier webhook =
                new FakeNotifier("webhook", clock, at -> at.isBefore(back) ? FakeNotifier.DOWN : FakeNotifier.OK);
        OutboxLoop loop = loop(OutboxSettings.DEFAULT, webhook);

        loop.enqueue(interleaved("webhook", 3, 10, T0));
        runUntil(loop, clock, T0.plus(Duration.ofHours(1)));

        assertThat(webhook.delivered())
                .hasSize(30)
                .allSatisfy(a -> assertThat(a.at()).isAfterOrEqualTo(back));
        for (int i = 1; i <= 3; i++) {
            String incident = "inc-" + i;
            assertThat(webhook.delivered().stream()
                            .filter(a -> a.message().incidentId().equals(incident)))
                    .extracting(a -> a.message().title())
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 10)
                            .mapToObj(n -> "[" + incident + "] message " + n)
                            .toList());
        }
        assertThat(webhook.attempts().stream().filter(a -> a.at().isBefore(back)))
                .extracting(FakeNotifier.Attempt::idempotencyKey)
                .containsOnly("webhook/inc-1/1", "webhook/inc-2/1", "webhook/inc-3/1");
        assertThat(loop.pending()).isEmpty();
        assertThat(loop.status()).singleElement().satisfies(s -> {
            assertThat(s.delivered()).isEqualTo(30);
            assertThat(s.pending()).isZero();
        });
    }

    @Test
    void retriesOfADownReceiverBackOffExponentiallyUpToTheCap() {
        FakeNotifier webhook = new FakeNotifier("webhook", clock, at -> FakeNotifier.DOWN);
        OutboxLoop loop = new OutboxLoop(
                store,
                clock,
                new DirectExecutorService(),
                c -> Optional.of(webhook),
                () -> 1.0,
                OutboxSettings.DEFAULT);

        loop.enqueue(List.of(entry("webhook", "inc-1", 1, T0)));
        runUntil(loop, clock, T0.plus(Duration.ofMinutes(30)));

        List<Duration> gaps = new ArrayList<>();
        List<FakeNotifier.Attempt> attempts = webhook.attempts();
        for (int i = 1; i < attempts.size(); i++) {
            gaps.add(Duration.between(attempts.get(i - 1).at(), attempts.get(i).at()));
        }
        assertThat(gaps.subList(0, 10))
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(16),
                        Duration.ofSeconds(32),
                        Duration.ofSeconds(64),
                        Duration.ofSeconds(128),
                        Duration.ofSeconds(256),
                        Duration.ofMinutes(5));
        assertThat(gaps.subList(9, gaps.size())).containsOnly(Duration.ofMinutes(5));
    }

    @Test
    void aFailureThatCannotBeRetriedIsAbandonedAndACopyGoesToTheFallbackChannel() {
        FakeNotifier slack = new FakeNotifier("slack", clock, at -> FakeNotifier.REJECTED);
        FakeNotifier email = FakeNotifier.up("oncall-email", clock);
        OutboxLoop loop = loop(OutboxSettings.DEFAULT.withFallback("oncall-email", 3), slack, email);

        loop.enqueue(List.of(entry("slack", "inc-1", 1, T0)));
        runUntil(loop, clock, T0.plusSeconds(10));

        assertThat(slack.attempts()).hasSize(1);
        assertThat(email.delivered()).singleElement().satisfies(a -> {
            assertThat(a.idempotencyKey()).isEqualTo("slack/inc-1/1/fallback");
            assertThat(a.message().title()).isEqualTo("[inc-1] message 1");
            assertThat(a.message().detail()).contains("Not delivered to slack (status 400). message number 1");
        });
        assertThat(loop.status())
                .containsExactly(
                        new ChannelStatus("oncall-email", 0, 1, 0, Optional.empty(), Optional.of(T0), Optional.empty()),
                        new ChannelStatus(
                                "slack",
                                0,
                                0,
                                1,
                                Optional.of(new DeliveryError("not retryable: status 400", "invalid payload", T0)),
                                Optional.empty(),
                                Optional.empty()));
        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName() + " " + e.entry().channel())
                .containsExactly(
                        "AttemptFailed slack",
                        "EntryAbandoned slack",
                        "FallbackQueued slack",
                        "EntryDelivered oncall-email");
    }

    @Test
    void aChannelThatKeepsFailingSendsOneFallbackCopyAfterFallbackAfterFailuresAndKeepsTrying() {
        FakeNotifier slack = new FakeNotifier("slack", clock, at -> FakeNotifier.DOWN);
        FakeNotifier email = FakeNotifier.up("oncall-email", clock);
        OutboxLoop loop = loop(OutboxSettings.DEFAULT.withFallback("oncall-email", 3), slack, email);

        loop.enqueue(List.of(entry("slack", "inc-1", 1, T0)));
        runUntil(loop, clock, T0.plus(Duration.ofMinutes(20)));

        assertThat(slack.attempts()).hasSizeGreaterThan(5);
        assertThat(email.delivered())
                .singleElement()
                .satisfies(a ->
                        assertThat(a.at()).isEqualTo(slack.attempts().get(2).at()));
        assertThat(loop.pending()).extracting(OutboxEntry::id).containsExactly("slack/inc-1/1");
    }

    @Test
    void oneChannelDownDoesNotDelayAnother() {
        FakeNotifier slack = new FakeNotifier("slack", clock, at -> FakeNotifier.DOWN);
        FakeNotifier email = FakeNotifier.up("email", clock);
        OutboxLoop loop = loop(OutboxSettings.DEFAULT, slack, email);
        List<OutboxEntry> both = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            both.add(entry("slack", "inc-1", n, T0));
            both.add(entry("email", "inc-1", n, T0));
        }

        loop.enqueue(both);
        runUntil(loop, clock, T0.plus(Duration.ofMinutes(10)));

        assertThat(email.delivered())
                .hasSize(5)
                .allSatisfy(a -> assertThat(a.at()).isEqualTo(T0));
        assertThat(slack.delivered()).isEmpty();
        assertThat(slack.attempts())
                .extracting(FakeNotifier.Attempt::idempotencyKey)
                .containsOnly("slack/inc-1/1");
    }

    @Test
    void anEntryForAnUnknownChannelStaysPendingWithAClearErrorUntilItIsTooOld() {
        OutboxLoop loop = loop(OutboxSettings.DEFAULT.withLimits(1000, Duration.ofHours(1)));

        loop.enqueue(List.of(entry("gone", "inc-1", 1, T0)));
        runUntil(loop, clock, T0.plus(Duration.ofMinutes(30)));

        assertThat(loop.pending())
                .singleElement()
                .satisfies(e -> assertThat(((DeliveryState.Pending) e.state())
                                .lastError()
                                .orElseThrow()
                                .detail())
                        .contains("no notifier is configured for channel 'gone'"));
        assertThat(loop.status().getFirst().lastError())
                .hasValueSatisfying(e -> assertThat(e.reason()).isEqualTo("unknown channel"));

        runUntil(loop, clock, T0.plus(Duration.ofHours(2)));

        assertThat(loop.pending()).isEmpty();
        assertThat(store.history("gone", 1).getFirst().state())
                .isInstanceOfSatisfying(
                        DeliveryState.Abandoned.class,
                        a -> assertThat(a.reason())
                                .startsWith("gave up after PT1H (")
                                .endsWith("attempts): unknown channel"));
    }

    @Test
    void anEntryHasAtMostOneAttemptInFlight() {
        List<Runnable> queued = new ArrayList<>();
        FakeNotifier webhook = FakeNotifier.up("webhook", clock);
        OutboxLoop loop =
                new OutboxLoop(store, clock, queued::add, c -> Optional.of(webhook), () -> 0.5, OutboxSettings.DEFAULT);
        loop.enqueue(List.of(entry("webhook", "inc-1", 1, T0), entry("webhook", "inc-1", 2, T0)));

        assertThat(loop.runDue(T0)).isEqualTo(1);
        assertThat(loop.runDue(T0)).isZero();
        assertThat(loop.nextDue()).isEmpty();

        queued.removeFirst().run();

        assertThat(loop.nextDue()).contains(T0);
        assertThat(loop.runDue(T0)).isEqualTo(1);
        queued.removeFirst().run();
        assertThat(webhook.delivered())
                .extracting(FakeNotifier.Attempt::idempotencyKey)
                .containsExactly("webhook/inc-1/1", "webhook/inc-1/2");
    }

    @Test
    void aNotifierThatThrowsCountsAsARetryableFailure() {
        FakeNotifier broken = new FakeNotifier("webhook", clock, at -> {
            throw new IllegalStateException("bug in formatter");
        });
        OutboxLoop loop = loop(OutboxSettings.DEFAULT, broken);

        loop.enqueue(List.of(entry("webhook", "inc-1", 1, T0)));
        loop.runDue(T0);

        assertThat(((DeliveryState.Pending) loop.pending().getFirst().state()).lastError())
                .hasValueSatisfying(e -> assertThat(e.reason()).isEqualTo("exception"));
    }

    @Test
    void inTheBackgroundAnEnqueueWakesTheLoopWhichDelivers() {
        FakeNotifier webhook = FakeNotifier.up("webhook", clock);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor();
                OutboxLoop loop = new OutboxLoop(
                        store, clock, executor, c -> Optional.of(webhook), () -> 0.5, OutboxSettings.DEFAULT)) {
            loop.start();
            loop.enqueue(interleaved("webhook", 2, 3, T0));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> webhook.delivered().size() == 6);
        }
    }

    @Test
    void anOutcomeThatCannotBeRecordedLeavesTheEntryPendingForALaterAttempt() {
        FakeNotifier webhook = FakeNotifier.up("webhook", clock);
        java.util.concurrent.atomic.AtomicBoolean databaseAway = new java.util.concurrent.atomic.AtomicBoolean(true);
        OutboxStore flaky = new OutboxStore() {
            @Override
            public List<OutboxEntry> enqueue(List<OutboxEntry> entries) {
                return store.enqueue(entries);
            }

            @Override
            public List<OutboxEntry> pending() {
                return store.pending();
            }

            @Override
            public boolean record(String id, DeliveryState state) {
                if (databaseAway.get()) {
                    throw new IllegalStateException("database unavailable");
                }
                return store.record(id, state);
            }

            @Override
            public List<ChannelStatus> status() {
                return store.status();
            }

            @Override
            public List<OutboxEntry> history(String channel, int limit) {
                return store.history(channel, limit);
            }

            @Override
            public int prune(Instant finalBefore) {
                return store.prune(finalBefore);
            }
        };
        OutboxLoop loop = new OutboxLoop(
                flaky,
                clock,
                new DirectExecutorService(),
                c -> Optional.of(webhook),
                () -> 0.5,
                OutboxSettings.DEFAULT);

        loop.enqueue(List.of(entry("webhook", "inc-1", 1, T0)));
        loop.runDue(T0);

        assertThat(loop.pending())
                .singleElement()
                .satisfies(e -> assertThat(e.state())
                        .isEqualTo(new DeliveryState.Pending(0, T0.plusSeconds(1), Optional.empty())));
        assertThat(loop.runDue(T0)).isZero();

        databaseAway.set(false);
        runUntil(loop, clock, T0.plusSeconds(5));

        assertThat(webhook.delivered())
                .extracting(FakeNotifier.Attempt::idempotencyKey)
                .containsExactly("webhook/inc-1/1", "webhook/inc-1/1");
        assertThat(store.history("webhook", 1).getFirst().state())
                .isEqualTo(new DeliveryState.Delivered(T0.plusSeconds(1), 1));
        assertThat(loop.pending()).isEmpty();
    }
}
