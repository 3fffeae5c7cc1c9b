package dev.steward.routefile;

import dev.steward.core.route.InhibitRule;
import dev.steward.core.route.Matchers;
import dev.steward.core.route.Route;
import dev.steward.core.route.RouteSpec;
import dev.steward.core.route.TimeInterval;
import dev.steward.stackfile.ConfigError;
import dev.steward.yaml.YamlFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads an Alertmanager configuration file strictly: every unknown key, bad value and dangling reference is reported
 * with file, line and column, all at once.
 */
public final class RouteFileLoader {
    private static final List<String> TOP = List.of(
            "global", "templates", "route", "receivers", "inhibit_rules", "time_intervals", "mute_time_intervals");
    private static final List<String> INHIBIT = List.of(
            "source_matchers",
            "target_matchers",
            "source_match",
            "source_match_re",
            "target_match",
            "target_match_re",
            "equal");
    private static final List<String> OTHER_KINDS = List.of(
            "opsgenie_configs",
            "wechat_configs",
            "pushover_configs",
            "victorops_configs",
            "sns_configs",
            "telegram_configs",
            "webex_configs",
            "discord_configs",
            "msteams_configs");

    private final YamlFields y;
    private final RouteReader routes;

    private RouteFileLoader(String file) {
        this.y = new YamlFields(file);
        this.routes = new RouteReader(y);
    }

    public static RouteFileResult load(Path path) {
        try {
            return read(Files.readString(path), path.toString());
        } catch (IOException e) {
            return new RouteFileResult.Invalid(List.of(new ConfigError(
                    path.toString(), 0, 0, "", "cannot read the file: " + e, Optional.empty(), Optional.empty())));
        }
    }

    /** Reads {@code text}, naming it {@code file} in errors. */
    public static RouteFileResult read(String text, String file) {
        RouteFileLoader l = new RouteFileLoader(file);
        RouteConfig config = l.compose(text).map(l::config).orElse(null);
        if (config == null && l.y.errors().isEmpty()) {
            l.y.error(null, "", "the file is empty", null, "a mapping with route and receivers");
        }
        return l.y.errors().isEmpty() ? new RouteFileResult.Loaded(config) : new RouteFileResult.Invalid(l.y.errors());
    }

