package dev.steward.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the transition table happens in a scenario driven by hand (and {@link Move} refuses any move not in
 * the table, so the table is both complete and honest); every command a state does not list is rejected.
 */
class TransitionTableTest {
    private static final Duration I = Drive.INTERVAL;
    private static final Map<String, Supplier<Drive>> RECIPES = recipes();

    static Stream<Transition> rows() {
        return Transitions.TABLE.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyRowOfTheTableHappensInAScenario(Transition row) {
        Supplier<Drive> recipe = RECIPES.get(key(row));
        if (recipe == null) {
            recipe = generic(row);
        }
        assertThat(recipe).as("a scenario for " + key(row)).isNotNull();
        Drive d = recipe.get();
        assertThat(d.deployment.timeline())
                .as("timeline of a scenario for " + key(row))
                .anySatisfy(e -> {
                    assertThat(e.from()).isEqualTo(row.from());
                    assertThat(e.trigger()).isEqualTo(row.trigger());
                    assertThat(e.to()).isEqualTo(row.to());
                    assertThat(e.reason()).isNotBlank();
                });
    }

    static Stream<Arguments> illegalCommands() {
        return Stream.of(StateKind.values())
                .flatMap(s -> Stream.of(Trigger.values())
                        .filter(Trigger::command)
                        .filter(c -> !Transitions.commandsIn(s).contains(c))
                        .map(c -> Arguments.of(s, c)));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("illegalCommands")
    void aCommandTheStateDoesNotListIsRejectedWithTheStateAndTheLegalCommands(StateKind state, Trigger command) {
        Drive d = reach(state);
        List<DeploymentEvent> before = d.deployment.timeline();
        CommandOutcome outcome = d.command(command);
        assertThat(outcome).isInstanceOfSatisfying(CommandOutcome.Rejected.class, r -> {
            assertThat(r.state()).isEqualTo(state);
            assertThat(r.reason()).contains("cannot " + command.label()).contains("it is " + state.label());
        });
        assertThat(d.deployment.timeline()).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void rollingBackASucceededCanaryIsRejectedBecauseNothingIsKeptWarm() {
        Drive d = new Drive().succeeded();
        assertThat(d.command(Trigger.ROLLBACK))
                .isInstanceOfSatisfying(
                        CommandOutcome.Rejected.class,
                        r -> assertThat(r.reason()).contains("no longer kept"));
    }

    /** Drives a deployment into {@code state}. */
    static Drive reach(StateKind state) {
        return switch (state) {
            case SCHEDULED -> new Drive();
            case CHECKING -> new Drive().checking();
            case PROGRESSING -> new Drive().progressing();
            case ANALYSING -> new Drive().analysing();
            case PAUSED -> new Drive().paused();
            case VALIDATING -> new Drive().validating();
            case SUCCEEDED -> Drive.blueGreen().blueGreenSucceeded();
            case ROLLING_BACK -> new Drive().rollingBack();
            case ROLLED_BACK -> {
                Drive d = new Drive().rollingBack();
                d.actuated(Drive.APPLIED);
                d.after(I).step(Drive.GOOD);
                yield d;
            }
            case FROZEN -> new Drive(true).frozen();
            case ABORTED -> {
                Drive d = new Drive().analysing();
                d.command(Trigger.ABORT);
                yield d;
            }
            case FAILED -> {
                Drive d = new Drive().rollingBack();
                d.actuated(Drive.BROKEN);
                yield d;
            }
        };
    }

    private static Supplier<Drive> generic(Transition row) {
        if (row.trigger() == Trigger.RESTARTED && row.from() == row.to()) {
            return () -> {
                Drive d = reach(row.from());
                d.recover();
                return d;
            };
        }
        if (row.trigger().command()) {
            return () -> {
                Drive d = reach(row.from());
                d.command(row.trigger());
                return d;
            };
        }
        return null;
    }

    private static String key(Transition t) {
        return t.from() + " " + t.trigger() + " " + t.to();
    }

    private static void put(
            Map<String, Supplier<Drive>> m, StateKind from, Trigger t, StateKind to, Supplier<Drive> r) {
        m.put(from + " " + t + " " + to, r);
    }

    private static Map<String, Supplier<Drive>> recipes() {
        Map<String, Supplier<Drive>> m = new HashMap<>();
        put(m, StateKind.SCHEDULED, Trigger.STARTED, StateKind.CHECKING, () -> new Drive().checking());
        put(m, StateKind.SCHEDULED, Trigger.START_NEAR, StateKind.SCHEDULED, () -> {
            Drive d = Drive.scheduled(Duration.ofMinutes(30));
            d.after(Duration.ofMinutes(30)).step(Drive.GOOD);
            return d;
        });
        put(m, StateKind.CHECKING, Trigger.BEFORE_GATES_BLOCKED, StateKind.CHECKING, () -> new Drive().checking());
        put(m, StateKind.CHECKING, Trigger.BEFORE_GATES_PASSED, StateKind.PROGRESSING, () -> new Drive().progressing());
        put(m, StateKind.PROGRESSING, Trigger.STEP_ISSUED, StateKind.PROGRESSING, () -> new Drive().progressing());
        put(
                m,
                StateKind.PROGRESSING,
                Trigger.STEP_RETRIED,
                StateKind.PROGRESSING,
                () -> act(new Drive().progressing(), Drive.RETRYABLE));
        put(m, StateKind.PROGRESSING, Trigger.STEP_APPLIED, StateKind.ANALYSING, () -> new Drive().analysing());
        put(
                m,
                StateKind.PROGRESSING,
                Trigger.STEP_FAILED,
                StateKind.ROLLING_BACK,
                () -> act(new Drive().progressing(), Drive.BROKEN));
        put(
                m,
                StateKind.PROGRESSING,
                Trigger.STEP_FAILED,
                StateKind.FROZEN,
                () -> act(new Drive(true).progressing(), Drive.BROKEN));
        put(
                m,
                StateKind.ANALYSING,
                Trigger.MEASURED,
                StateKind.ANALYSING,
                () -> see(new Drive().analysing(), Drive.GOOD));
        put(m, StateKind.ANALYSING, Trigger.GATE_FAILED, StateKind.ROLLING_BACK, () -> new Drive().rollingBack());
        put(m, StateKind.ANALYSING, Trigger.GATE_FAILED, StateKind.FROZEN, () -> new Drive(true).frozen());
        put(
                m,
                StateKind.ANALYSING,
                Trigger.ANALYSIS_INCONCLUSIVE,
                StateKind.PAUSED,
                () -> see(new Drive().analysing(), Drive.UNCLEAR));
        put(
                m,
                StateKind.ANALYSING,
                Trigger.QUERY_ERRORS_REPEATED,
                StateKind.PAUSED,
                () -> see(see(new Drive().analysing(), Drive.ERROR), Drive.ERROR));
        put(
                m,
                StateKind.ANALYSING,
                Trigger.DATA_INSUFFICIENT,
                StateKind.PAUSED,
                () -> see(new Drive().analysing(), Drive.NO_DATA));
        put(
                m,
                StateKind.ANALYSING,
                Trigger.STEP_PASSED,
                StateKind.PROGRESSING,
                () -> new Drive().analysing().passStep());
        put(m, StateKind.ANALYSING, Trigger.STEP_PASSED, StateKind.VALIDATING, () -> new Drive().validating());
        put(m, StateKind.ANALYSING, Trigger.STEP_PASSED, StateKind.ANALYSING, () -> new Drive().awaitingPromotion());
        put(
                m,
                StateKind.VALIDATING,
                Trigger.MEASURED,
                StateKind.VALIDATING,
                () -> see(new Drive().validating(), Drive.GOOD));
        put(
                m,
                StateKind.VALIDATING,
                Trigger.GATE_FAILED,
                StateKind.ROLLING_BACK,
                () -> see(new Drive().validating(), Drive.BAD));
        put(
                m,
                StateKind.VALIDATING,
                Trigger.GATE_FAILED,
                StateKind.FROZEN,
                () -> see(new Drive(true).validating(), Drive.BAD));
        put(
                m,
                StateKind.VALIDATING,
                Trigger.ANALYSIS_INCONCLUSIVE,
                StateKind.PAUSED,
                () -> see(new Drive().validating(), Drive.UNCLEAR));
        put(
                m,
                StateKind.VALIDATING,
                Trigger.QUERY_ERRORS_REPEATED,
                StateKind.PAUSED,
                () -> see(see(new Drive().validating(), Drive.ERROR), Drive.ERROR));
        put(
                m,
                StateKind.VALIDATING,
                Trigger.DATA_INSUFFICIENT,
                StateKind.PAUSED,
                () -> see(new Drive().validating(), Drive.NO_DATA));
        put(m, StateKind.VALIDATING, Trigger.VALIDATED, StateKind.SUCCEEDED, () -> new Drive().succeeded());
        put(m, StateKind.SUCCEEDED, Trigger.CLEANUP_ISSUED, StateKind.SUCCEEDED, () -> new Drive().succeeded());
        put(
                m,
                StateKind.SUCCEEDED,
                Trigger.CLEANED_UP,
                StateKind.SUCCEEDED,
                () -> act(new Drive().succeeded(), Drive.APPLIED));
        put(
                m,
                StateKind.SUCCEEDED,
                Trigger.CLEANUP_FAILED,
                StateKind.SUCCEEDED,
                () -> act(new Drive().succeeded(), Drive.BROKEN));
        put(
                m,
                StateKind.ROLLING_BACK,
                Trigger.ROLLBACK_HELD,
                StateKind.ROLLING_BACK,
                () -> see(new Drive().analysing(), Drive.BAD.withStableCapacity(new Observation.Capacity(1, 3))));
        put(
                m,
                StateKind.ROLLING_BACK,
                Trigger.ROLLBACK_ISSUED,
                StateKind.ROLLING_BACK,
                () -> new Drive().rollingBack());
        put(
                m,
                StateKind.ROLLING_BACK,
                Trigger.ROLLBACK_RETRIED,
                StateKind.ROLLING_BACK,
                () -> act(new Drive().rollingBack(), Drive.RETRYABLE));
        put(
                m,
                StateKind.ROLLING_BACK,
                Trigger.ROLLBACK_APPLIED,
                StateKind.ROLLING_BACK,
                () -> act(new Drive().rollingBack(), Drive.APPLIED));
        put(
                m,
                StateKind.ROLLING_BACK,
                Trigger.ROLLBACK_VERIFIED,
                StateKind.ROLLED_BACK,
                () -> reach(StateKind.ROLLED_BACK));
        put(m, StateKind.ROLLING_BACK, Trigger.ROLLBACK_FAILED, StateKind.FAILED, () -> reach(StateKind.FAILED));
        put(m, StateKind.PROGRESSING, Trigger.RESTARTED, StateKind.PROGRESSING, () -> {
            Drive d = act(new Drive().progressing(), Drive.RETRYABLE);
            d.recover();
            return d;
        });
        put(m, StateKind.PROGRESSING, Trigger.RESTARTED, StateKind.PAUSED, () -> {
            Drive d = new Drive().progressing();
            d.recover();
            return d;
        });
        put(
                m,
                StateKind.ANALYSING,
                Trigger.PROMOTE,
                StateKind.VALIDATING,
                () -> command(new Drive().lastStep(), Trigger.PROMOTE));
        put(
                m,
                StateKind.PAUSED,
                Trigger.PROMOTE,
                StateKind.PROGRESSING,
                () -> command(new Drive().paused(), Trigger.PROMOTE));
        put(
                m,
                StateKind.PAUSED,
                Trigger.PROMOTE,
                StateKind.VALIDATING,
                () -> command(command(new Drive().lastStep(), Trigger.PAUSE), Trigger.PROMOTE));
        put(
                m,
                StateKind.PAUSED,
                Trigger.PROMOTE,
                StateKind.SUCCEEDED,
                () -> command(command(new Drive().validating(), Trigger.PAUSE), Trigger.PROMOTE));
        put(
                m,
                StateKind.FROZEN,
                Trigger.PROMOTE,
                StateKind.VALIDATING,
                () -> command(see(new Drive(true).lastStep(), Drive.BAD), Trigger.PROMOTE));
        put(
                m,
                StateKind.PAUSED,
                Trigger.RESUME,
                StateKind.CHECKING,
                () -> command(command(new Drive().checking(), Trigger.PAUSE), Trigger.RESUME));
        put(m, StateKind.PAUSED, Trigger.RESUME, StateKind.PROGRESSING, () -> {
            Drive d = new Drive().progressing();
            d.recover();
            return command(d, Trigger.RESUME);
        });
        put(
                m,
                StateKind.PAUSED,
                Trigger.RESUME,
                StateKind.VALIDATING,
                () -> command(command(new Drive().validating(), Trigger.PAUSE), Trigger.RESUME));
        return m;
    }

    private static Drive act(Drive d, Actuation.Result r) {
        d.actuated(r);
        return d;
    }

    private static Drive see(Drive d, Observation o) {
        d.after(I).step(o);
        return d;
    }

    private static Drive command(Drive d, Trigger t) {
        d.command(t);
        return d;
    }
}
