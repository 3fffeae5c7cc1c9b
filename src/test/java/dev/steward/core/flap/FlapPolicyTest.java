package dev.steward.core.flap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timelines of check results, one a minute from a leap day, and what flap detection makes of them. */
class FlapPolicyTest {
    private static final Instant T0 = Instant.parse("2028-02-29T23:55:00Z");

    private FlapState state = FlapState.INITIAL;
    private final List<FlapEvent> events = new ArrayList<>();
    private int minute;

    private void results(FlapSettings settings, boolean... changed) {
        for (boolean c : changed) {
            FlapPolicy.Step step = FlapPolicy.next(settings, state, c, T0.plus(Duration.ofMinutes(minute++)));
            state = step.state();
            step.event().ifPresent(events::add);
        }
    }

    private static boolean[] repeat(boolean value, int n) {
        boolean[] out = new boolean[n];
        java.util.Arrays.fill(out, value);
        return out;
    }

    @Test
    void weighsTheOldestChangeZeroPointEightAndEachNewerOneTwoHundredthsMore() {
        assertThat(FlapPolicy.percent(0)).isZero();
        assertThat(FlapPolicy.percent(1)).isCloseTo(100 * 1.18 / 20, within(1e-9)); // the newest
        assertThat(FlapPolicy.percent(1 << 19)).isCloseTo(100 * 0.8 / 20, within(1e-9)); // the oldest
        assertThat(FlapPolicy.percent((1 << 20) - 1)).isCloseTo(99.0, within(1e-9));
    }

    @Test
    void aCheckThatChangesOnEveryOtherResultStartsFlappingOnceAboveThirtyPercent() {
        for (int i = 0; i < 4; i++) {
            results(FlapSettings.ON, true, false);
        }
        // 4 changes at ages 1, 3, 5, 7: (1.16 + 1.12 + 1.08 + 1.04) / 20 = 22 %
        assertThat(state.flapping()).isFalse();
        results(FlapSettings.ON, true, false, true);
        assertThat(state.percent()).isGreaterThan(30);
        assertThat(events).singleElement().isInstanceOf(FlapEvent.FlappingStarted.class);
        assertThat(((FlapState.Flapping) state).since()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    }

    @Test
    void aFlappingCheckStopsOnlyOnceAtOrBelowTheLowThresholdAndSaysHowLongItFlapped() {
        for (int i = 0; i < 10; i++) {
            results(FlapSettings.ON, true, false);
        }
        assertThat(state.flapping()).isTrue();
        int before = minute;
        while (!events.getLast().getClass().equals(FlapEvent.FlappingStopped.class)) {
            results(FlapSettings.ON, false);
            if (state.flapping()) {
                assertThat(state.percent()).isGreaterThan(25);
            }
        }
        assertThat(minute - before).isLessThan(20);
        assertThat(events).hasSize(2);
        FlapEvent.FlappingStopped stopped = (FlapEvent.FlappingStopped) events.getLast();
        assertThat(stopped.percent()).isLessThanOrEqualTo(25);
        assertThat(stopped.lasted()).isPositive();
        results(FlapSettings.ON, repeat(false, 30));
        assertThat(events).hasSize(2);
    }

    @Test
    void betweenTheThresholdsACheckKeepsWhatItWas() {
        int fiveRecentChanges = 0b1_0101_0101; // ages 0, 2, 4, 6, 8: 27.5 %
        assertThat(FlapPolicy.percent(fiveRecentChanges)).isCloseTo(27.5, within(1e-9));
        FlapPolicy.Step steady = FlapPolicy.next(FlapSettings.ON, new FlapState.Steady(fiveRecentChanges), false, T0);
        assertThat(steady.state().percent()).isCloseTo(27.0, within(1e-9));
        assertThat(steady.state().flapping()).isFalse();
        assertThat(steady.event()).isEmpty();
        FlapPolicy.Step flapping =
                FlapPolicy.next(FlapSettings.ON, new FlapState.Flapping(fiveRecentChanges, T0), false, T0);
        assertThat(flapping.state().flapping()).isTrue();
        assertThat(flapping.event()).isEmpty();
    }

    @Test
    void detectionIsOffByDefaultAndTurningItOffEndsFlapping() {
        results(FlapSettings.OFF, repeat(true, 20));
        assertThat(state.flapping()).isFalse();
        assertThat(state.percent()).isCloseTo(99.0, within(1e-9));
        assertThat(events).isEmpty();
        results(FlapSettings.ON, true);
        assertThat(events).singleElement().isInstanceOf(FlapEvent.FlappingStarted.class);
        results(FlapSettings.OFF, true);
        assertThat(events.getLast()).isInstanceOf(FlapEvent.FlappingStopped.class);
    }

    @Test
    void thresholdsAreCheckedAllAtOnce() {
        assertThat(FlapSettings.problems(0, -1)).hasSize(2);
        assertThat(FlapSettings.problems(20, 25)).singleElement().asString().contains("at most high");
        assertThatThrownBy(() -> new FlapSettings(true, 120, 25)).hasMessageContaining("high: got 120.0");
    }
}
