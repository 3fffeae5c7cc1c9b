package dev.steward.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    // the last seconds of a leap day
    private static final Instant T0 = Instant.parse("2028-02-29T23:59:58Z");
    private final LoginThrottle throttle = new LoginThrottle(LoginThrottle.Settings.DEFAULT);

    @Test
    void theFirstFiveFailuresAreFreeThenEachDoublesTheWait() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user:ann", T0);
        }
        assertThat(throttle.blockedUntil("user:ann", T0)).isEmpty();
        throttle.failed("user:ann", T0);
        assertThat(throttle.blockedUntil("user:ann", T0)).contains(T0.plusSeconds(1));
        assertThat(throttle.blockedUntil("user:ann", T0.plusSeconds(1))).isEmpty();
        throttle.failed("user:ann", T0.plusSeconds(1));
        assertThat(throttle.blockedUntil("user:ann", T0.plusSeconds(1))).contains(T0.plusSeconds(3));
        assertThat(throttle.blockedUntil("user:bob", T0.plusSeconds(1))).isEmpty();
    }

    @Test
    void theWaitIsCappedAtFifteenMinutes() {
        assertThat(throttle.delay(5)).isZero();
        assertThat(throttle.delay(8)).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.delay(20)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.delay(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aSuccessClearsTheKey() {
        for (int i = 0; i < 7; i++) {
            throttle.failed("user:ann", T0);
        }
        throttle.succeeded("user:ann");
        assertThat(throttle.blockedUntil("user:ann", T0)).isEmpty();
    }

    @Test
    void aKeyQuietForLongStartsOver() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("user:ann", T0);
        }
        Instant later = T0.plus(Duration.ofMinutes(31));
        throttle.failed("user:ann", later);
        assertThat(throttle.blockedUntil("user:ann", later)).isEmpty();
    }

    @Test
    void memoryStaysBoundedUnderManyKeys() {
        LoginThrottle small =
                new LoginThrottle(new LoginThrottle.Settings(5, Duration.ofSeconds(1), Duration.ofMinutes(15), 100));
        for (int i = 0; i < 1000; i++) {
            small.failed("addr:10.0.0." + i, T0.plusMillis(i));
        }
        assertThat(small.size()).isLessThanOrEqualTo(100);
        assertThat(small.blockedUntil("addr:10.0.0.999", T0.plusMillis(999))).isEmpty(); // counted, not yet blocked
    }
}
