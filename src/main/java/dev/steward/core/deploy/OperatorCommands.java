package dev.steward.core.deploy;

import dev.steward.core.deploy.DeploymentState.Aborted;
import dev.steward.core.deploy.DeploymentState.Analysing;
import dev.steward.core.deploy.DeploymentState.Checking;
import dev.steward.core.deploy.DeploymentState.Frozen;
import dev.steward.core.deploy.DeploymentState.Paused;
import dev.steward.core.deploy.DeploymentState.Progressing;
import dev.steward.core.deploy.DeploymentState.Resume;
import dev.steward.core.deploy.DeploymentState.RollingBack;
import dev.steward.core.deploy.DeploymentState.Scheduled;
import dev.steward.core.deploy.DeploymentState.Succeeded;
import dev.steward.core.deploy.DeploymentState.Validating;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Promote, pause, resume, abort and rollback, each first checked against {@link Transitions#TABLE}. */
final class OperatorCommands {
    private OperatorCommands() {}

    static CommandOutcome apply(Deployment d, Trigger command, String by, String reason, Instant now) {
        if (!command.command()) {
            throw new IllegalArgumentException(command + " is an event, not an operator command");
        }
        if (!Transitions.commandsIn(d.kind()).contains(command)) {
            String legal = Transitions.commandsIn(d.kind()).stream()
                    .map(Trigger::label)
                    .collect(Collectors.joining(", "));
            return new CommandOutcome.Rejected(
                    d.id(),
                    command,
                    d.kind(),
                    "cannot " + command.label() + " deployment " + d.id() + ": it is "
                            + d.kind().label()
                            + (legal.isEmpty()
                                    ? ", which takes no command"
                                    : "; in that state it only takes: " + legal));
        }
        if (command == Trigger.ROLLBACK
                && d.state() instanceof Succeeded s
                && s.cleanupAt().isEmpty()) {
            return new CommandOutcome.Rejected(
                    d.id(),
                    command,
                    d.kind(),
                    "cannot roll back deployment " + d.id() + ": it succeeded and the previous version is no longer"
                            + " kept; deploy " + d.stableVersion() + " instead");
        }
        Move m = new Move(d, now, by);
        String why = reason.isBlank() ? command.label() + " by " + by : command.label() + " by " + by + ": " + reason;
        m.to(command, next(d, command, by, why, now), why);
        return new CommandOutcome.Applied(m.done());
    }

    private static DeploymentState next(Deployment d, Trigger command, String by, String why, Instant now) {
        Plan plan = d.plan();
        return switch (command) {
            case PROMOTE -> promote(d, now);
            case PAUSE ->
                switch (d.state()) {
                    case Checking c -> new Paused(Resume.CHECKING, 0, why, by, now);
                    case Analysing a -> new Paused(Resume.ANALYSING, a.step(), why, by, now);
                    default -> new Paused(Resume.VALIDATING, plan.steps().size() - 1, why, by, now);
                };
            case RESUME -> resume(d, now);
            case ABORT -> new Aborted(now, by, why);
            case ROLLBACK -> new RollingBack(why, List.of(), now, 1, Optional.empty(), Optional.empty());
            default -> throw new IllegalArgumentException(command.toString());
        };
    }

    private static DeploymentState promote(Deployment d, Instant now) {
        Plan plan = d.plan();
        return switch (d.state()) {
            case Scheduled s -> new Checking(now, Optional.empty());
            case Checking c -> new Progressing(0, now, 1, Optional.empty());
            case Analysing a -> DeploymentPolicy.after(plan, a.step(), now);
            case Frozen f -> DeploymentPolicy.after(plan, f.step(), now);
            case Validating v -> DeploymentPolicy.succeeded(plan, now);
            case Paused p ->
                switch (p.at()) {
                    case CHECKING -> new Progressing(0, now, 1, Optional.empty());
                    case STEP, ANALYSING -> DeploymentPolicy.after(plan, p.step(), now);
                    case VALIDATING -> DeploymentPolicy.succeeded(plan, now);
                };
            default -> throw new IllegalStateException("promote is not legal in " + d.kind());
        };
    }

    private static DeploymentState resume(Deployment d, Instant now) {
        Plan plan = d.plan();
        return switch (d.state()) {
            case Frozen f -> analysing(plan, f.step(), now);
            case Paused p ->
                switch (p.at()) {
                    case CHECKING -> new Checking(now, Optional.empty());
                    case STEP -> new Progressing(p.step(), now, 1, Optional.empty());
                    case ANALYSING -> analysing(plan, p.step(), now);
                    case VALIDATING ->
                        new Validating(
                                now,
                                now.plus(plan.validation()),
                                AnalysisRun.startingAt(
                                        now.plus(plan.validationAnalysis().interval())));
                };
            default -> throw new IllegalStateException("resume is not legal in " + d.kind());
        };
    }

    /** A step's analysis from the start; its pause (if timed) counts again from now. */
    private static Analysing analysing(Plan plan, int step, Instant now) {
        PlanStep s = plan.step(step);
        Optional<Instant> pauseUntil = switch (s.pause()) {
            case Pause.For f -> Optional.of(now.plus(f.duration()));
            case Pause.UntilPromoted u -> Optional.empty();
        };
        return new Analysing(
                step,
                now,
                pauseUntil,
                AnalysisRun.startingAt(now.plus(s.analysis().interval())));
    }
}
