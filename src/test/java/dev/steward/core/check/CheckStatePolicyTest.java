package dev.steward.core.check;

import static dev.steward.core.check.CheckFixtures.check;
import static dev.steward.core.check.CheckFixtures.failed;
import static dev.steward.core.check.CheckFixtures.passed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.config.CheckConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckStatePolicyTest {
    // 29 February of a leap year, just before midnight: an awkward instant on purpose.
    private static final Instant T0 = Instant.parse("2028-02-29T23:59:58Z");
    private final CheckConfig check = check("api", "health", 3, 2);

    private record Run(CheckState state, List<CheckStatusChanged> events, Duration lastDelay) {}

    private Run run(CheckState start, boolean... outcomes) {
        CheckState state = start;
        List<CheckStatusChanged> events = new ArrayList<>();
        Duration delay = null;
        Instant at = T0;
        for (boolean ok : outcomes) {
            var t = CheckStatePolicy.apply(check, state, ok ? passed(at) : failed(at));
            state = t.state();
            t.event().ifPresent(events::add);
            delay = t.nextDelay();
            at = at.plus(delay);
        }
        return new Run(state, events, delay);
    }

    @Test
    void firstSuccessMakesAnUnknownCheckUpAtOnce() {
        Run r = run(CheckState.Unknown.INITIAL, true);
        assertThat(r.state()).isInstanceOf(CheckState.Up.class);
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.from()).isEqualTo(CheckStatus.UNKNOWN);
            assertThat(e.to()).isEqualTo(CheckStatus.UP);
        });
        assertThat(r.lastDelay()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void goesDownOnlyAfterFailAfterConsecutiveFailuresProbedAtRetryInterval() {
        Run two = run(CheckState.Unknown.INITIAL, true, false, false);
        assertThat(two.state().status()).isEqualTo(CheckStatus.UP);
        assertThat(two.lastDelay()).isEqualTo(Duration.ofSeconds(5));
        Run three = run(CheckState.Unknown.INITIAL, true, false, false, false);
        assertThat(three.state()).isInstanceOf(CheckState.Down.class);
        assertThat(three.events()).extracting(CheckStatusChanged::to).containsExactly(CheckStatus.UP, CheckStatus.DOWN);
        assertThat(three.events().get(1).reason()).isEqualTo("connect: connection refused by 127.0.0.1:1");
        assertThat(three.lastDelay()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aSuccessBetweenFailuresRestartsTheCount() {
        Run r = run(CheckState.Unknown.INITIAL, true, false, false, true, false, false);
        assertThat(r.state().status()).isEqualTo(CheckStatus.UP);
        assertThat(((CheckState.Up) r.state()).failures()).isEqualTo(2);
    }

    @Test
    void recoversOnlyAfterRecoverAfterConsecutiveSuccesses() {
        Run one = run(CheckState.Unknown.INITIAL, false, false, false, true);
        assertThat(one.state().status()).isEqualTo(CheckStatus.DOWN);
        assertThat(one.lastDelay()).isEqualTo(Duration.ofSeconds(5));
        Run flap = run(CheckState.Unknown.INITIAL, false, false, false, true, false, true);
        assertThat(flap.state().status()).isEqualTo(CheckStatus.DOWN);
        Run two = run(CheckState.Unknown.INITIAL, false, false, false, true, true);
        assertThat(two.state().status()).isEqualTo(CheckStatus.UP);
        assertThat(two.events()).extracting(CheckStatusChanged::to).containsExactly(CheckStatus.DOWN, CheckStatus.UP);
    }

    @Test
    void downKeepsItsStartButTracksTheLatestCause() {
        Run r = run(CheckState.Unknown.INITIAL, false, false, false, false);
        CheckState.Down down = (CheckState.Down) r.state();
        assertThat(down.since()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void unknownCheckWithFailuresStaysUnknownUntilConfirmed() {
        Run r = run(CheckState.Unknown.INITIAL, false, false);
        assertThat(r.state())
                .isEqualTo(
                        new CheckState.Unknown(2, r.state() instanceof CheckState.Unknown u ? u.lastFailure() : null));
        assertThat(r.events()).isEmpty();
    }
}
