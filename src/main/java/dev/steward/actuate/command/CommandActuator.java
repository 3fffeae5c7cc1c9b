package dev.steward.actuate.command;

import dev.steward.core.deploy.Actuation;
import dev.steward.core.deploy.Actuation.Action;
import dev.steward.core.deploy.Actuation.Result;
import dev.steward.core.deploy.Actuator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a step by running the action's shell command ({@link CommandConfig}). Exit 0 is applied; any other exit
 * fails, retryable only for 75 ({@code EX_TEMPFAIL} of sysexits.h, "try again later"); a timeout kills the command
 * and its children and fails as retryable (deploy commands such as {@code docker compose up -d} are meant to be
 * idempotent); an action without a command fails, not retryable, except {@code cleanup}, which then has nothing to
 * do. The command also sees {@code STEWARD_SERVICE}, {@code STEWARD_VERSION}, {@code STEWARD_STABLE_VERSION}, {@code
 * STEWARD_REPLICAS}, {@code STEWARD_WEIGHT}, {@code STEWARD_STEP}, {@code STEWARD_ENVIRONMENT} and {@code
 * STEWARD_ACTION} in its environment. {@code took} is left to {@link dev.steward.actuate.TimedActuator}.
 */
public final class CommandActuator implements Actuator {
    /** sysexits.h's EX_TEMPFAIL: the one exit code that asks for a retry. */
    public static final int EX_TEMPFAIL = 75;

    private final CommandConfig config;

    public CommandActuator(CommandConfig config) {
        this.config = config;
    }

    @Override
    public String traffic(String service) {
        if (config.commands().containsKey(Action.SET_WEIGHT)) {
            return "traffic weights set by the set_weight command";
        }
        if (config.commands().containsKey(Action.SCALE_CANARY)) {
            return "canary replicas set by the scale_canary command";
        }
        if (config.commands().containsKey(Action.SWITCH)) {
            return "all traffic moved at once by the switch command";
        }
        return "the deploy command's own (weights, replicas and switches are not separate commands)";
    }

    @Override
    public Result apply(Actuation request) {
        CommandTemplate template = config.commands().get(request.action());
        String key = CommandConfig.key(request.action());
        if (template == null) {
            return request.action() == Actuation.Action.CLEANUP
                    ? new Result.Applied(Duration.ZERO, "no cleanup command is configured: nothing to clean up")
                    : new Result.Failed("no " + key + " command is configured", false, "", Optional.empty());
        }
        return run(key, template.render(request), environment(request));
    }

    /** Runs {@code commandLine} for the action named {@code key}. */
    public Result run(String key, String commandLine, Map<String, String> env) {
        try {
            return switch (Shell.run(commandLine, env, config.workdir(), config.timeout())) {
                case Shell.Outcome.Exited e when e.code() == 0 -> new Result.Applied(Duration.ZERO, e.output());
                case Shell.Outcome.Exited e ->
                    new Result.Failed(
                            key + " command exited with " + e.code() + lastLine(e.output()),
                            e.code() == EX_TEMPFAIL,
                            e.output(),
                            Optional.of(e.code()));
                case Shell.Outcome.TimedOut t ->
                    new Result.Failed(
                            key + " command still running after " + show(config.timeout())
                                    + "; killed it and its children",
                            true,
                            t.output(),
                            Optional.empty());
                case Shell.Outcome.NotStarted n -> new Result.Failed(n.reason(), false, "", Optional.empty());
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.Failed(key + " command interrupted; killed it", true, "", Optional.empty());
        }
    }

    /** The configured {@code env} plus Steward's {@code STEWARD_*} variables for {@code request}. */
    public Map<String, String> environment(Actuation request) {
        Map<String, String> env = new LinkedHashMap<>();
        config.env().forEach((name, value) -> env.put(name, value.reveal()));
        CommandTemplate.values(request)
                .forEach((name, value) -> env.put("STEWARD_" + name.toUpperCase(Locale.ROOT), value));
        env.put("STEWARD_ACTION", CommandConfig.key(request.action()));
        return env;
    }

    public CommandConfig config() {
        return config;
    }

    private static String lastLine(String output) {
        String trimmed = output.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        String line = trimmed.substring(trimmed.lastIndexOf('\n') + 1).strip();
        return ": " + (line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }

    static String show(Duration d) {
        return d.toMillis() % 60_000 == 0
                ? d.toMinutes() + "m"
                : d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
