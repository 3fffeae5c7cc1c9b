package dev.steward.core.deploy;

import static dev.steward.core.deploy.StateKind.ABORTED;
import static dev.steward.core.deploy.StateKind.ANALYSING;
import static dev.steward.core.deploy.StateKind.CHECKING;
import static dev.steward.core.deploy.StateKind.FAILED;
import static dev.steward.core.deploy.StateKind.FROZEN;
import static dev.steward.core.deploy.StateKind.PAUSED;
import static dev.steward.core.deploy.StateKind.PROGRESSING;
import static dev.steward.core.deploy.StateKind.ROLLED_BACK;
import static dev.steward.core.deploy.StateKind.ROLLING_BACK;
import static dev.steward.core.deploy.StateKind.SCHEDULED;
import static dev.steward.core.deploy.StateKind.SUCCEEDED;
import static dev.steward.core.deploy.StateKind.VALIDATING;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The transition table of a deployment, as data: {@link DeploymentPolicy} refuses to make a move that is not in it,
 * operator commands are legal exactly where a row names them, and {@code docs/deployments-transitions.md} is
 * generated from it (a test fails when the committed file differs).
 */
public final class Transitions {
    public static final List<Transition> TABLE = table();

    private Transitions() {}

    private static List<Transition> table() {
        List<Transition> t = new ArrayList<>();
        steps(t);
        judging(t);
        endings(t);
        restarts(t);
        commands(t);
        return List.copyOf(t);
    }

    /** Starting, and carrying out a step. */
    private static void steps(List<Transition> t) {
        t.add(row(
                SCHEDULED,
                Trigger.START_NEAR,
                SCHEDULED,
                "its announcement time came (announce.ahead before the start): receivers are told"));
        t.add(row(SCHEDULED, Trigger.STARTED, CHECKING, "its start time came"));
        t.add(row(
                CHECKING,
                Trigger.BEFORE_GATES_BLOCKED,
                CHECKING,
                "a before-gate does not hold (recorded when the reason changes)"));
        t.add(row(
                CHECKING,
                Trigger.BEFORE_GATES_PASSED,
                PROGRESSING,
                "checks healthy, no critical incident, no freeze, previous environment passed"));
        t.add(row(PROGRESSING, Trigger.STEP_ISSUED, PROGRESSING, "the step's actuation is handed to the provider"));
        t.add(row(PROGRESSING, Trigger.STEP_RETRIED, PROGRESSING, "the actuation failed, retryable, attempts left"));
        t.add(row(PROGRESSING, Trigger.STEP_APPLIED, ANALYSING, "the provider applied the step"));
        t.add(row(PROGRESSING, Trigger.STEP_FAILED, ROLLING_BACK, "the actuation failed for good"));
        t.add(row(
                PROGRESSING, Trigger.STEP_FAILED, FROZEN, "the actuation failed for good after an irreversible step"));
    }

    /** The during- and after-gates. */
    private static void judging(List<Transition> t) {
        t.add(row(ANALYSING, Trigger.MEASURED, ANALYSING, "a measurement within the limits"));
        t.add(row(
                ANALYSING,
                Trigger.GATE_FAILED,
                ROLLING_BACK,
                "health checks fail, or failed measurements exceed failure_limit"));
        t.add(row(ANALYSING, Trigger.GATE_FAILED, FROZEN, "the same, after an irreversible step"));
        t.add(row(
                ANALYSING,
                Trigger.ANALYSIS_INCONCLUSIVE,
                PAUSED,
                "inconclusive measurements exceed inconclusive_limit (pages)"));
        t.add(row(
                ANALYSING, Trigger.QUERY_ERRORS_REPEATED, PAUSED, "query errors in a row exceed error_limit (pages)"));
        t.add(row(
                ANALYSING,
                Trigger.DATA_INSUFFICIENT,
                PAUSED,
                "measurements without enough data exceed insufficient_limit (pages)"));
        t.add(row(
                ANALYSING,
                Trigger.STEP_PASSED,
                PROGRESSING,
                "min_samples measured, none failing, pause over: next step"));
        t.add(row(ANALYSING, Trigger.STEP_PASSED, VALIDATING, "the same, after the last step"));
        t.add(row(
                ANALYSING,
                Trigger.STEP_PASSED,
                ANALYSING,
                "the same, the step pauses until promoted: it waits for the operator, still judged"));
        t.add(row(VALIDATING, Trigger.MEASURED, VALIDATING, "a measurement within the limits"));
        t.add(row(VALIDATING, Trigger.GATE_FAILED, ROLLING_BACK, "a gate fails inside the validation window"));
        t.add(row(VALIDATING, Trigger.GATE_FAILED, FROZEN, "the same, after an irreversible step"));
        t.add(row(
                VALIDATING,
                Trigger.ANALYSIS_INCONCLUSIVE,
                PAUSED,
                "inconclusive measurements exceed inconclusive_limit (pages)"));
        t.add(row(
                VALIDATING, Trigger.QUERY_ERRORS_REPEATED, PAUSED, "query errors in a row exceed error_limit (pages)"));
        t.add(row(
                VALIDATING,
                Trigger.DATA_INSUFFICIENT,
                PAUSED,
                "measurements without enough data exceed insufficient_limit (pages)"));
    }

