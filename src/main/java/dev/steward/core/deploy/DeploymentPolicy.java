package dev.steward.core.deploy;

import dev.steward.core.deploy.DeploymentState.Aborted;
import dev.steward.core.deploy.DeploymentState.Analysing;
import dev.steward.core.deploy.DeploymentState.Checking;
import dev.steward.core.deploy.DeploymentState.Failed;
import dev.steward.core.deploy.DeploymentState.Frozen;
import dev.steward.core.deploy.DeploymentState.Paused;
import dev.steward.core.deploy.DeploymentState.Progressing;
import dev.steward.core.deploy.DeploymentState.RolledBack;
import dev.steward.core.deploy.DeploymentState.RollingBack;
import dev.steward.core.deploy.DeploymentState.Scheduled;
import dev.steward.core.deploy.DeploymentState.Succeeded;
import dev.steward.core.deploy.DeploymentState.Validating;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Steps deployments, pure. A loop drives it: {@link #step} whenever {@link DeploymentStep#nextDueAt} comes (with an
 * {@link Observation} holding the results of {@link #analysisInPlay}'s queries), then saves the deployment, then
 * issues the actuations one by one, handing each result to {@link #actuated} (and saving again). Operator commands go
 * through {@link #command}; after a restart every stored deployment goes through {@link #recover} once.
 */
public final class DeploymentPolicy {
    /** How often blocked before-gates, a held rollback and an unverified rollback are looked at again. */
    public static final Duration RECHECK = Duration.ofSeconds(30);

    private static final int MAX_MOVES_PER_STEP = 16;

    private DeploymentPolicy() {}

    /**
     * A new deployment, scheduled to start at {@code at}. When it starts more than {@code announceAhead} from now, a
     * {@link Trigger#START_NEAR} event is due {@code announceAhead} before the start (zero: none).
     */
    public static Deployment create(
            String id,
            String service,
            String environment,
            String version,
            String stableVersion,
            Map<String, String> labels,
            Plan plan,
            Instant at,
            Duration announceAhead,
            String by,
            Instant now) {
        Instant announceAt = at.minus(announceAhead);
        Optional<Instant> near =
                announceAhead.isPositive() && announceAt.isAfter(now) ? Optional.of(announceAt) : Optional.empty();
        return new Deployment(
                id,
                service,
                environment,
                version,
                stableVersion,
                labels,
                plan,
                now,
                by,
                new Scheduled(at, near),
                0,
                List.of());
    }

    /** A new deployment, scheduled to start at {@code at}, with no advance notice. */
    public static Deployment create(
            String id,
            String service,
            String environment,
            String version,
            String stableVersion,
            Map<String, String> labels,
            Plan plan,
            Instant at,
            String by,
            Instant now) {
        return create(id, service, environment, version, stableVersion, labels, plan, at, Duration.ZERO, by, now);
    }
    /** Advances {@code deployment} as far as {@code observation} and {@code now} allow. */
    public static DeploymentStep step(Deployment deployment, Observation observation, Instant now) {
        Move m = new Move(deployment, now, Deployment.STEWARD);
        for (int i = 0; i < MAX_MOVES_PER_STEP && advance(m, observation); i++) {
            // each pass makes one move; stop when a state waits for time, an actuation or an operator
        }
        return m.done();
    }

    private static boolean advance(Move m, Observation o) {
        return switch (m.state()) {
            case Scheduled s -> {
                // an announcement time that came (late, after downtime, but before the start): announce now
                if (s.announceAt().filter(a -> !m.now().isBefore(a)).isPresent()
                        && m.now().isBefore(s.at())) {
                    m.to(
                            Trigger.START_NEAR,
                            new Scheduled(s.at(), Optional.empty()),
                            "starts at " + s.at() + " (in " + minutesUntil(m.now(), s.at()) + ")");
                    yield true;
                }
                if (m.now().isBefore(s.at())) {
                    yield false;
                }
                m.to(Trigger.STARTED, new Checking(m.now(), Optional.empty()), "start time " + s.at() + " reached");
                yield true;
            }
            case Checking c -> checking(m, c, o);
            case Progressing p -> progressing(m, p);
            case Analysing a -> Judging.analysing(m, a, o);
            case Validating v -> Judging.validating(m, v, o);
            case Succeeded s -> cleanup(m, s);
            case RollingBack r -> Rollbacks.advance(m, r, o);
            case Paused p -> false;
            case Frozen f -> false;
            case RolledBack r -> false;
            case Aborted a -> false;
            case Failed f -> false;
        };
    }

    private static boolean checking(Move m, Checking c, Observation o) {
        List<String> blockers = BeforeGates.blockers(m.plan().before(), o);
        if (blockers.isEmpty()) {
            m.to(Trigger.BEFORE_GATES_PASSED, new Progressing(0, m.now(), 1, Optional.empty()), "before-gates passed");
            return true;
        }
        String reason = String.join("; ", blockers);
        if (!c.blockedBy().equals(Optional.of(reason))) {
            m.to(Trigger.BEFORE_GATES_BLOCKED, new Checking(c.since(), Optional.of(reason)), reason);
        }
        return false;
    }

    private static boolean progressing(Move m, Progressing p) {
        if (p.issuedAt().isPresent()) {
            return false;
        }
        PlanStep s = m.plan().step(p.step());
        m.issue(m.deployment().actuation(s.action(), s.weight(), s.replicas(), p.step()));
        m.to(
                Trigger.STEP_ISSUED,
                new Progressing(p.step(), p.since(), p.attempt(), Optional.of(m.now())),
                "step " + (p.step() + 1) + ": " + describe(s)
                        + (p.attempt() > 1 ? " (attempt " + p.attempt() + ")" : ""));
        return false;
    }

    private static boolean cleanup(Move m, Succeeded s) {
        if (s.cleanupAt().isEmpty() || m.now().isBefore(s.cleanupAt().get())) {
            return false;
        }
        m.issue(m.deployment()
                .actuation(Actuation.Action.CLEANUP, 100, 0, m.plan().steps().size()));
        m.to(Trigger.CLEANUP_ISSUED, new Succeeded(s.at(), Optional.empty()), "the previous version is removed");
        return false;
    }

    /** Takes the provider's answer to the actuation issued last. A result nothing waits for changes nothing. */
    public static DeploymentStep actuated(Deployment deployment, Actuation.Result result, Instant now) {
        Move m = new Move(deployment, now, Deployment.STEWARD);
        switch (deployment.state()) {
            case Progressing p when p.issuedAt().isPresent() -> stepResult(m, p, result);
            case RollingBack r
            when r.issuedAt().isPresent() && r.appliedAt().isEmpty() -> Rollbacks.result(m, r, result);
            case Succeeded s -> {
                switch (result) {
                    case Actuation.Result.Applied a -> m.to(Trigger.CLEANED_UP, s, "cleaned up: " + a.output());
                    case Actuation.Result.Failed f ->
                        m.to(Trigger.CLEANUP_FAILED, s, "cleanup failed: " + f.reason(), List.of(), true);
                }
            }
            default -> {}
        }
        return m.done();
    }

    private static void stepResult(Move m, Progressing p, Actuation.Result result) {
        PlanStep s = m.plan().step(p.step());
        switch (result) {
            case Actuation.Result.Applied a -> {
                Optional<Instant> pauseUntil = switch (s.pause()) {
                    case Pause.For f -> Optional.of(m.now().plus(f.duration()));
                    case Pause.UntilPromoted u -> Optional.empty();
                };
                AnalysisRun run =
                        AnalysisRun.startingAt(m.now().plus(s.analysis().interval()));
                m.to(
                        Trigger.STEP_APPLIED,
                        new Analysing(p.step(), m.now(), pauseUntil, run),
                        "step " + (p.step() + 1) + " applied in " + a.took().toMillis() + " ms");
            }
            case Actuation.Result.Failed f
            when f.retryable() && p.attempt() < Plan.MAX_ATTEMPTS ->
                m.to(
                        Trigger.STEP_RETRIED,
                        new Progressing(p.step(), p.since(), p.attempt() + 1, Optional.empty()),
                        "step " + (p.step() + 1) + " failed, will retry: " + f.reason());
            case Actuation.Result.Failed f ->
                Judging.failed(
                        m,
                        Trigger.STEP_FAILED,
                        p.step(),
                        "step " + (p.step() + 1) + " failed after " + p.attempt() + " attempt(s): " + f.reason(),
                        List.of());
        }
    }

    /** After a restart: resumes what is clear, pauses and pages a step whose outcome is unknown. */
    public static DeploymentStep recover(Deployment deployment, Instant now) {
        Move m = new Move(deployment, now, Deployment.STEWARD);
        switch (deployment.state()) {
            case Progressing p
            when p.issuedAt().isPresent() ->
                m.to(
                        Trigger.RESTARTED,
                        new Paused(
                                DeploymentState.Resume.STEP, p.step(), unknownOutcome(m, p), Deployment.STEWARD, now),
                        unknownOutcome(m, p),
                        List.of(),
                        true);
            case RollingBack r
            when r.appliedAt().isEmpty() ->
                m.to(
                        Trigger.RESTARTED,
                        new RollingBack(
                                r.reason(),
                                r.measurements(),
                                r.since(),
                                r.attempt(),
                                Optional.empty(),
                                Optional.empty()),
                        "restarted during the rollback: it is issued again");
            case Succeeded s
            when s.cleanupAt().isPresent() ->
                m.to(
                        Trigger.RESTARTED,
                        s,
                        "restarted: the previous version's cleanup stays due at "
                                + s.cleanupAt().get());
            default -> {
                if (!deployment.kind().terminal()) {
                    m.to(Trigger.RESTARTED, deployment.state(), "restarted: resumed as it was");
                }
            }
        }
        return m.done();
    }

    private static String unknownOutcome(Move m, Progressing p) {
        PlanStep s = m.plan().step(p.step());
        return "restarted while step " + (p.step() + 1) + " (" + describe(s) + ") was in flight since "
                + p.issuedAt().orElseThrow() + ": its outcome is unknown; resume issues it again, promote takes it as"
                + " done, rollback or abort";
    }

    /** An operator's command, checked against the transition table. */
    public static CommandOutcome command(
            Deployment deployment, Trigger command, String by, String reason, Instant now) {
        return OperatorCommands.apply(deployment, command, by, reason, now);
    }

    /** The analysis whose queries the next {@link #step} needs answered, if any. */
    public static Optional<AnalysisTemplate> analysisInPlay(Deployment deployment) {
        return switch (deployment.state()) {
            case Analysing a -> Optional.of(deployment.plan().step(a.step()).analysis());
            case Validating v -> Optional.of(deployment.plan().validationAnalysis());
            default -> Optional.empty();
        };
    }

    /** Whether the deployment has passed a step that pauses until promoted, and waits for {@link Trigger#PROMOTE}. */
    public static boolean awaitingPromotion(Deployment deployment) {
        return deployment.state() instanceof Analysing a
                && a.pauseUntil().isEmpty()
                && a.run().withData()
                        >= deployment.plan().step(a.step()).analysis().minSamples();
    }

    /** When {@link #step} should be called next; empty while waiting for an actuation or an operator, or when done. */
    public static Optional<Instant> nextDueAt(Deployment deployment, Instant now) {
        return switch (deployment.state()) {
            case Scheduled s ->
                Optional.of(s.announceAt().filter(a -> a.isBefore(s.at())).orElse(s.at()));
            // not yet looked at (just started, promoted or resumed): now; blocked: again in a while
            case Checking c -> Optional.of(c.blockedBy().isEmpty() ? now : now.plus(RECHECK));
            case Progressing p -> p.issuedAt().isPresent() ? Optional.empty() : Optional.of(now);
            // a pause or window that ran out without enough samples waits for the next measurement, not for itself
            case Analysing a ->
                Optional.of(earliest(a.run().nextAt(), a.pauseUntil().filter(now::isBefore)));
            case Validating v ->
                Optional.of(earliest(v.run().nextAt(), Optional.of(v.until()).filter(now::isBefore)));
            case Succeeded s -> s.cleanupAt();
            case RollingBack r -> Rollbacks.nextDueAt(deployment, r, now);
            case Paused p -> Optional.empty();
            case Frozen f -> Optional.empty();
            case RolledBack r -> Optional.empty();
            case Aborted a -> Optional.empty();
            case Failed f -> Optional.empty();
        };
    }

    /** "30 min", "2 h 5 min", "45 s": how far {@code at} is from {@code now}, to the nearest minute from 90 s. */
    public static String minutesUntil(Instant now, Instant at) {
        Duration d = Duration.between(now, at);
        if (d.isNegative() || d.isZero()) {
            return "0 s";
        }
        if (d.compareTo(Duration.ofSeconds(90)) < 0) {
            return d.toSeconds() + " s";
        }
        long minutes = d.plusSeconds(30).toMinutes(); // to the nearest minute: a step runs a little after its time
        return minutes >= 60
                ? minutes / 60 + " h" + (minutes % 60 > 0 ? " " + minutes % 60 + " min" : "")
                : minutes + " min";
    }

    private static Instant earliest(Instant a, Optional<Instant> b) {
        return b.filter(x -> x.isBefore(a)).orElse(a);
    }

    /** Where a deployment goes once step {@code step} passed: the next step, or validation after the last. */
    static DeploymentState after(Plan plan, int step, Instant now) {
        if (plan.last(step)) {
            return new Validating(
                    now,
                    now.plus(plan.validation()),
                    AnalysisRun.startingAt(now.plus(plan.validationAnalysis().interval())));
        }
        return new Progressing(step + 1, now, 1, Optional.empty());
    }

    static Succeeded succeeded(Plan plan, Instant now) {
        return new Succeeded(now, plan.cleanup() ? Optional.of(now.plus(plan.keepWarm())) : Optional.empty());
    }

    static String describe(PlanStep s) {
        return switch (s.action()) {
            case DEPLOY ->
                s.replicas() > 0 ? "deploy " + s.replicas() + " replica(s)" : "deploy, " + s.weight() + "% of traffic";
            case SET_WEIGHT -> "send " + s.weight() + "% of traffic";
            case SCALE_CANARY -> "scale the canary to " + s.replicas() + " replica(s)";
            case SWITCH -> "switch all traffic";
            case PROMOTE -> "promote to 100%";
            case ROLLBACK -> "roll back";
            case CLEANUP -> "clean up";
        };
    }
}
