package dev.steward.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.deploy.Actuation.Action;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Deployments as timelines driven by hand: what is issued, recorded and paged, and when. */
class DeploymentPolicyTest {
    private static final Duration I = Drive.INTERVAL;

    @Test
    void aCanaryIssuesDeployThenEachWeightThenPromotionThenCleanupInOrder() {
        Drive d = new Drive().succeeded();

        assertThat(d.issued)
                .extracting(Actuation::action, Actuation::weightPercent, Actuation::version, Actuation::stableVersion)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Action.DEPLOY, 10, "v2", "v1"),
                        org.assertj.core.groups.Tuple.tuple(Action.SET_WEIGHT, 50, "v2", "v1"),
                        org.assertj.core.groups.Tuple.tuple(Action.PROMOTE, 100, "v2", "v1"),
                        org.assertj.core.groups.Tuple.tuple(Action.CLEANUP, 100, "v2", "v1"));
        assertThat(d.issued).allSatisfy(a -> assertThat(a.labels()).containsEntry("team", "web"));
        assertThat(d.deployment.timeline())
                .filteredOn(e -> e.trigger() == Trigger.MEASURED)
                .allSatisfy(e -> assertThat(e.measurements()).isNotEmpty());
    }

    @Test
    void theRollbackIsIssuedInTheSameStepAsTheFirstFailingMeasurement() {
        Drive d = new Drive().analysing();
        DeploymentStep s = d.after(I).step(Drive.BAD);

        assertThat(s.events())
                .extracting(DeploymentEvent::trigger)
                .containsExactly(Trigger.GATE_FAILED, Trigger.ROLLBACK_ISSUED);
        assertThat(s.events().getFirst().measurements())
                .containsExactly(new Measurement("errors", 0.2, "fails if result > 0.01"));
        assertThat(s.actuations()).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo(Action.ROLLBACK);
            assertThat(a.stableVersion()).isEqualTo("v1");
        });
        assertThat(s.events()).allSatisfy(e -> assertThat(e.at()).isEqualTo(d.now));
    }

    @Test
    void failingHealthChecksRollBackWithoutWaitingForTheNextMeasurement() {
        Drive d = new Drive().analysing();
        DeploymentStep s = d.after(Duration.ofSeconds(5)).step(Drive.UNHEALTHY);

        assertThat(s.events().getFirst().reason()).isEqualTo("health checks failing: api/health");
        assertThat(s.actuations()).extracting(Actuation::action).containsExactly(Action.ROLLBACK);
    }

    @Test
    void theRollbackWaitsForTheStableVersionsCapacityPagingOnceThenGoesWhenItIsBack() {
        Drive d = new Drive().analysing();
        Observation short3 = Drive.BAD.withStableCapacity(new Observation.Capacity(1, 3));
        DeploymentStep held = d.after(I).step(short3);

        assertThat(held.actuations()).isEmpty();
        assertThat(held.pages()).singleElement().satisfies(e -> {
            assertThat(e.trigger()).isEqualTo(Trigger.ROLLBACK_HELD);
            assertThat(e.reason()).contains("1 of 3 instances");
        });
        assertThat(held.nextDueAt()).contains(d.now.plus(DeploymentPolicy.RECHECK));

        DeploymentStep still = d.after(DeploymentPolicy.RECHECK).step(short3);
        assertThat(still.events()).isEmpty();
        assertThat(still.actuations()).isEmpty();

        DeploymentStep back =
                d.after(DeploymentPolicy.RECHECK).step(Drive.BAD.withStableCapacity(new Observation.Capacity(3, 3)));
        assertThat(back.actuations()).extracting(Actuation::action).containsExactly(Action.ROLLBACK);
    }

    @Test
    void aRollbackCountsOnlyOnceHealthChecksPassAfterItSettled() {
        Drive d = new Drive().rollingBack();
        d.actuated(Drive.APPLIED);
        assertThat(d.after(Duration.ofSeconds(10)).step(Drive.GOOD).events()).isEmpty();

        d.after(Duration.ofSeconds(20)).step(Drive.GOOD);

        assertThat(d.kind()).isEqualTo(StateKind.ROLLED_BACK);
        assertThat(d.lastEvent().reason()).isEqualTo("rolled back to v1, health checks pass");
    }

    @Test
    void aRollbackStillUnhealthyAtItsDeadlineFailsAndPages() {
        Drive d = new Drive().rollingBack();
        d.actuated(Drive.APPLIED);
        d.after(Duration.ofMinutes(4)).step(Drive.UNHEALTHY);
        assertThat(d.kind()).isEqualTo(StateKind.ROLLING_BACK);

        DeploymentStep s = d.after(Duration.ofMinutes(1)).step(Drive.UNHEALTHY);

        assertThat(d.kind()).isEqualTo(StateKind.FAILED);
        assertThat(s.pages())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("api/health"));
    }

    @Test
    void aQueryErrorIsNotAFailureAndOnlyErrorsInARowPause() {
        Drive d = new Drive().analysing();
        DeploymentStep first = d.after(I).step(Drive.ERROR);
        assertThat(first.events()).singleElement().satisfies(e -> {
            assertThat(e.trigger()).isEqualTo(Trigger.MEASURED);
            assertThat(e.reason()).startsWith("QueryError").contains("connection refused");
        });
        d.after(I).step(Drive.GOOD);
        d.after(I).step(Drive.ERROR);
        assertThat(d.kind()).isEqualTo(StateKind.ANALYSING);

        DeploymentStep paused = d.after(I).step(Drive.ERROR);

        assertThat(d.kind()).isEqualTo(StateKind.PAUSED);
        assertThat(paused.pages()).singleElement().satisfies(e -> {
            assertThat(e.trigger()).isEqualTo(Trigger.QUERY_ERRORS_REPEATED);
            assertThat(e.reason()).contains("2 errors in a row, limit 1");
        });
        assertThat(d.issued).extracting(Actuation::action).doesNotContain(Action.ROLLBACK);
    }

    @Test
    void insufficientDataPausesAndPagesAndIsNotAFailure() {
        Drive d = new Drive().analysing();
        DeploymentStep s = d.after(I).step(Drive.NO_DATA);

        assertThat(d.deployment.state()).isInstanceOfSatisfying(DeploymentState.Paused.class, p -> {
            assertThat(p.at()).isEqualTo(DeploymentState.Resume.ANALYSING);
            assertThat(p.by()).isEqualTo(Deployment.STEWARD);
        });
        assertThat(s.pages())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("no data"));
        assertThat(s.actuations()).isEmpty();
    }

    @Test
    void anInconclusiveMeasurementBeyondTheLimitPausesAndPages() {
        Drive d = new Drive().analysing();
        DeploymentStep s = d.after(I).step(Drive.UNCLEAR);

        assertThat(s.pages()).singleElement().satisfies(e -> {
            assertThat(e.trigger()).isEqualTo(Trigger.ANALYSIS_INCONCLUSIVE);
            assertThat(e.measurements()).containsExactly(new Measurement("errors", 0.005, "fails if result > 0.01"));
        });
    }

    @Test
    void aStepWhosePauseIsOverStillWaitsForMinSamples() {
        DeployConfig c = Drive.config(false);
        Strategy.Canary shortPause = new Strategy.Canary(List.of(new CanaryStep(
                Optional.of(20), Optional.empty(), new Pause.For(Duration.ofSeconds(10)), Optional.empty(), false)));
        Drive d = new Drive(new DeployConfig(c.provider(), shortPause, c.gates(), c.analyses(), List.of())).analysing();

        d.after(I).step(Drive.GOOD);
        assertThat(d.kind()).isEqualTo(StateKind.ANALYSING);

        d.after(I).step(Drive.GOOD);
        assertThat(d.deployment.timeline()).extracting(DeploymentEvent::trigger).contains(Trigger.STEP_PASSED);
    }

    @Test
    void aStepWaitingForPromotionIsStillJudgedAndRollsBackWhenItsGateFails() {
        Drive d = new Drive().awaitingPromotion();
        d.after(I).step(Drive.GOOD);
        d.after(I).step(Drive.GOOD);
        assertThat(d.deployment.timeline())
                .filteredOn(e -> e.trigger() == Trigger.STEP_PASSED)
                .hasSize(2);
        assertThat(DeploymentPolicy.nextDueAt(d.deployment, d.now)).contains(d.now.plus(I));

        DeploymentStep s = d.after(I).step(Drive.BAD);

        assertThat(s.actuations()).extracting(Actuation::action).containsExactly(Action.ROLLBACK);
        assertThat(DeploymentPolicy.awaitingPromotion(d.deployment)).isFalse();
    }

    @Test
    void aGateFailingInsideTheValidationWindowRollsBack() {
        Drive d = new Drive().validating();
        d.after(I).step(Drive.GOOD);
        DeploymentStep s = d.after(I).step(Drive.BAD);

        assertThat(s.events())
                .extracting(DeploymentEvent::from, DeploymentEvent::trigger)
                .startsWith(org.assertj.core.groups.Tuple.tuple(StateKind.VALIDATING, Trigger.GATE_FAILED));
        assertThat(s.actuations()).extracting(Actuation::action).containsExactly(Action.ROLLBACK);
    }

    @Test
    void afterAnIrreversibleStepAFailingGateFreezesAndPagesInsteadOfRollingBack() {
        Drive d = new Drive(true).analysing();
        DeploymentStep s = d.after(I).step(Drive.BAD);

        assertThat(d.kind()).isEqualTo(StateKind.FROZEN);
        assertThat(s.actuations()).isEmpty();
        assertThat(s.pages())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("irreversible"));
        assertThat(d.after(Duration.ofHours(1)).step(Drive.BAD).events()).isEmpty();
        assertThat(DeploymentPolicy.nextDueAt(d.deployment, d.now)).isEmpty();

        d.command(Trigger.ROLLBACK);
        assertThat(d.step(Drive.BAD).actuations()).extracting(Actuation::action).containsExactly(Action.ROLLBACK);
        assertThat(d.deployment.timeline())
                .filteredOn(e -> e.trigger() == Trigger.ROLLBACK)
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("bob"));
    }

    @Test
    void aRestartWithAStepInFlightPausesAndPagesAndResumeIssuesTheStepAgain() {
        Drive d = new Drive().progressing();
        DeploymentStep r = d.after(Duration.ofMinutes(2)).recover();

        assertThat(r.pages())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("outcome is unknown"));
        assertThat(DeploymentPolicy.nextDueAt(d.deployment, d.now)).isEmpty();

        d.command(Trigger.RESUME);
        DeploymentStep again = d.step(Observation.QUIET);
        assertThat(again.actuations())
                .extracting(Actuation::action, Actuation::weightPercent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Action.DEPLOY, 10));
    }

    @Test
    void aRestartDuringARollbackIssuesItAgain() {
        Drive d = new Drive().rollingBack();
        d.recover();

        assertThat(d.step(Drive.BAD).actuations()).extracting(Actuation::action).containsExactly(Action.ROLLBACK);
    }

    @Test
    void aRestartInTheMiddleOfAnAnalysisResumesItWithItsTally() {
        Drive d = new Drive().analysing();
        d.after(I).step(Drive.GOOD);
        AnalysisRun before = ((DeploymentState.Analysing) d.deployment.state()).run();
        d.recover();

        assertThat(((DeploymentState.Analysing) d.deployment.state()).run()).isEqualTo(before);
        d.after(I).step(Drive.GOOD);
        assertThat(d.issued).extracting(Actuation::action).containsExactly(Action.DEPLOY, Action.SET_WEIGHT);
    }

    @Test
    void retryableActuationFailuresAreRetriedThreeTimesThenTheDeploymentRollsBack() {
        Drive d = new Drive().progressing();
        d.actuated(Drive.RETRYABLE);
        d.step(Observation.QUIET);
        d.actuated(Drive.RETRYABLE);
        d.step(Observation.QUIET);
        DeploymentStep last = d.actuated(Drive.RETRYABLE);

        assertThat(d.issued).extracting(Actuation::action).containsExactly(Action.DEPLOY, Action.DEPLOY, Action.DEPLOY);
        assertThat(last.events().getFirst().reason()).contains("after 3 attempt(s): timeout");
        assertThat(d.kind()).isEqualTo(StateKind.ROLLING_BACK);
    }

    @Test
    void blockedBeforeGatesAreRecordedOnceUntilTheReasonChanges() {
        Drive d = new Drive().checking();
        assertThat(d.after(I).step(Drive.BLOCKED).events()).isEmpty();

        DeploymentStep frozen = d.after(I).step(Observation.QUIET.withFreezingWindow(Optional.of("stack:prod-sunday")));
        assertThat(frozen.events())
                .singleElement()
                .satisfies(e ->
                        assertThat(e.reason()).isEqualTo("deployments frozen by maintenance window stack:prod-sunday"));

        DeploymentStep notPassed = d.after(I).step(Observation.QUIET.withPreviousEnvironmentPassed(false));
        assertThat(notPassed.events().getFirst().reason())
                .isEqualTo("the version has not passed the previous environment");
        assertThat(d.after(I).step(Observation.QUIET).actuations()).hasSize(1);
    }

    @Test
    void blueGreenKeepsBlueWarmAndCleansItUpAfterwards() {
        Drive d = Drive.blueGreen().blueGreenSucceeded();
        assertThat(d.issued).extracting(Actuation::action).containsExactly(Action.DEPLOY, Action.SWITCH);
        assertThat(DeploymentPolicy.nextDueAt(d.deployment, d.now)).contains(d.now.plus(Duration.ofMinutes(10)));

        assertThat(d.after(Duration.ofMinutes(9)).step(Drive.GOOD).actuations()).isEmpty();
        assertThat(d.after(Duration.ofMinutes(1)).step(Drive.GOOD).actuations())
                .extracting(Actuation::action)
                .containsExactly(Action.CLEANUP);
    }

    @Test
    void aPauseThatRanOutWithoutEnoughSamplesIsDueAtTheNextMeasurementNotInThePast() {
        Drive d = new Drive().analysing();
        d.after(Duration.ofMinutes(1)).step(Drive.GOOD);

        assertThat(d.kind()).isEqualTo(StateKind.ANALYSING);
        assertThat(DeploymentPolicy.nextDueAt(d.deployment, d.now)).contains(d.now.plus(I));
    }

    @Test
    void nextDueAtFollowsTheMeasurementsAndThePause() {
        Drive d = new Drive();
        assertThat(DeploymentPolicy.nextDueAt(d.deployment, d.now)).contains(Drive.START.plusSeconds(60));
        d.progressing();
        assertThat(DeploymentPolicy.nextDueAt(d.deployment, d.now)).isEmpty();
        d.actuated(Drive.APPLIED);
        assertThat(DeploymentPolicy.nextDueAt(d.deployment, d.now)).contains(d.now.plus(I));
        assertThat(DeploymentPolicy.analysisInPlay(d.deployment))
                .map(AnalysisTemplate::name)
                .contains("a");
    }

    @Test
    void theDefaultPresetRollsBackOnLatencyErrorsAndTheBusinessMetricAndItsQueriesParse() throws Exception {
        AnalysisTemplate t = GatePresets.defaultAnalysis("api", Optional.of("checkout"));

        assertThat(t.metrics())
                .extracting(AnalysisMetric::name)
                .containsExactly("p95-latency", "error-rate", "checkout-failure-rate");
        for (AnalysisMetric m : t.metrics()) {
            dev.steward.core.promql.parse.Parser.parse(m.query());
        }
        Map<String, QueryResult> slow = Map.of(
                "p95-latency",
                QueryResult.of(2.5),
                "error-rate",
                QueryResult.of(0.001),
                "checkout-failure-rate",
                QueryResult.of(0.0));
        assertThat(AnalysisEvaluator.measure(t, slow, Map.of())).isInstanceOf(GateVerdict.Failed.class);
        Map<String, QueryResult> fine = Map.of(
                "p95-latency",
                QueryResult.of(0.3),
                "error-rate",
                QueryResult.of(0.009),
                "checkout-failure-rate",
                QueryResult.of(0.04));
        assertThat(AnalysisEvaluator.measure(t, fine, Map.of())).isInstanceOf(GateVerdict.Passed.class);
        assertThat(GatePresets.gates("default").validation()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void rollingCompilesToEvenBatchesPausingBetweenThem() {
        DeployConfig c = Drive.config(false);
        Plan p = Plans.compile(
                new DeployConfig(
                        c.provider(),
                        new Strategy.Rolling(4, Duration.ofMinutes(1)),
                        c.gates(),
                        c.analyses(),
                        List.of()),
                DeploySettings.NONE);

        assertThat(p.steps())
                .extracting(PlanStep::action, PlanStep::weight, PlanStep::pause)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Action.DEPLOY, 25, new Pause.For(Duration.ofMinutes(1))),
                        org.assertj.core.groups.Tuple.tuple(Action.DEPLOY, 50, new Pause.For(Duration.ofMinutes(1))),
                        org.assertj.core.groups.Tuple.tuple(Action.DEPLOY, 75, new Pause.For(Duration.ofMinutes(1))),
                        org.assertj.core.groups.Tuple.tuple(Action.DEPLOY, 100, Pause.NONE));
        assertThat(p.cleanup()).isFalse();
    }

    @Test
    void aScheduledDeploymentIsDueAtItsAnnouncementThenAtItsStart() {
        Drive d = Drive.scheduled(Duration.ofMinutes(30));
        java.time.Instant start = Drive.START.plus(Duration.ofHours(1));

        assertThat(DeploymentPolicy.nextDueAt(d.deployment, d.now)).contains(start.minus(Duration.ofMinutes(30)));
        assertThat(d.after(Duration.ofMinutes(29)).step(Drive.GOOD).events()).isEmpty();

        DeploymentStep near = d.after(Duration.ofMinutes(1)).step(Drive.GOOD);
        assertThat(near.events()).singleElement().satisfies(e -> {
            assertThat(e.trigger()).isEqualTo(Trigger.START_NEAR);
            assertThat(e.reason()).isEqualTo("starts at " + start + " (in 30 min)");
            assertThat(e.from()).isEqualTo(StateKind.SCHEDULED);
            assertThat(e.to()).isEqualTo(StateKind.SCHEDULED);
        });
        assertThat(near.actuations()).isEmpty();
        assertThat(DeploymentPolicy.nextDueAt(d.deployment, d.now)).contains(start);
        assertThat(d.after(Duration.ofMinutes(10)).step(Drive.GOOD).events()).isEmpty();

        d.after(Duration.ofMinutes(20)).step(Drive.BLOCKED);
        assertThat(d.deployment.timeline())
                .extracting(DeploymentEvent::trigger)
                .containsExactly(Trigger.START_NEAR, Trigger.STARTED, Trigger.BEFORE_GATES_BLOCKED);
        assertThat(d.kind()).isEqualTo(StateKind.CHECKING);
    }

    @Test
    void aDeploymentScheduledInsideItsNoticeOrWithoutNoticeHasNoStartNearEvent() {
        Drive late = Drive.scheduled(Duration.ofHours(2));
        Drive none = Drive.scheduled(Duration.ZERO);

        for (Drive d : List.of(late, none)) {
            assertThat(((DeploymentState.Scheduled) d.deployment.state()).announceAt())
                    .isEmpty();
            assertThat(DeploymentPolicy.nextDueAt(d.deployment, d.now)).contains(Drive.START.plus(Duration.ofHours(1)));
            d.after(Duration.ofHours(1)).step(Drive.GOOD);
            assertThat(d.deployment.timeline())
                    .extracting(DeploymentEvent::trigger)
                    .containsExactly(Trigger.STARTED, Trigger.BEFORE_GATES_PASSED, Trigger.STEP_ISSUED);
        }
    }

    @Test
    void aLateAnnouncementComesBeforeTheStartAndOneWhoseStartHasPassedIsDropped() {
        Drive late = Drive.scheduled(Duration.ofMinutes(30));
        late.after(Duration.ofMinutes(50)).step(Drive.GOOD); // down from 0:30 to 0:50: ten minutes are left

        assertThat(late.deployment.timeline()).singleElement().satisfies(e -> {
            assertThat(e.trigger()).isEqualTo(Trigger.START_NEAR);
            assertThat(e.reason()).endsWith("(in 10 min)");
        });

        Drive missed = Drive.scheduled(Duration.ofMinutes(30));
        missed.after(Duration.ofHours(2)).step(Drive.BLOCKED); // down past the start: it starts, nothing "starts in"

        assertThat(missed.deployment.timeline())
                .extracting(DeploymentEvent::trigger)
                .containsExactly(Trigger.STARTED, Trigger.BEFORE_GATES_BLOCKED);
    }

    @Test
    void theTimeToTheStartIsSaidToTheNearestMinuteAndInSecondsBelowNinety() {
        java.time.Instant t = Drive.START;
        assertThat(DeploymentPolicy.minutesUntil(t, t.plusSeconds(29 * 60 + 58)))
                .isEqualTo("30 min");
        assertThat(DeploymentPolicy.minutesUntil(t, t.plusSeconds(89))).isEqualTo("89 s");
        assertThat(DeploymentPolicy.minutesUntil(t, t.plusSeconds(2 * 3600 + 5 * 60 + 10)))
                .isEqualTo("2 h 5 min");
        assertThat(DeploymentPolicy.minutesUntil(t, t.plusSeconds(3 * 3600 - 10)))
                .isEqualTo("3 h");
        assertThat(DeploymentPolicy.minutesUntil(t, t.minusSeconds(5))).isEqualTo("0 s");
    }

    @Test
    void promotingAScheduledDeploymentStartsItNowAndARestartKeepsItsSchedule() {
        Drive kept = Drive.scheduled(Duration.ofMinutes(30));
        kept.after(Duration.ofMinutes(5)).recover();
        assertThat(kept.deployment.state())
                .isEqualTo(new DeploymentState.Scheduled(
                        Drive.START.plus(Duration.ofHours(1)),
                        java.util.Optional.of(Drive.START.plus(Duration.ofMinutes(30)))));

        Drive now = Drive.scheduled(Duration.ofMinutes(30));
        now.after(Duration.ofMinutes(5)).command(Trigger.PROMOTE);
        assertThat(now.kind()).isEqualTo(StateKind.CHECKING);
        assertThat(now.lastEvent().actor()).isEqualTo("bob");
        assertThat(now.lastEvent().reason()).isEqualTo("promote by bob");
        now.step(Observation.QUIET);
        assertThat(now.kind()).isEqualTo(StateKind.PROGRESSING);
    }
}