    /** Success and rollback. */
    private static void endings(List<Transition> t) {
        t.add(row(VALIDATING, Trigger.VALIDATED, SUCCEEDED, "the window is over, healthy, min_samples measured"));
        t.add(row(SUCCEEDED, Trigger.CLEANUP_ISSUED, SUCCEEDED, "the previous version's keep-warm time is over"));
        t.add(row(SUCCEEDED, Trigger.CLEANED_UP, SUCCEEDED, "the provider removed the previous version"));
        t.add(row(
                SUCCEEDED,
                Trigger.CLEANUP_FAILED,
                SUCCEEDED,
                "the provider could not remove it (pages; the deployment stands)"));
        t.add(row(
                ROLLING_BACK,
                Trigger.ROLLBACK_HELD,
                ROLLING_BACK,
                "the stable version lacks the capacity to take the traffic back (pages once)"));
        t.add(row(ROLLING_BACK, Trigger.ROLLBACK_ISSUED, ROLLING_BACK, "the stable version has the capacity"));
        t.add(row(
                ROLLING_BACK, Trigger.ROLLBACK_RETRIED, ROLLING_BACK, "the rollback failed, retryable, attempts left"));
        t.add(row(ROLLING_BACK, Trigger.ROLLBACK_APPLIED, ROLLING_BACK, "the provider applied the rollback"));
        t.add(row(
                ROLLING_BACK, Trigger.ROLLBACK_VERIFIED, ROLLED_BACK, "health checks pass once the rollback settled"));
        t.add(row(
                ROLLING_BACK,
                Trigger.ROLLBACK_FAILED,
                FAILED,
                "the rollback failed for good, or health is not back by its deadline (pages)"));
    }

    /** What a restart does to each state. */
    private static void restarts(List<Transition> t) {
        for (StateKind s : List.of(SCHEDULED, CHECKING, ANALYSING, PAUSED, VALIDATING, FROZEN)) {
            t.add(row(s, Trigger.RESTARTED, s, "Steward restarted: the state is clear, it resumes"));
        }
        t.add(row(
                PROGRESSING,
                Trigger.RESTARTED,
                PROGRESSING,
                "Steward restarted before the step was issued: it resumes"));
        t.add(row(
                PROGRESSING,
                Trigger.RESTARTED,
                PAUSED,
                "Steward restarted with the step in flight, outcome unknown (pages)"));
        t.add(row(
                ROLLING_BACK,
                Trigger.RESTARTED,
                ROLLING_BACK,
                "Steward restarted: the rollback (idempotent) is issued again"));
        t.add(row(
                SUCCEEDED,
                Trigger.RESTARTED,
                SUCCEEDED,
                "Steward restarted while the previous version is kept warm: its cleanup stays due"));
    }

