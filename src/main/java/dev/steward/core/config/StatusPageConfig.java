package dev.steward.core.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The stack file's {@code status_page:} block: what the public status page at {@code /status} shows and whether
 * Steward publishes incidents on its own.
 *
 * @param title the page's title (default: the stack's name)
 * @param description a line under the title, empty when none
 * @param groups the components shown, in groups (default: one group "Services" with one component per service)
 * @param publish whether a health change is only drafted for a person to publish ({@link Publish#MANUAL}, the
 *     default) or published at once ({@link Publish#AUTOMATIC})
 */
public record StatusPageConfig(String title, String description, List<Group> groups, Publish publish) {
    public static final String DEFAULT_GROUP = "Services";

    public StatusPageConfig {
        groups = List.copyOf(groups);
    }

    /** Whether Steward's drafts wait for a person or are published at once. */
    public enum Publish {
        MANUAL,
        AUTOMATIC;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A heading on the page and its components. */
    public record Group(String name, List<Component> components) {
        public Group {
            components = List.copyOf(components);
        }
    }

    /** One line of the page: the services whose health it shows. */
    public record Component(String name, List<String> services, String description) {
        public Component {
            services = List.copyOf(services);
        }
    }

    /** The page when the stack file has no {@code status_page:} block. */
    public static StatusPageConfig defaultsFor(String stack, Collection<ServiceConfig> services) {
        return new StatusPageConfig(stack, "", defaultGroups(services), Publish.MANUAL);
    }

    /** One group "Services" with one component per service, named after it. */
    public static List<Group> defaultGroups(Collection<ServiceConfig> services) {
        List<Component> components = new ArrayList<>();
        for (ServiceConfig s : services) {
            components.add(new Component(s.name(), List.of(s.name()), s.description()));
        }
        return List.of(new Group(DEFAULT_GROUP, components));
    }

    /** Every component of every group, in page order. */
    public List<Component> components() {
        return groups.stream().flatMap(g -> g.components().stream()).toList();
    }

    public Optional<Component> component(String name) {
        return components().stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
