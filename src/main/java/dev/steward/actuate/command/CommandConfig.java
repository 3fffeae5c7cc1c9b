package dev.steward.actuate.command;

import dev.steward.core.config.Secret;
import dev.steward.core.deploy.Actuation.Action;
import dev.steward.notify.ConfigMap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code command} provider's settings: one shell command template per action ({@code deploy}, {@code set_weight},
 * {@code scale_canary}, {@code switch}, {@code promote}, {@code rollback}, {@code cleanup}), {@code timeout} (per
 * command, default 5m), {@code workdir} (an absolute path, default Steward's own) and {@code env} (extra environment
 * variables, values may be {@code ${env:}}/{@code ${file:}} references).
 */
public record CommandConfig(
        Map<Action, CommandTemplate> commands, Duration timeout, Optional<Path> workdir, Map<String, Secret> env) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    /** The setting of each action: its name in lower case. */
    public static String key(Action action) {
        return action.name().toLowerCase(Locale.ROOT);
    }

    public static List<String> actionKeys() {
        List<String> out = new ArrayList<>();
        for (Action a : Action.values()) {
            out.add(key(a));
        }
        return out;
    }

    /**
     * The settings of the {@code command} provider: {@code deploy} and {@code rollback} are required (every strategy
     * deploys and must be able to undo it), and {@code promote} as soon as a canary or blue-green step ({@code
     * set_weight}, {@code scale_canary}, {@code switch}) is configured (a canary that cannot be promoted is half a
     * configuration).
     */
    public static Optional<CommandConfig> read(ConfigMap m) {
        List<String> keys = new ArrayList<>(actionKeys());
        keys.addAll(List.of("timeout", "workdir", "env"));
        m.allow(keys);
        for (String required : List.of("deploy", "rollback")) {
            if (!m.has(required)) {
                m.missing(required, "the shell command that " + purpose(required));
            }
        }
        if (!m.has("promote") && (m.has("set_weight") || m.has("scale_canary") || m.has("switch"))) {
            m.missing(
                    "promote",
                    "the shell command that " + purpose("promote") + " (set_weight, scale_canary or"
                            + " switch is configured)");
        }
        return readCommon(m);
    }

    /**
     * Command templates by action from a mapping that holds nothing else ({@code commands} of the proxy providers), none
     * required.
     */
    public static Map<Action, CommandTemplate> templates(ConfigMap m) {
        m.allow(actionKeys());
        Map<Action, CommandTemplate> commands = new EnumMap<>(Action.class);
        for (Action a : Action.values()) {
            template(m, key(a)).ifPresent(t -> commands.put(a, t));
        }
        return Map.copyOf(commands);
    }

    private static Optional<CommandConfig> readCommon(ConfigMap m) {
        int before = m.errors().size();
        Map<Action, CommandTemplate> commands = new EnumMap<>(Action.class);
        for (Action a : Action.values()) {
            template(m, key(a)).ifPresent(t -> commands.put(a, t));
        }
        Duration timeout = m.duration("timeout").orElse(DEFAULT_TIMEOUT);
        Optional<Path> workdir = workdir(m);
        Map<String, Secret> env = env(m);
        return m.errors().size() == before
                ? Optional.of(new CommandConfig(Map.copyOf(commands), timeout, workdir, env))
                : Optional.empty();
    }

    /** A command template from {@code key}: not blank, only Steward's variables. */
    public static Optional<CommandTemplate> template(ConfigMap m, String key) {
        Optional<String> text = m.text(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().isBlank()) {
            m.error(key, "empty command", "\"\"", "a shell command line");
            return Optional.empty();
        }
        List<String> problems = CommandTemplate.problems(text.get());
        for (String p : problems) {
            m.error(
                    key,
                    p,
                    text.get(),
                    "variables among ${" + String.join("}, ${", CommandTemplate.VARIABLES)
                            + "}; shell variables as $NAME");
        }
        return problems.isEmpty() ? Optional.of(new CommandTemplate(text.get())) : Optional.empty();
    }

    /** {@code workdir}: an absolute path. */
    public static Optional<Path> workdir(ConfigMap m) {
        return m.text("workdir").flatMap(w -> absolute(m, "workdir", w));
    }

    /** An absolute path, or an error. */
    public static Optional<Path> absolute(ConfigMap m, String key, String text) {
        Path p = Path.of(text);
        if (!p.isAbsolute()) {
            m.error(key, "not an absolute path", text, "an absolute directory such as /srv/app");
            return Optional.empty();
        }
        return Optional.of(p);
    }

    /** {@code env}: variable names to values that may be references. */
    public static Map<String, Secret> env(ConfigMap m) {
        Map<String, Secret> out = new LinkedHashMap<>();
        m.map("env").ifPresent(e -> {
            for (String name : e.keys()) {
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*") || name.startsWith("STEWARD_")) {
                    e.error(
                            name,
                            "invalid variable name",
                            name,
                            "a name such as DEPLOY_TOKEN, not starting with" + " STEWARD_ (Steward sets those)");
                    continue;
                }
                e.secret(name).ifPresent(s -> out.put(name, s));
            }
        });
        return out;
    }

    private static String purpose(String key) {
        return switch (key) {
            case "deploy" -> "starts the new version";
            case "rollback" -> "restores the stable version";
            default -> "makes the new version the stable one";
        };
    }
}
