package dev.steward.api;

import dev.steward.core.deploy.AnalysisRun;
import dev.steward.core.deploy.AnalysisTemplate;
import dev.steward.core.deploy.Deployment;
import dev.steward.core.deploy.DeploymentEvent;
import dev.steward.core.deploy.DeploymentPolicy;
import dev.steward.core.deploy.DeploymentState;
import dev.steward.core.deploy.Measurement;
import dev.steward.core.deploy.Pause;
import dev.steward.core.deploy.PlanStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The JSON shape of a deployment: a summary for lists, and in full with its plan and timeline. */
final class DeploymentJson {
    private DeploymentJson() {}

    static Map<String, Object> summary(Deployment d, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("service", d.service());
        m.put("environment", d.environment());
        m.put("version", d.version());
        m.put("stable_version", d.stableVersion());
        m.put("state", d.kind().label());
        m.put("terminal", d.kind().terminal());
        current(d).ifPresent(s -> m.put("step", s + 1));
        m.put("steps", d.plan().steps().size());
        reason(d.state()).ifPresent(r -> m.put("reason", r));
        if (d.state() instanceof DeploymentState.Scheduled s) {
            m.put("start_at", s.at().toString());
            s.announceAt().ifPresent(a -> m.put("announce_at", a.toString()));
        }
        m.put("awaiting_promotion", DeploymentPolicy.awaitingPromotion(d));
        DeploymentPolicy.nextDueAt(d, now).ifPresent(t -> m.put("next_at", t.toString()));
        m.put("created_at", d.createdAt().toString());
        m.put("created_by", d.createdBy());
        return m;
    }

    static Map<String, Object> full(Deployment d, Instant now) {
        Map<String, Object> m = summary(d, now);
        m.put("labels", d.labels());
        m.put("analysis", analysis(d.state()));
        m.put("plan", plan(d));
        if (!d.plan().traffic().isEmpty()) {
            m.put("traffic", d.plan().traffic());
        }
        d.plan()
                .rollbackCapacity()
                .ifPresent(g -> m.put("rollback_capacity", Map.of("query", g.queryFor(d), "needed", g.needed())));
        List<Object> timeline = new ArrayList<>();
        for (DeploymentEvent e : d.timeline()) {
            timeline.add(event(e));
        }
        m.put("timeline", timeline);
        return m;
    }

    private static Optional<Integer> current(Deployment d) {
        return switch (d.state()) {
            case DeploymentState.Progressing p -> Optional.of(p.step());
            case DeploymentState.Analysing a -> Optional.of(a.step());
            case DeploymentState.Paused p -> Optional.of(p.step());
            case DeploymentState.Frozen f -> Optional.of(f.step());
            default -> Optional.empty();
        };
    }

    private static Optional<String> reason(DeploymentState s) {
        return switch (s) {
            case DeploymentState.Checking c -> c.blockedBy();
            case DeploymentState.Paused p -> Optional.of(p.reason());
            case DeploymentState.Frozen f -> Optional.of(f.reason());
            case DeploymentState.RollingBack r -> Optional.of(r.reason());
            case DeploymentState.RolledBack r -> Optional.of(r.reason());
            case DeploymentState.Aborted a -> Optional.of(a.reason());
            case DeploymentState.Failed f -> Optional.of(f.reason());
            default -> Optional.empty();
        };
    }

    private static Object analysis(DeploymentState s) {
        AnalysisRun run = switch (s) {
            case DeploymentState.Analysing a -> a.run();
            case DeploymentState.Validating v -> v.run();
            default -> null;
        };
        if (run == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("measurements", run.measurements());
        m.put("with_data", run.withData());
        m.put("failures", run.failures());
        m.put("inconclusive", run.inconclusive());
        m.put("insufficient", run.insufficient());
        m.put("errors_in_a_row", run.errorsInARow());
        m.put("next_at", run.nextAt().toString());
        return m;
    }

    private static List<Object> plan(Deployment d) {
        List<Object> out = new ArrayList<>();
        int i = 1;
        for (PlanStep s : d.plan().steps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", i++);
            m.put("action", s.action().name().toLowerCase(Locale.ROOT));
            m.put("weight", s.weight());
            m.put("replicas", s.replicas());
            m.put(
                    "pause",
                    switch (s.pause()) {
                        case Pause.For f -> f.duration().toString();
                        case Pause.UntilPromoted u -> "until_promoted";
                    });
            m.put("analysis", analysisName(s.analysis()));
            m.put("irreversible", s.irreversible());
            out.add(m);
        }
        return out;
    }

    private static String analysisName(AnalysisTemplate t) {
        return t.name();
    }

    private static Map<String, Object> event(DeploymentEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.at().toString());
        m.put("actor", e.actor());
        m.put("trigger", e.trigger().label());
        m.put("from", e.from().label());
        m.put("to", e.to().label());
        m.put("reason", e.reason());
        List<Object> ms = new ArrayList<>();
        for (Measurement x : e.measurements()) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("name", x.name());
            mm.put("value", Double.isFinite(x.value()) ? x.value() : String.valueOf(x.value()));
            mm.put("against", x.against());
            ms.add(mm);
        }
        m.put("measurements", ms);
        m.put("page", e.page());
        return m;
    }
}
