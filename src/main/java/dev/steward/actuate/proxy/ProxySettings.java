package dev.steward.actuate.proxy;

import dev.steward.actuate.command.CommandConfig;
import dev.steward.actuate.command.CommandTemplate;
import dev.steward.core.config.Secret;
import dev.steward.core.deploy.Actuation.Action;
import dev.steward.notify.ConfigMap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of the {@code nginx} and {@code haproxy} providers: {@code file} (the file to write, an absolute path,
 * required), {@code upstream} (nginx) or {@code backend} (HAProxy) (the pool's name, default the service's name),
 * {@code stable} and {@code canary} (lists of {@code host:port}, required), {@code server_options} (appended to each
 * server line, such as {@code max_fails=3} or {@code check}), {@code validate} (a command run after writing, before
 * reloading, such as {@code nginx -t}; none by default), {@code reload} (default {@code nginx -s reload} or {@code
 * systemctl reload haproxy}), {@code commands} (command templates per action, as the {@code command} provider's;
 * {@code deploy} required), {@code timeout} (per command, default 5m), {@code workdir} and {@code env}.
 */
public record ProxySettings(
        ProxyKind kind,
        Path file,
        Optional<String> name,
        List<String> stable,
        List<String> canary,
        String serverOptions,
        Optional<CommandTemplate> validate,
        CommandTemplate reload,
        CommandConfig commands) {
    private static final String NAME = "[A-Za-z0-9_.-]+";
    private static final String HOST = "([A-Za-z0-9_.-]+|\\[[0-9A-Fa-f:.]+])";

    public static Optional<ProxySettings> read(ProxyKind kind, ConfigMap m) {
        m.allow(List.of(
                "file",
                kind.nameKey(),
                "stable",
                "canary",
                "server_options",
                "validate",
                "reload",
                "commands",
                "timeout",
                "workdir",
                "env"));
        int before = m.errors().size();
        Optional<Path> file = m.text("file").flatMap(f -> CommandConfig.absolute(m, "file", f));
        if (!m.has("file")) {
            m.missing("file", "the absolute path of the file the proxy includes");
        }
        Optional<String> name = m.text(kind.nameKey());
        if (name.isPresent() && !name.get().matches(NAME)) {
            m.error(kind.nameKey(), "invalid name", name.get(), "letters, digits, '_', '.', '-'");
        }
        List<String> stable = servers(m, "stable");
        List<String> canary = servers(m, "canary");
        String options = m.text("server_options").orElse("").strip();
        if (options.matches(".*[;{}#\\n\\r].*")) {
            m.error("server_options", "invalid server options", options, "options without ; { } # or line breaks");
        }
        Optional<CommandTemplate> validate = CommandConfig.template(m, "validate");
        CommandTemplate reload = CommandConfig.template(m, "reload").orElse(new CommandTemplate(kind.defaultReload()));
        Map<Action, CommandTemplate> templates =
                m.map("commands").map(CommandConfig::templates).orElse(Map.of());
        if (!templates.containsKey(Action.DEPLOY)) {
            m.missing("commands.deploy", "the shell command that starts the new version on the canary servers");
        }
        Duration timeout = m.duration("timeout").orElse(CommandConfig.DEFAULT_TIMEOUT);
        Optional<Path> workdir = CommandConfig.workdir(m);
        Map<String, Secret> env = CommandConfig.env(m);
        if (m.errors().size() != before || file.isEmpty()) {
            return Optional.empty();
        }
        CommandConfig commands = new CommandConfig(templates, timeout, workdir, env);
        return Optional.of(
                new ProxySettings(kind, file.get(), name, stable, canary, options, validate, reload, commands));
    }

    private static List<String> servers(ConfigMap m, String key) {
        if (!m.has(key)) {
            m.missing(key, "the " + key + " servers as a list of host:port");
            return List.of();
        }
        int before = m.errors().size();
        List<String> servers = m.textList(key);
        for (int i = 0; i < servers.size(); i++) {
            String s = servers.get(i);
            int colon = s.lastIndexOf(':');
            String host = colon < 0 ? "" : s.substring(0, colon);
            String port = colon < 0 ? "" : s.substring(colon + 1);
            boolean ok = host.matches(HOST)
                    && port.matches("[0-9]{1,5}")
                    && Integer.parseInt(port) >= 1
                    && Integer.parseInt(port) <= 65535;
            if (!ok) {
                m.error(key + "[" + i + "]", "invalid server address", s, "host:port such as 10.0.0.5:8080");
            }
        }
        if (servers.isEmpty() && m.errors().size() == before) {
            m.error(key, "no servers", "[]", "at least one host:port");
        }
        return servers;
    }
}
