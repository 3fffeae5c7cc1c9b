package dev.steward.actuate.proxy;

import dev.steward.actuate.command.CommandActuator;
import dev.steward.actuate.command.CommandConfig;
import dev.steward.actuate.command.CommandTemplate;
import dev.steward.core.deploy.Actuation;
import dev.steward.core.deploy.Actuation.Action;
import dev.steward.core.deploy.Actuation.Result;
import dev.steward.core.deploy.Actuator;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves traffic between a stable and a canary pool of servers behind nginx or HAProxy, for platforms without a mesh.
 * An action that sets weights ({@link Weights#forAction}) rewrites the pool's file atomically, runs {@code validate}
 * (if set) and {@code reload}; when either fails the previous file is put back and the step fails, so the proxy keeps
 * serving the old weights. Then, and for the actions that set no weight ({@code deploy} at 0 %, {@code scale_canary},
 * {@code cleanup}), the action's command from {@code commands} runs if there is one: starting the new version on the
 * canary servers is the commands' job, not the proxy's. {@code deploy} with a share (a canary's first step) runs its
 * command first and sets the weights only once it succeeded, so no traffic goes to canary servers still running the
 * old version or failing to start. {@code cleanup} without a command has nothing to do; {@code deploy} always has one,
 * {@code scale_canary} without one fails.
 */
public final class ProxyActuator implements Actuator {
    private final ProxySettings settings;
    private final CommandActuator commands;

    public ProxyActuator(ProxySettings settings) {
        this.settings = settings;
        this.commands = new CommandActuator(settings.commands());
    }

    @Override
    public String traffic(String service) {
        return (settings.kind() == ProxyKind.NGINX ? "nginx" : "HAProxy") + " weights of "
                + settings.kind().nameKey() + " "
                + settings.name().orElse(service) + " (stable " + String.join(", ", settings.stable()) + "; canary "
                + String.join(", ", settings.canary()) + ") written to " + settings.file() + " and reloaded";
    }

    @Override
    public Result apply(Actuation request) {
        Optional<Weights> weights = Weights.forAction(request);
        if (weights.isEmpty()) {
            return commands.apply(request);
        }
        if (request.action() == Action.DEPLOY) {
            // A canary's first step: the new version must run on the canary servers before they get its share.
            Result started = commands.apply(request);
            return started instanceof Result.Applied a ? joined(a, setWeights(request, weights.get())) : started;
        }
        Result traffic = setWeights(request, weights.get());
        if (!(traffic instanceof Result.Applied t)
                || !settings.commands().commands().containsKey(request.action())) {
            return traffic;
        }
        return joined(t, commands.apply(request));
    }

    private static Result joined(Result.Applied first, Result then) {
        return switch (then) {
            case Result.Applied a -> new Result.Applied(Duration.ZERO, first.output() + a.output());
            case Result.Failed f -> f;
        };
    }

    private Result setWeights(Actuation request, Weights weights) {
        String name = settings.name().orElse(request.service());
        String text = settings.kind()
                .render(
                        name,
                        settings.stable(),
                        settings.canary(),
                        weights,
                        settings.serverOptions(),
                        header(request, weights));
        Optional<String> previous;
        try {
            previous = AtomicFile.replace(settings.file(), text);
        } catch (IOException e) {
            return new Result.Failed("cannot write " + settings.file() + ": " + e, false, "", Optional.empty());
        }
        List<String> outputs = new ArrayList<>();
        List<CommandTemplate> steps = new ArrayList<>();
        settings.validate().ifPresent(steps::add);
        steps.add(settings.reload());
        for (CommandTemplate step : steps) {
            String key = step == settings.reload() ? "reload" : "validate";
            Result r = commands.run(key, step.render(request), commands.environment(request));
            if (r instanceof Result.Failed f) {
                return restored(previous, f);
            }
            outputs.add(((Result.Applied) r).output());
        }
        return new Result.Applied(
                Duration.ZERO,
                "wrote " + settings.file() + ": canary " + weights.canaryPercent() + " %, stable "
                        + weights.stablePercent() + " %; reloaded\n" + String.join("", outputs));
    }

    private Result restored(Optional<String> previous, Result.Failed f) {
        String what;
        try {
            AtomicFile.restore(settings.file(), previous);
            what = previous.isPresent() ? "; the previous file is back" : "; the new file is removed";
        } catch (IOException e) {
            what = "; and restoring the previous file failed: " + e;
        }
        return new Result.Failed(f.reason() + what, f.retryable(), f.output(), f.exitCode());
    }

    /** One comment line; versions are reduced to plain characters so that no text from outside breaks the file. */
    private static String header(Actuation request, Weights weights) {
        return clean(request.service()) + " " + clean(request.environment()) + ": " + clean(request.version()) + " at "
                + weights.canaryPercent() + " %, " + clean(request.stableVersion()) + " at " + weights.stablePercent()
                + " % (" + CommandConfig.key(request.action()) + ", step " + request.step() + ")";
    }

    private static String clean(String s) {
        return s == null ? "" : s.replaceAll("[^A-Za-z0-9._:+@-]", "_");
    }
}