    private RouteConfig config(Node root) {
        Map<String, Node> f = y.fields(root, "", TOP, "a mapping with route and receivers");
        Map<String, Receiver> receivers = receivers(f.get("receivers"));
        Map<String, TimeInterval> intervals = new LinkedHashMap<>();
        intervals(f.get("time_intervals"), "time_intervals", intervals);
        intervals(f.get("mute_time_intervals"), "mute_time_intervals", intervals);
        RouteSpec spec = null;
        if (YamlFields.isNull(f.get("route"))) {
            y.error(root, "route", "missing", null, "a route tree with a default receiver");
        } else {
            spec = routes.root(f.get("route"));
        }
        List<InhibitRule> inhibit = new ArrayList<>();
        List<Node> rules = y.list(f.get("inhibit_rules"), "inhibit_rules", "a list of inhibition rules");
        for (int i = 0; i < rules.size(); i++) {
            inhibit.add(inhibitRule(rules.get(i), "inhibit_rules[" + i + "]"));
        }
        checkReferences(routes.receivers, receivers.keySet(), "receiver", "receivers");
        checkReferences(routes.timeIntervals, intervals.keySet(), "time interval", "time_intervals");
        Object global = YamlFields.isNull(f.get("global")) ? Map.of() : YamlFields.raw(f.get("global"));
        if (!(global instanceof Map<?, ?>)) {
            y.error(f.get("global"), "global", "wrong type:", YamlFields.describe(f.get("global")), "a mapping");
        }
        List<String> templates = y.texts(f.get("templates"), "templates", "a list of template file globs").stream()
                .map(Map.Entry::getValue)
                .toList();
        if (spec == null || !y.errors().isEmpty()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> g = (Map<String, Object>) global;
        return new RouteConfig(Route.tree(spec), receivers, inhibit, intervals, g, templates);
    }

    private Map<String, Receiver> receivers(Node node) {
        Map<String, Receiver> out = new LinkedHashMap<>();
        List<String> fields = new ArrayList<>(List.of("name"));
        fields.addAll(Receiver.KINDS);
        fields.addAll(OTHER_KINDS);
        List<Node> items = y.list(node, "receivers", "a list of receivers");
        for (int i = 0; i < items.size(); i++) {
            String path = "receivers[" + i + "]";
            Map<String, Node> f = y.fields(items.get(i), path, fields, "a receiver mapping");
            Optional<String> name = y.text(f.get("name"), path + ".name", "a name");
            if (name.isEmpty() || name.get().isEmpty()) {
                y.error(items.get(i), path + ".name", "missing", null, "the receiver's name");
                continue;
            }
            for (String kind : OTHER_KINDS) {
                if (f.containsKey(kind)) {
                    y.error(
                            f.get(kind),
                            path + "." + kind,
                            "not supported by Steward",
                            kind,
                            "one of " + String.join(", ", Receiver.KINDS));
                }
            }
            if (out.putIfAbsent(name.get(), new Receiver(name.get(), integrations(f, path))) != null) {
                y.error(
                        f.get("name"),
                        path + ".name",
                        "receiver name repeated",
                        '"' + name.get() + '"',
                        "each receiver name once");
            }
        }
        return out;
    }

    /** Each supported kind's list of settings, as raw mappings. */
    private Map<String, List<Map<String, Object>>> integrations(Map<String, Node> f, String path) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (String kind : Receiver.KINDS) {
            List<Map<String, Object>> configs = new ArrayList<>();
            List<Node> list = y.list(f.get(kind), path + "." + kind, "a list of " + kind);
            for (int j = 0; j < list.size(); j++) {
                if (YamlFields.raw(list.get(j)) instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> config = (Map<String, Object>) m;
                    configs.add(config);
                } else {
                    y.error(
                            list.get(j),
                            path + "." + kind + "[" + j + "]",
                            "wrong type:",
                            YamlFields.describe(list.get(j)),
                            "a mapping");
                }
            }
            if (!configs.isEmpty()) {
                out.put(kind, configs);
            }
        }
        return out;
    }

    private void intervals(Node node, String path, Map<String, TimeInterval> out) {
        TimeIntervalReader reader = new TimeIntervalReader(y);
        List<Node> items = y.list(node, path, "a list of named time intervals");
        for (int i = 0; i < items.size(); i++) {
            TimeInterval t = reader.interval(items.get(i), path + "[" + i + "]");
            if (t != null && out.putIfAbsent(t.name(), t) != null) {
                y.error(
                        items.get(i),
                        path + "[" + i + "].name",
                        "time interval name repeated",
                        '"' + t.name() + '"',
                        "each name once across time_intervals and mute_time_intervals");
            }
        }
    }

    private InhibitRule inhibitRule(Node node, String path) {
        Map<String, Node> f = y.fields(node, path, INHIBIT, "an inhibition rule mapping");
        var source = routes.matchers(
                f.get("source_match"), f.get("source_match_re"), f.get("source_matchers"), path, "source_");
        var target = routes.matchers(
                f.get("target_match"), f.get("target_match_re"), f.get("target_matchers"), path, "target_");
        Set<String> equal = new LinkedHashSet<>();
        for (var e : y.texts(f.get("equal"), path + ".equal", "a list of label names")) {
            if (!RouteReader.LABEL_NAME.matcher(e.getValue()).matches()) {
                y.error(e.getKey(), path + ".equal", "invalid label name", '"' + e.getValue() + '"', "a label name");
            }
            equal.add(e.getValue());
        }
        return new InhibitRule(Matchers.sorted(source), Matchers.sorted(target), equal);
    }

    private void checkReferences(List<RouteReader.Reference> refs, Set<String> known, String what, String where) {
        Set<String> reported = new HashSet<>();
        for (RouteReader.Reference r : refs) {
            if (!known.contains(r.name()) && reported.add(r.path() + r.name())) {
                y.error(
                        r.at(),
                        r.path(),
                        "no " + what + " named",
                        '"' + r.name() + '"',
                        known.isEmpty() ? "one defined under " + where : "one of " + String.join(", ", known));
            }
        }
    }

    private Optional<Node> compose(String text) {
        return y.compose(text, y.file());
    }
}
