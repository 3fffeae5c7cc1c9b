package dev.steward.core.deploy;

import dev.steward.core.deploy.Actuation.Action;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Compiles a service's {@link DeployConfig} and the stack's {@link DeploySettings} into a {@link Plan}. */
public final class Plans {
    /** The analysis of a step no template judges: health checks only, one measurement. */
    public static final AnalysisTemplate HEALTH_ONLY =
            new AnalysisTemplate("health", List.of(), List.of(), AnalysisTemplate.DEFAULT_INTERVAL, 0, 1, 4, 10, 1);

    private Plans() {}

    public static Plan compile(DeployConfig config, DeploySettings settings) {
        Gates g = config.gates();
        AnalysisTemplate validation = combine(g.afterAnalysis().stream().toList(), config, settings);
        return switch (config.strategy()) {
            case Strategy.Rolling r -> rolling(r, config, settings, validation);
            case Strategy.BlueGreen b -> {
                AnalysisTemplate during = combine(g.during(), config, settings);
                List<PlanStep> steps = List.of(
                        new PlanStep(Action.DEPLOY, 0, 0, Pause.NONE, during, false),
                        new PlanStep(Action.SWITCH, 100, 0, Pause.NONE, during, false));
                yield new Plan(
                        steps, g.before(), g.validation(), validation, b.keepWarm(), true, g.rollbackCapacity(), "");
            }
            case Strategy.Canary c -> canary(c, config, settings, validation);
        };
    }

    private static Plan rolling(
            Strategy.Rolling r, DeployConfig config, DeploySettings settings, AnalysisTemplate validation) {
        AnalysisTemplate during = combine(config.gates().during(), config, settings);
        List<PlanStep> steps = new ArrayList<>();
        for (int i = 1; i <= r.batches(); i++) {
            Pause pause = i == r.batches() ? Pause.NONE : new Pause.For(r.pause());
            steps.add(new PlanStep(Action.DEPLOY, Math.round(i * 100f / r.batches()), 0, pause, during, false));
        }
        return plan(steps, config, validation, false);
    }

    private static Plan canary(
            Strategy.Canary c, DeployConfig config, DeploySettings settings, AnalysisTemplate validation) {
        List<PlanStep> steps = new ArrayList<>();
        List<String> during = config.gates().during();
        for (CanaryStep s : c.steps()) {
            List<String> names = new ArrayList<>(during);
            s.analysis().filter(a -> !names.contains(a)).ifPresent(names::add);
            Action action = steps.isEmpty()
                    ? Action.DEPLOY
                    : s.replicas().isPresent() ? Action.SCALE_CANARY : Action.SET_WEIGHT;
            steps.add(new PlanStep(
                    action,
                    s.weight().orElse(0),
                    s.replicas().orElse(0),
                    s.pause(),
                    combine(names, config, settings),
                    s.irreversible()));
        }
        steps.add(new PlanStep(Action.PROMOTE, 100, 0, Pause.NONE, combine(during, config, settings), false));
        return plan(steps, config, validation, true);
    }

    /** A plan that keeps nothing warm after success; {@code cleanup}: whether it leaves something to remove. */
    private static Plan plan(List<PlanStep> steps, DeployConfig config, AnalysisTemplate validation, boolean cleanup) {
        Gates g = config.gates();
        return new Plan(
                steps, g.before(), g.validation(), validation, Duration.ZERO, cleanup, g.rollbackCapacity(), "");
    }

    /** The named templates as one: metrics and gates together, the shortest interval, the strictest limits. */
    static AnalysisTemplate combine(List<String> names, DeployConfig config, DeploySettings settings) {
        if (names.isEmpty()) {
            return HEALTH_ONLY;
        }
        List<AnalysisTemplate> templates =
                names.stream().map(n -> resolve(n, config, settings)).toList();
        if (templates.size() == 1) {
            return templates.getFirst();
        }
        List<AnalysisMetric> metrics = new ArrayList<>();
        List<StatisticalGate> statistical = new ArrayList<>();
        templates.forEach(t -> {
            metrics.addAll(t.metrics());
            statistical.addAll(t.statistical());
        });
        return new AnalysisTemplate(
                String.join("+", names),
                metrics,
                statistical,
                templates.stream()
                        .map(AnalysisTemplate::interval)
                        .min(Duration::compareTo)
                        .orElseThrow(),
                templates.stream()
                        .mapToInt(AnalysisTemplate::failureLimit)
                        .min()
                        .orElseThrow(),
                templates.stream()
                        .mapToInt(AnalysisTemplate::inconclusiveLimit)
                        .min()
                        .orElseThrow(),
                templates.stream().mapToInt(AnalysisTemplate::errorLimit).min().orElseThrow(),
                templates.stream()
                        .mapToInt(AnalysisTemplate::insufficientLimit)
                        .min()
                        .orElseThrow(),
                templates.stream().mapToInt(AnalysisTemplate::minSamples).max().orElseThrow());
    }

    private static AnalysisTemplate resolve(String name, DeployConfig config, DeploySettings settings) {
        return Optional.ofNullable(config.analyses().get(name))
                .or(() -> Optional.ofNullable(settings.analyses().get(name)))
                .orElseThrow(() -> new IllegalArgumentException("no analysis template named " + name));
    }
}
