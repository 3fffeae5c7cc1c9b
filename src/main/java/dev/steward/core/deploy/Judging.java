package dev.steward.core.deploy;

import dev.steward.core.deploy.DeploymentState.Analysing;
import dev.steward.core.deploy.DeploymentState.Frozen;
import dev.steward.core.deploy.DeploymentState.Paused;
import dev.steward.core.deploy.DeploymentState.Resume;
import dev.steward.core.deploy.DeploymentState.RollingBack;
import dev.steward.core.deploy.DeploymentState.Validating;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The during- and after-gates: health checks (any failing check fails the gate at once) and the analysis, measured
 * when due. A failing gate rolls back (or freezes after an irreversible step); too many inconclusive measurements,
 * query errors in a row or measurements without data pause and page.
 */
final class Judging {
    private Judging() {}

    /** Returns true when the deployment moved to another state. */
    static boolean analysing(Move m, Analysing a, Observation o) {
        PlanStep step = m.plan().step(a.step());
        if (healthFailed(m, a.step(), o)) {
            return true;
        }
        AnalysisRun run = a.run();
        boolean measuredNow = !m.now().isBefore(run.nextAt());
        if (measuredNow) {
            Optional<Measured> measured = measure(m, step.analysis(), run, o, a.step(), Resume.ANALYSING);
            if (measured.isEmpty()) {
                return true;
            }
            run = measured.get().run();
            m.to(
                    Trigger.MEASURED,
                    new Analysing(a.step(), a.since(), a.pauseUntil(), run),
                    measured.get().reason(),
                    measured.get().measurements(),
                    false);
        }
        boolean enough = run.withData() >= step.analysis().minSamples();
        if (!enough) {
            return false;
        }
        if (a.pauseUntil().isEmpty()) {
            // waits for an operator, still judged; recorded once, when the step first has enough samples
            if (measuredNow && run.withData() == step.analysis().minSamples()) {
                m.to(
                        Trigger.STEP_PASSED,
                        m.state(),
                        "step " + (a.step() + 1) + " passed; it waits to be promoted and is still judged");
            }
            return false;
        }
        if (m.now().isBefore(a.pauseUntil().get())) {
            return false;
        }
        m.to(
                Trigger.STEP_PASSED,
                DeploymentPolicy.after(m.plan(), a.step(), m.now()),
                "step " + (a.step() + 1) + " passed");
        return true;
    }

    static boolean validating(Move m, Validating v, Observation o) {
        int last = m.plan().steps().size() - 1;
        if (healthFailed(m, last, o)) {
            return true;
        }
        AnalysisTemplate analysis = m.plan().validationAnalysis();
        AnalysisRun run = v.run();
        if (!m.now().isBefore(run.nextAt())) {
            Optional<Measured> measured = measure(m, analysis, run, o, last, Resume.VALIDATING);
            if (measured.isEmpty()) {
                return true;
            }
            run = measured.get().run();
            m.to(
                    Trigger.MEASURED,
                    new Validating(v.since(), v.until(), run),
                    measured.get().reason(),
                    measured.get().measurements(),
                    false);
        }
        if (m.now().isBefore(v.until()) || run.withData() < analysis.minSamples()) {
            return false;
        }
        m.to(
                Trigger.VALIDATED,
                DeploymentPolicy.succeeded(m.plan(), m.now()),
                "healthy through the validation window (" + run.withData() + " measurements)");
        return true;
    }

    private static boolean healthFailed(Move m, int step, Observation o) {
        if (o.unhealthy().isEmpty()) {
            return false;
        }
        failed(m, step, "health checks failing: " + String.join(", ", o.unhealthy()), List.of());
        return true;
    }

    private record Measured(AnalysisRun run, String reason, List<Measurement> measurements) {}

    /** The run after one measurement, or empty when the measurement moved the deployment out of its state. */
    private static Optional<Measured> measure(
            Move m, AnalysisTemplate t, AnalysisRun run, Observation o, int step, Resume resume) {
        GateVerdict verdict = AnalysisEvaluator.measure(t, o.metrics(), o.statistical());
        AnalysisRun next = run.after(verdict, m.now().plus(t.interval()));
        List<Measurement> ms = GateVerdict.measurements(verdict);
        String reason = t.name() + ": " + verdict.reason();
        switch (verdict) {
            case GateVerdict.Failed f
            when next.failures() > t.failureLimit() -> {
                failed(m, step, reason + " (" + next.failures() + " failed, limit " + t.failureLimit() + ")", ms);
                return Optional.empty();
            }
            case GateVerdict.Inconclusive i
            when next.inconclusive() > t.inconclusiveLimit() -> {
                pause(m, resume, step, Trigger.ANALYSIS_INCONCLUSIVE, reason, ms);
                return Optional.empty();
            }
            case GateVerdict.QueryError e
            when next.errorsInARow() > t.errorLimit() -> {
                pause(
                        m,
                        resume,
                        step,
                        Trigger.QUERY_ERRORS_REPEATED,
                        reason + " (" + next.errorsInARow() + " errors in a row, limit " + t.errorLimit() + ")",
                        ms);
                return Optional.empty();
            }
            case GateVerdict.InsufficientData d
            when next.insufficient() > t.insufficientLimit() -> {
                pause(
                        m,
                        resume,
                        step,
                        Trigger.DATA_INSUFFICIENT,
                        reason + " (" + next.insufficient() + " measurements without enough data, limit "
                                + t.insufficientLimit() + ")",
                        ms);
                return Optional.empty();
            }
            default -> {
                String verdictName = verdict.getClass().getSimpleName();
                return Optional.of(new Measured(next, verdictName + ": " + reason, ms));
            }
        }
    }

    private static void pause(
            Move m, Resume resume, int step, Trigger trigger, String reason, List<Measurement> measurements) {
        m.to(trigger, new Paused(resume, step, reason, Deployment.STEWARD, m.now()), reason, measurements, true);
    }

    /** A failing gate: frozen after an irreversible step, otherwise rolled back. */
    static void failed(Move m, int step, String reason, List<Measurement> measurements) {
        failed(m, Trigger.GATE_FAILED, step, reason, measurements);
    }

    static void failed(Move m, Trigger trigger, int step, String reason, List<Measurement> measurements) {
        Instant now = m.now();
        if (m.plan().irreversibleThrough(step)) {
            m.to(
                    trigger,
                    new Frozen(step, reason, measurements, now),
                    reason + "; frozen: an irreversible step was taken",
                    measurements,
                    true);
        } else {
            m.to(
                    trigger,
                    new RollingBack(reason, measurements, now, 1, Optional.empty(), Optional.empty()),
                    reason,
                    measurements,
                    false);
        }
    }
}
