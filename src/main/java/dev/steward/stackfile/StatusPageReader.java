package dev.steward.stackfile;

import dev.steward.core.config.ServiceConfig;
import dev.steward.core.config.StatusPageConfig;
import dev.steward.core.config.StatusPageConfig.Component;
import dev.steward.core.config.StatusPageConfig.Group;
import dev.steward.core.config.StatusPageConfig.Publish;
import dev.steward.stackfile.YamlNode.Scalar;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the top-level {@code status_page:} block (see {@link StatusPageConfig}): title, description, groups of
 * components naming the services they show, and the publish mode. Component names are unique over the whole page
 * (public incidents name them); every service named must be a service of the file.
 */
final class StatusPageReader {
    static final List<String> KEYS = List.of("title", "description", "groups", "publish");
    static final List<String> GROUP_KEYS = List.of("name", "components");
    static final List<String> COMPONENT_KEYS = List.of("name", "services", "description");
    static final String PUBLISH_EXPECTED = "manual or automatic";

    private final NodeReader r;
    private final Set<String> services;
    private final Map<String, String> firstComponent = new HashMap<>();

    /** {@code services} are every service name of the file, valid or not, so that a component can be checked. */
    StatusPageReader(NodeReader reader, Set<String> services) {
        this.r = reader;
        this.services = services;
    }

    StatusPageConfig read(YamlNode node, String path, String stack, Collection<ServiceConfig> configured) {
        StatusPageConfig defaults = StatusPageConfig.defaultsFor(stack, configured);
        Optional<Fields> fields = r.fields(node, path, "a mapping of " + String.join(", ", KEYS), KEYS);
        if (fields.isEmpty()) {
            return defaults;
        }
        Fields f = fields.get();
        String title = f.get("title").flatMap(n -> r.text(n, f.path("title"))).orElse(stack);
        String description = f.get("description")
                .flatMap(n -> r.text(n, f.path("description")))
                .orElse("");
        List<Group> groups =
                f.get("groups").map(n -> groups(n, f.path("groups"))).orElse(defaults.groups());
        Publish publish =
                f.get("publish").flatMap(n -> publish(n, f.path("publish"))).orElse(Publish.MANUAL);
        return new StatusPageConfig(title, description, groups, publish);
    }

    private Optional<Publish> publish(YamlNode node, String path) {
        return r.scalar(node, path, PUBLISH_EXPECTED).flatMap(s -> {
            for (Publish p : Publish.values()) {
                if (p.label().equals(s.value())) {
                    return Optional.of(p);
                }
            }
            r.diagnostics.add(s, path, "invalid publish mode", Quote.of(s.value()), PUBLISH_EXPECTED);
            return Optional.empty();
        });
    }

    private List<Group> groups(YamlNode node, String path) {
        List<Group> out = new ArrayList<>();
        List<YamlNode> items =
                r.list(node, path, "a list of groups, each {name, components}").orElse(List.of());
        if (node instanceof YamlNode.Sequence && items.isEmpty()) {
            r.diagnostics.add(node, path, "no groups", null, "at least one group, or no groups key for the default");
        }
        Map<String, String> firstGroup = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String p = KeyPath.index(path, i);
            group(items.get(i), p, firstGroup).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Group> group(YamlNode node, String path, Map<String, String> firstGroup) {
        Optional<Fields> fields = r.fields(node, path, "a mapping with name and components", GROUP_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> name = r.require(f, "name", "the group's heading such as Core services")
                .flatMap(n -> label(n, f.path("name"), firstGroup, "group"));
        List<Component> components = new ArrayList<>();
        r.require(f, "components", "a list of components, each {name, services, description}")
                .flatMap(n -> r.list(n, f.path("components"), "a list of components, each {name, services}"))
                .ifPresent(items -> {
                    if (items.isEmpty()) {
                        r.diagnostics.add(
                                f.get("components").orElseThrow(),
                                f.path("components"),
                                "no components",
                                null,
                                "at least one component");
                    }
                    for (int i = 0; i < items.size(); i++) {
                        component(items.get(i), KeyPath.index(f.path("components"), i))
                                .ifPresent(components::add);
                    }
                });
        return name.map(n -> new Group(n, components));
    }

    private Optional<Component> component(YamlNode node, String path) {
        Optional<Fields> fields = r.fields(node, path, "a mapping with name, services and description", COMPONENT_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> name = r.require(f, "name", "the component's public name such as API")
                .flatMap(n -> label(n, f.path("name"), firstComponent, "component"));
        String description = f.get("description")
                .flatMap(n -> r.text(n, f.path("description")))
                .orElse("");
        List<String> names = new ArrayList<>();
        int errorsBefore = r.diagnostics.count();
        r.require(f, "services", "a list of service names").ifPresent(n -> {
            List<Scalar> items = r.scalars(n, f.path("services"), "a list of service names");
            if (n instanceof YamlNode.Sequence s && s.items().isEmpty()) {
                r.diagnostics.add(n, f.path("services"), "no services", null, "at least one service name");
            }
            for (int i = 0; i < items.size(); i++) {
                service(items.get(i), KeyPath.index(f.path("services"), i), names);
            }
        });
        if (name.isEmpty() || r.diagnostics.count() != errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new Component(name.get(), names, description));
    }

    private void service(Scalar s, String path, List<String> names) {
        String name = s.value();
        if (!services.contains(name)) {
            String expected = Suggestion.allowedKeys(name, services).substring("one of ".length());
            r.diagnostics.add(s, path, "unknown service", Quote.of(name), "a service of this file: " + expected);
        } else if (names.contains(name)) {
            r.diagnostics.add(s, path, "service listed twice:", Quote.of(name), "each service once per component");
        } else {
            names.add(name);
        }
    }

    /** A display name: non-blank text, unique among its kind (the first use is named in the error). */
    private Optional<String> label(YamlNode node, String path, Map<String, String> first, String what) {
        Optional<String> text = r.text(node, path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.get().strip();
        if (value.isEmpty()) {
            r.diagnostics.add(node, path, "empty " + what + " name", null, "a non-blank name");
            return Optional.empty();
        }
        String previous = first.putIfAbsent(value.toLowerCase(Locale.ROOT), path);
        if (previous != null) {
            r.diagnostics.add(
                    node,
                    path,
                    "duplicate " + what + " name",
                    Quote.of(value),
                    what + " names unique (first at " + previous + ")");
            return Optional.empty();
        }
        return Optional.of(value);
    }
}