    private static void commands(List<Transition> t) {
        t.add(row(SCHEDULED, Trigger.PROMOTE, CHECKING, "the operator starts it now: the before-gates are checked"));
        t.add(row(CHECKING, Trigger.PROMOTE, PROGRESSING, "the operator starts despite a blocked before-gate"));
        t.add(row(ANALYSING, Trigger.PROMOTE, PROGRESSING, "the operator passes the step: next step"));
        t.add(row(ANALYSING, Trigger.PROMOTE, VALIDATING, "the operator passes the last step"));
        t.add(row(PAUSED, Trigger.PROMOTE, PROGRESSING, "paused before or in a step: the next step (or the first)"));
        t.add(row(PAUSED, Trigger.PROMOTE, VALIDATING, "paused in or after the last step"));
        t.add(row(PAUSED, Trigger.PROMOTE, SUCCEEDED, "paused while validating: the operator accepts the version"));
        t.add(row(VALIDATING, Trigger.PROMOTE, SUCCEEDED, "the operator ends the validation window early"));
        t.add(row(FROZEN, Trigger.PROMOTE, PROGRESSING, "the operator accepts the frozen step: next step"));
        t.add(row(FROZEN, Trigger.PROMOTE, VALIDATING, "the operator accepts the frozen last step"));
        for (StateKind s : List.of(CHECKING, ANALYSING, VALIDATING)) {
            t.add(row(s, Trigger.PAUSE, PAUSED, "the operator holds it where it is"));
        }
        t.add(row(PAUSED, Trigger.RESUME, CHECKING, "paused before the first step"));
        t.add(row(
                PAUSED, Trigger.RESUME, PROGRESSING, "paused with a step's outcome unknown: the step is issued again"));
        t.add(row(PAUSED, Trigger.RESUME, ANALYSING, "paused in a step: its analysis starts over"));
        t.add(row(PAUSED, Trigger.RESUME, VALIDATING, "paused while validating: the window starts over"));
        t.add(row(FROZEN, Trigger.RESUME, ANALYSING, "the operator has the frozen step judged again"));
        for (StateKind s :
                List.of(SCHEDULED, CHECKING, PROGRESSING, ANALYSING, PAUSED, VALIDATING, ROLLING_BACK, FROZEN)) {
            t.add(row(s, Trigger.ABORT, ABORTED, "the operator stops it; nothing is changed any more"));
        }
        for (StateKind s : List.of(PROGRESSING, ANALYSING, PAUSED, VALIDATING, FROZEN)) {
            t.add(row(s, Trigger.ROLLBACK, ROLLING_BACK, "the operator rolls back"));
        }
        t.add(row(
                SUCCEEDED,
                Trigger.ROLLBACK,
                ROLLING_BACK,
                "the operator rolls back while the previous version is kept warm"));
    }

    private static Transition row(StateKind from, Trigger trigger, StateKind to, String when) {
        return new Transition(from, trigger, to, when);
    }

    public static boolean allows(StateKind from, Trigger trigger, StateKind to) {
        return TABLE.stream().anyMatch(r -> r.from() == from && r.trigger() == trigger && r.to() == to);
    }

    /** The operator commands legal in {@code state}. */
    public static Set<Trigger> commandsIn(StateKind state) {
        Set<Trigger> out = EnumSet.noneOf(Trigger.class);
        TABLE.stream().filter(r -> r.from() == state && r.trigger().command()).forEach(r -> out.add(r.trigger()));
        return out;
    }

    /** The table as the markdown of {@code docs/deployments-transitions.md}. */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Deployment state transitions\n\n")
                .append("Generated from `dev.steward.core.deploy.Transitions` by `TransitionTableDocTest`;")
                .append(" do not edit by hand.\n")
                .append("Commands (promote, pause, resume, abort, rollback) are legal exactly where a row names them;")
                .append(" any other command is rejected with the state and the commands it takes.\n")
                .append("Terminal states: succeeded (except for its cleanup and a rollback while the previous")
                .append(" version is kept warm), rolled-back, aborted, failed.\n\n")
                .append("| from | trigger | kind | to | when |\n|---|---|---|---|---|\n");
        for (Transition r : TABLE) {
            md.append("| ")
                    .append(r.from().label())
                    .append(" | ")
                    .append(r.trigger().label())
                    .append(" | ")
                    .append(r.trigger().command() ? "command" : "event")
                    .append(" | ")
                    .append(r.to().label())
                    .append(" | ")
                    .append(r.when())
                    .append(" |\n");
        }
        return md.toString();
    }
}
