package dev.steward.stackfile;

import dev.steward.core.maintenance.CronSyntax;
import dev.steward.core.maintenance.MaintenanceWindow;
import dev.steward.core.maintenance.Schedule;
import dev.steward.core.maintenance.Scope;
import dev.steward.core.route.Matcher;
import dev.steward.core.route.Matchers;
import dev.steward.core.route.Parsed;
import dev.steward.stackfile.YamlNode.Scalar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the top-level {@code maintenance:} list: windows declared in the stack file, one-off ({@code start} with
 * {@code end} or {@code duration}) or recurring ({@code weekly} or {@code cron} with {@code duration} and an
 * optional {@code zone}). Their ids are {@code stack:<name>}; they are read-only through the API.
 */
final class MaintenanceReader {
    static final List<String> KEYS = List.of(
            "name",
            "title",
            "services",
            "match",
            "propagate_to_dependants",
            "freeze_deployments",
            "start",
            "end",
            "weekly",
            "cron",
            "duration",
            "zone");
    static final String ID_PREFIX = "stack:";

    private final NodeReader r;
    private final CronSyntax cron;
    private final Set<String> services;

    /** {@code services} are every service name of the file, valid or not, so that a scope can be checked. */
    MaintenanceReader(NodeReader reader, CronSyntax cron, Set<String> services) {
        this.r = reader;
        this.cron = cron;
        this.services = services;
    }

    List<MaintenanceWindow> windows(YamlNode node, String path) {
        List<MaintenanceWindow> out = new ArrayList<>();
        List<YamlNode> items =
                r.list(node, path, "a list of maintenance windows").orElse(List.of());
        Map<String, String> firstPath = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String p = KeyPath.index(path, i);
            window(items.get(i), p, firstPath).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    private Optional<MaintenanceWindow> window(YamlNode node, String path, Map<String, String> firstPath) {
        Optional<Fields> fields = r.fields(
                node, path, "a mapping with name, a schedule (start, weekly or cron) and services or match", KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        int errorsBefore = r.diagnostics.count();
        Optional<String> name =
                r.require(f, "name", NodeReader.NAME_EXPECTED).flatMap(n -> r.name(n, f.path("name"), "window name"));
        if (name.isPresent()) {
            String previous = firstPath.putIfAbsent(name.get(), path);
            if (previous != null) {
                r.diagnostics.add(
                        f.get("name").orElseThrow(),
                        f.path("name"),
                        "duplicate window name",
                        Quote.of(name.get()),
                        "window names unique (first at " + previous + ")");
            }
        }
        Optional<String> title = f.get("title").flatMap(n -> r.text(n, f.path("title")));
        Scope scope = scope(f);
        boolean freeze = f.get("freeze_deployments")
                .flatMap(n -> r.bool(n, f.path("freeze_deployments")))
                .orElse(false);
        Optional<Schedule> schedule = new ScheduleReader(r, cron).read(f);
        if (r.diagnostics.count() != errorsBefore || name.isEmpty() || schedule.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MaintenanceWindow(
                ID_PREFIX + name.get(),
                title.orElse(name.get()),
                schedule.get(),
                scope,
                freeze,
                false,
                "stack file",
                "",
                MaintenanceWindow.Origin.STACK_FILE,
                Instant.EPOCH,
                Optional.empty()));
    }

    private Scope scope(Fields f) {
        Set<String> names = new LinkedHashSet<>();
        f.get("services").ifPresent(n -> {
            List<Scalar> items =
                    r.scalars(n, f.path("services"), "a list of service names, or \"*\" for every service");
            for (int i = 0; i < items.size(); i++) {
                service(items.get(i), KeyPath.index(f.path("services"), i)).ifPresent(names::add);
            }
        });
        List<Matcher> matchers = new ArrayList<>();
        f.get("match").ifPresent(n -> {
            List<Scalar> items = r.scalars(n, f.path("match"), "a list of label matchers such as 'team=\"db\"'");
            for (int i = 0; i < items.size(); i++) {
                Scalar s = items.get(i);
                switch (Matchers.parse(s.value())) {
                    case Parsed.Ok<List<Matcher>>(List<Matcher> parsed) -> matchers.addAll(parsed);
                    case Parsed.Failed<List<Matcher>>(String reason) ->
                        r.diagnostics.add(
                                s,
                                KeyPath.index(f.path("match"), i),
                                "invalid matcher: " + reason,
                                Quote.of(s.value()),
                                "a label matcher such as team=\"db\" or env=~\"prod|stage\"");
                }
            }
        });
        if (!f.has("services") && !f.has("match")) {
            r.diagnostics.add(
                    f.mapping(),
                    f.path("services"),
                    "missing scope",
                    null,
                    "services (a list of service names, or \"*\" for every service) or match (label matchers)");
        }
        boolean propagate = f.get("propagate_to_dependants")
                .flatMap(n -> r.bool(n, f.path("propagate_to_dependants")))
                .orElse(false);
        return new Scope(names, new Matchers(matchers), propagate);
    }

    private Optional<String> service(Scalar s, String path) {
        String name = s.value();
        if (name.equals(Scope.EVERY_SERVICE) || services.contains(name)) {
            return Optional.of(name);
        }
        String expected = Suggestion.allowedKeys(name, services).substring("one of ".length());
        r.diagnostics.add(
                s, path, "unknown service", Quote.of(name), "\"*\" or one of the services of this file: " + expected);
        return Optional.empty();
    }
}
