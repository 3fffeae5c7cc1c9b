package dev.steward.engine;

import static dev.steward.core.check.CheckFixtures.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.check.CheckStatus;
import dev.steward.core.check.CheckStatusChanged;
import dev.steward.core.config.CheckConfig;
import dev.steward.core.config.CheckId;
import dev.steward.core.config.ProbeSpec;
import dev.steward.core.config.ServiceConfig;
import dev.steward.core.config.StackConfig;
import dev.steward.core.expect.Observation;
import dev.steward.core.expect.Value;
import dev.steward.core.probe.Failure;
import dev.steward.core.probe.FailureKind;
import dev.steward.core.probe.ProbeObservation;
import dev.steward.core.probe.Prober;
import dev.steward.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CheckLoopTest {
    private static final Instant T0 = Instant.parse("2026-10-25T00:59:50Z"); // an hour before clocks go back in EU
    private final ManualClock clock = new ManualClock(T0);
    private final Map<String, Boolean> healthy = new ConcurrentHashMap<>();
    private final List<String> probed = Collections.synchronizedList(new ArrayList<>());
    private final List<CheckStatusChanged> events = Collections.synchronizedList(new ArrayList<>());

    private final Prober<ProbeSpec> prober = (spec, timeout) -> {
        String name = spec.target().substring(spec.target().lastIndexOf('/') + 1);
        probed.add(name);
        return healthy.getOrDefault(name, true)
                ? ProbeObservation.answered(
                        Duration.ofMillis(5),
                        Observation.builder().fact("status", Value.num(200)).build())
                : ProbeObservation.failed(Duration.ofMillis(1), Failure.of(FailureKind.CONNECT, "refused"));
    };

    private CheckLoop loop(java.util.concurrent.Executor executor) {
        ResultSink sink = (c, r, s, change) -> change.ifPresent(events::add);
        return new CheckLoop(clock, clock::nanos, prober, executor, List.of(sink), new SchedulerStats());
    }

    private static StackConfig stack(CheckConfig... checks) {
        Map<String, List<CheckConfig>> byService = new LinkedHashMap<>();
        for (CheckConfig c : checks) {
            byService.computeIfAbsent(c.service(), k -> new ArrayList<>()).add(c);
        }
        Map<String, ServiceConfig> services = new LinkedHashMap<>();
        byService.forEach((name, list) ->
                services.put(name, new ServiceConfig(name, "", List.of(), Map.of(), list, Optional.empty())));
        return new StackConfig("test", services, List.of());
    }

    /** Moves the clock to each due instant in turn until {@code until}, running what is due. */
    private void runUntil(CheckLoop loop, Instant until) {
        while (true) {
            Optional<Instant> next = loop.nextDue();
            if (next.isEmpty() || next.get().isAfter(until)) {
                clock.set(until);
                return;
            }
            clock.set(next.get());
            loop.runDue(next.get());
        }
    }

    @Test
    void probesEachCheckAtItsPhaseThenEveryInterval() {
        CheckLoop loop = loop(Runnable::run);
        loop.configure(stack(check("api", "a"), check("api", "b")), T0);
        assertThat(loop.runDue(T0.minusMillis(1))).isZero();
        runUntil(loop, T0.plusSeconds(95));
        // 30 s interval: each check runs 3 or 4 times in 95 s depending on its phase
        assertThat(probed.stream().filter("a"::equals).count()).isBetween(3L, 4L);
        assertThat(loop.snapshot().get(new CheckId("api", "a")).state().status())
                .isEqualTo(CheckStatus.UP);
    }

    @Test
    void aFailingCheckIsRetriedAtRetryIntervalAndGoesDownAfterThreeFailures() {
        CheckLoop loop = loop(Runnable::run);
        loop.configure(stack(check("api", "a")), T0);
        runUntil(loop, T0.plusSeconds(31));
        healthy.put("a", false);
        Instant firstFailure = loop.nextDue().orElseThrow();
        runUntil(loop, firstFailure);
        assertThat(loop.nextDue()).contains(firstFailure.plusSeconds(5));
        runUntil(loop, firstFailure.plusSeconds(10));
        assertThat(events).extracting(CheckStatusChanged::to).containsExactly(CheckStatus.UP, CheckStatus.DOWN);
        assertThat(events.get(1).at()).isEqualTo(firstFailure.plusSeconds(10));
    }

    @Test
    void aReloadKeepsTheStateOfUnchangedChecksAndResetsChangedOnes() {
        CheckLoop loop = loop(Runnable::run);
        CheckConfig a = check("api", "a");
        CheckConfig b = check("api", "b");
        loop.configure(stack(a, b), T0);
        runUntil(loop, T0.plusSeconds(31));
        Instant aDue = loop.snapshot().get(a.id()).nextDue().orElseThrow();

        CheckConfig bChanged = check("api", "b", 5, 2);
        loop.configure(stack(a, bChanged, check("db", "c")), clock.instant());

        var snapshot = loop.snapshot();
        assertThat(snapshot.get(a.id()).state().status()).isEqualTo(CheckStatus.UP);
        assertThat(snapshot.get(a.id()).nextDue()).contains(aDue);
        assertThat(snapshot.get(b.id()).state().status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(snapshot.get(b.id()).config().failAfter()).isEqualTo(5);
        assertThat(snapshot).containsKey(new CheckId("db", "c"));

        loop.configure(stack(a), clock.instant());
        assertThat(loop.snapshot()).containsOnlyKeys(a.id());
    }

    @Test
    void aHangingTargetDoesNotDelayTheOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch othersDone = new CountDownLatch(20);
        Prober<ProbeSpec> hanging = (spec, timeout) -> {
            if (spec.target().endsWith("/hang")) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return ProbeObservation.answered(
                    Duration.ofMillis(1),
                    Observation.builder().fact("status", Value.num(200)).build());
        };
        List<CheckConfig> checks = new ArrayList<>();
        checks.add(check("slow", "hang"));
        for (int i = 0; i < 20; i++) {
            checks.add(check("fast", "c" + i));
        }
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            ResultSink sink = (c, r, s, change) -> {
                if (c.service().equals("fast")) {
                    othersDone.countDown();
                }
            };
            CheckLoop loop = new CheckLoop(clock, clock::nanos, hanging, executor, List.of(sink), new SchedulerStats());
            try {
                loop.configure(stack(checks.toArray(CheckConfig[]::new)), T0);
                clock.set(T0.plusSeconds(30));
                assertThat(loop.runDue(T0.plusSeconds(30))).isEqualTo(21);
                assertThat(othersDone.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(loop.snapshot().get(new CheckId("slow", "hang")).running())
                        .isTrue();
                // the hanging check is not started again while its probe is in flight; the others are due later
                assertThat(loop.runDue(T0.plusSeconds(59))).isZero();
                assertThat(loop.runDue(T0.plusSeconds(60))).isEqualTo(20);
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void aWakeUpThatCameBeforeTheSchedulerWaitsEndsItsNextWaitAtOnce() throws Exception {
        CheckLoop loop = loop(Runnable::run);
        loop.wakeUp(); // e.g. an actuation finished while the scheduler was still running its pass

        // without the kept wake-up this would wait the full ten minutes; the guard only turns a hang into a failure
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> loop.awaitNext(Duration.ofMinutes(10)));
    }
}
