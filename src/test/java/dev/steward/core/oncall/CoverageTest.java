package dev.steward.core.oncall;

import static dev.steward.core.oncall.OnCallFixture.oncall;
import static dev.steward.core.oncall.RotationTest.z;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The coverage report over a horizon. */
class CoverageTest {

    @Test
    void reportsUnreachablePeopleScheduleGapsAndLevelsThatReachNobody() {
        List<CoverageProblem> problems =
                Coverage.report(oncall(Map.of()), z("2026-11-01T00:00:00Z"), z("2026-11-15T00:00:00Z"));

        Interval beforeStart = new Interval(z("2026-11-01T00:00:00Z"), z("2026-11-02T08:00:00Z"));
        assertThat(problems)
                .containsExactly(
                        new CoverageProblem.Unreachable("mia"),
                        new CoverageProblem.ScheduleGap("primary", beforeStart),
                        // api: mia cannot be reached, and the schedule has nobody before its first hand-off
                        new CoverageProblem.LevelUncovered("api", 0, beforeStart),
                        new CoverageProblem.LevelUncovered("primary", 0, beforeStart));
    }

    @Test
    void aFullyCoveredHorizonHasNoProblemsApartFromUnreachablePeople() {
        List<CoverageProblem> problems =
                Coverage.report(oncall(Map.of()), z("2026-11-28T23:00:00Z"), z("2027-01-01T23:00:00Z"));

        assertThat(problems).containsExactly(new CoverageProblem.Unreachable("mia"));
    }

    @Test
    void referencesToThingsNotConfiguredAreReportedForConfigurationsBuiltInCode() {
        EscalationPolicy broken = new EscalationPolicy(
                "broken",
                List.of(new EscalationPolicy.Level(
                        Duration.ofMinutes(5), List.of(new Target.Schedule("nope"), new Target.Person("ghost")))),
                0);
        OnCall oncall = new OnCall(
                Map.of(),
                Map.of(),
                Map.of("broken", broken),
                Map.of("critical", new Severity("critical", Duration.ofMinutes(5), "missing")),
                Optional.of("critical"),
                Map.of("api", ServiceEscalation.forAll("gone")),
                Set.of());

        List<CoverageProblem> problems = Coverage.report(oncall, z("2026-01-01T00:00:00Z"), z("2026-01-02T00:00:00Z"));

        assertThat(problems)
                .containsExactly(
                        new CoverageProblem.UnknownReference("escalation policy broken", "schedule", "nope"),
                        new CoverageProblem.UnknownReference("escalation policy broken", "person", "ghost"),
                        new CoverageProblem.UnknownReference("severity critical", "escalation policy", "missing"),
                        new CoverageProblem.UnknownReference("service api", "escalation policy", "gone"),
                        new CoverageProblem.LevelUncovered(
                                "broken", 0, new Interval(z("2026-01-01T00:00:00Z"), z("2026-01-02T00:00:00Z"))));
    }
}
