package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.deploy.DeploymentEvent;
import dev.steward.core.deploy.StateKind;
import dev.steward.core.deploy.Trigger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeploymentAnnouncementsTest {
    private static final Instant AT = Instant.parse("2028-12-31T23:59:59Z");

    @ParameterizedTest(name = "{0} from {1} to {2}: announced {3}")
    @CsvSource({
        "STARTED, SCHEDULED, CHECKING, true",
        "BEFORE_GATES_PASSED, CHECKING, PROGRESSING, false",
        "STEP_ISSUED, PROGRESSING, PROGRESSING, false",
        "STEP_APPLIED, PROGRESSING, ANALYSING, true",
        "MEASURED, ANALYSING, ANALYSING, false",
        "STEP_PASSED, ANALYSING, PROGRESSING, false",
        "VALIDATED, VALIDATING, SUCCEEDED, true",
        "PROMOTE, VALIDATING, SUCCEEDED, true",
        "CLEANED_UP, SUCCEEDED, SUCCEEDED, false",
        "GATE_FAILED, ANALYSING, ROLLING_BACK, true",
        "ROLLBACK_RETRIED, ROLLING_BACK, ROLLING_BACK, false",
        "ROLLBACK_VERIFIED, ROLLING_BACK, ROLLED_BACK, true",
        "GATE_FAILED, ANALYSING, FROZEN, true",
        "RESTARTED, PROGRESSING, PAUSED, true",
        "ABORT, PAUSED, ABORTED, true",
        "ROLLBACK_FAILED, ROLLING_BACK, FAILED, true",
    })
    void theStartEachStepAppliedAndEachEntryIntoAStatePeopleWantToHearOfAreAnnounced(
            Trigger trigger, StateKind from, StateKind to, boolean announced) {
        DeploymentEvent e = new DeploymentEvent(AT, "steward", trigger, from, to, "why", List.of(), false);

        assertThat(DeploymentAnnouncements.announced(e)).isEqualTo(announced);
    }
}
