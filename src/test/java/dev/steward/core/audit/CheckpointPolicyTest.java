package dev.steward.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckpointPolicyTest {
    final CheckpointPolicy policy = new CheckpointPolicy(3, Duration.ofMinutes(5));
    final List<AuditRecord> log = AuditVerifierTest.log(7);
    final Instant t0 = AuditVerifierTest.T0;

    @Test
    void isDueAfterEveryNRecords() {
        Optional<Checkpoint> atTwo = Optional.of(Checkpoint.sign(log.get(1), t0, AuditVerifierTest.KEY));

        assertThat(policy.isDue(atTwo, log.get(3), t0, t0)).isFalse();
        assertThat(policy.isDue(atTwo, log.get(4), t0, t0)).isTrue();
        assertThat(policy.isDue(Optional.empty(), log.get(2), t0, t0)).isTrue();
    }

    @Test
    void isDueWhenTheOldestUncoveredRecordIsOldEnough() {
        Optional<Checkpoint> atTwo = Optional.of(Checkpoint.sign(log.get(1), t0, AuditVerifierTest.KEY));

        assertThat(policy.isDue(atTwo, log.get(2), t0, t0.plus(Duration.ofMinutes(4))))
                .isFalse();
        assertThat(policy.isDue(atTwo, log.get(2), t0, t0.plus(Duration.ofMinutes(5))))
                .isTrue();
    }

    @Test
    void isNeverDueWhenTheLatestRecordIsCovered() {
        Optional<Checkpoint> atTwo = Optional.of(Checkpoint.sign(log.get(1), t0, AuditVerifierTest.KEY));

        assertThat(policy.isDue(atTwo, log.get(1), t0, t0.plus(Duration.ofDays(1))))
                .isFalse();
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> new CheckpointPolicy(0, Duration.ofMinutes(1)))
                .hasMessageContaining("every 0 records");
        assertThatThrownBy(() -> new CheckpointPolicy(1, Duration.ZERO)).hasMessageContaining("positive");
    }
}
