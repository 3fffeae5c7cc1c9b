package dev.steward.routefile;

import dev.steward.core.route.Matcher;
import dev.steward.core.route.Matchers;
import dev.steward.core.route.Parsed;
import dev.steward.core.route.RouteSpec;
import dev.steward.yaml.YamlFields;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads the {@code route} tree, remembering which receivers and time intervals it names (checked by the loader). */
final class RouteReader {
    static final Pattern LABEL_NAME = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_]*$");
    private static final List<String> FIELDS = List.of(
            "receiver",
            "group_by",
            "continue",
            "matchers",
            "match",
            "match_re",
            "group_wait",
            "group_interval",
            "repeat_interval",
            "mute_time_intervals",
            "active_time_intervals",
            "routes");

    /** A name used somewhere, where, and what kind of thing it must name. */
    record Reference(String name, Node at, String path) {}

    private final YamlFields y;
    final List<Reference> receivers = new ArrayList<>();
    final List<Reference> timeIntervals = new ArrayList<>();

    RouteReader(YamlFields y) {
        this.y = y;
    }

    RouteSpec root(Node node) {
        Map<String, Node> f = y.fields(node, "route", FIELDS, "a route mapping");
        if (!f.containsKey("receiver")) {
            y.error(node, "route.receiver", "the root route has no receiver", null, "a default receiver's name");
        }
        for (String key : List.of("matchers", "match", "match_re")) {
            if (f.containsKey(key)) {
                y.error(f.get(key), "route." + key, "the root route must not have matchers", null, "no " + key);
            }
        }
        for (String key : List.of("mute_time_intervals", "active_time_intervals")) {
            if (f.containsKey(key)) {
                y.error(f.get(key), "route." + key, "the root route must not have time intervals", null, "no " + key);
            }
        }
        return route(f, "route");
    }

    private RouteSpec route(Map<String, Node> f, String path) {
        Optional<String> receiver = y.text(f.get("receiver"), path + ".receiver", "a receiver name");
        receiver.ifPresent(r -> receivers.add(new Reference(r, f.get("receiver"), path + ".receiver")));
        List<RouteSpec> children = new ArrayList<>();
        List<Node> items = y.list(f.get("routes"), path + ".routes", "a list of routes");
        for (int i = 0; i < items.size(); i++) {
            String p = path + ".routes[" + i + "]";
            children.add(route(y.fields(items.get(i), p, FIELDS, "a route mapping"), p));
        }
        return new RouteSpec(
                receiver,
                groupBy(f.get("group_by"), path + ".group_by"),
                matchers(f, path),
                y.bool(f.get("continue"), path + ".continue").orElse(false),
                y.duration(f.get("group_wait"), path + ".group_wait"),
                positive(f.get("group_interval"), path + ".group_interval"),
                positive(f.get("repeat_interval"), path + ".repeat_interval"),
                intervalNames(f.get("mute_time_intervals"), path + ".mute_time_intervals"),
                intervalNames(f.get("active_time_intervals"), path + ".active_time_intervals"),
                children);
    }

    private Optional<Duration> positive(Node node, String path) {
        Optional<Duration> d = y.duration(node, path);
        if (d.isPresent() && d.get().isZero()) {
            y.error(node, path, "must not be zero", "0s", "a duration > 0");
            return Optional.empty();
        }
        return d;
    }

    private Optional<List<String>> groupBy(Node node, String path) {
        if (YamlFields.isNull(node)) {
            return Optional.empty();
        }
        Set<String> out = new LinkedHashSet<>();
        for (var e : y.texts(node, path, "a list of label names, or [...] for all labels")) {
            String name = e.getValue();
            if (!name.equals(RouteSpec.GROUP_BY_ALL)
                    && !LABEL_NAME.matcher(name).matches()) {
                y.error(e.getKey(), path, "invalid label name", '"' + name + '"', "a label name or ...");
            } else if (!out.add(name)) {
                y.error(e.getKey(), path, "label repeated", '"' + name + '"', "each label once");
            }
        }
        if (out.contains(RouteSpec.GROUP_BY_ALL) && out.size() > 1) {
            y.error(node, path, "... (all labels) together with other labels", out.toString(), "either ... or names");
        }
        return Optional.of(List.copyOf(out));
    }

    /** {@code match}, {@code match_re} and {@code matchers} of a route or one side of an inhibition rule. */
    List<Matcher> matchers(Map<String, Node> f, String path) {
        return matchers(f.get("match"), f.get("match_re"), f.get("matchers"), path, "");
    }

    List<Matcher> matchers(Node match, Node matchRe, Node list, String path, String prefix) {
        List<Matcher> out = new ArrayList<>();
        legacy(match, path + "." + prefix + "match", Matcher.Type.EQUAL, out);
        legacy(matchRe, path + "." + prefix + "match_re", Matcher.Type.REGEX, out);
        String p = path + "." + prefix + "matchers";
        for (var e : y.texts(list, p, "a list of matchers such as severity=\"critical\"")) {
            switch (Matchers.parse(e.getValue())) {
                case Parsed.Ok<List<Matcher>>(List<Matcher> m) -> out.addAll(m);
                case Parsed.Failed<List<Matcher>>(String reason) ->
                    y.error(
                            e.getKey(),
                            p,
                            reason,
                            null,
                            "a matcher such as severity=\"critical\" or service=~\"api|db\"");
            }
        }
        return out;
    }

    private void legacy(Node node, String path, Matcher.Type type, List<Matcher> out) {
        for (var e :
                y.stringMap(node, path, "a mapping of label names to values").entrySet()) {
            if (!LABEL_NAME.matcher(e.getKey()).matches()) {
                y.error(e.getValue().getKey(), path, "invalid label name", '"' + e.getKey() + '"', "a label name");
                continue;
            }
            switch (Matcher.of(e.getKey(), type, e.getValue().getValue())) {
                case Parsed.Ok<Matcher>(Matcher m) -> out.add(m);
                case Parsed.Failed<Matcher>(String reason) ->
                    y.error(
                            e.getValue().getKey(),
                            YamlFields.join(path, e.getKey()),
                            reason,
                            null,
                            "a regular expression");
            }
        }
    }

    private List<String> intervalNames(Node node, String path) {
        List<String> out = new ArrayList<>();
        for (var e : y.texts(node, path, "a list of time interval names")) {
            out.add(e.getValue());
            timeIntervals.add(new Reference(e.getValue(), e.getKey(), path));
        }
        return out;
    }
}
