package dev.steward.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.expect.Observation;
import dev.steward.core.probe.FailureKind;
import dev.steward.core.probe.ProbeObservation;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimeBoxTest {
    static final Duration LIMIT = Duration.ofMillis(300);

    @Test
    void abandonsWorkThatOutlivesTheLimitAndClosesWhatItRegistered() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        long start = System.nanoTime();

        ProbeObservation result = TimeBox.run("test", "db:5432", LIMIT, start, abort -> {
            abort.onAbandon(closed::countDown);
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ProbeObservation.answered(Duration.ZERO, Observation.EMPTY);
        });

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(result.failure()).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(f.message()).isEqualTo("no answer from db:5432 within 300 ms");
        });
        assertThat(took).isGreaterThanOrEqualTo(LIMIT).isLessThan(LIMIT.plus(Duration.ofMillis(150)));
        assertThat(closed.await(1, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void returnsTheWorksOwnResultWhenItIsInTime() {
        ProbeObservation answered = ProbeObservation.answered(Duration.ofMillis(3), Observation.EMPTY);

        assertThat(TimeBox.run("test", "db:5432", LIMIT, System.nanoTime(), abort -> answered))
                .isSameAs(answered);
    }

    @Test
    void classifiesWhatTheWorkThrows() {
        ProbeObservation result = TimeBox.run("test", "db:5432", LIMIT, System.nanoTime(), abort -> {
            throw new IllegalStateException(new ConnectException("Connection refused"));
        });

        assertThat(result.failure())
                .hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(FailureKind.CONNECT));
    }
}
