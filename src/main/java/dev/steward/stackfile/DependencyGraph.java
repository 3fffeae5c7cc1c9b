package dev.steward.stackfile;

import dev.steward.stackfile.YamlNode.Scalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code depends_on} cross-references, checked after every service has been read: each target must be a service
 * of the file, and there must be no cycle. Each cycle is reported once, at the entry that closes it, starting from the
 * service that comes first in the file ({@code api -> db -> api}).
 */
final class DependencyGraph {
    /** One {@code depends_on} entry: its target, where it is written, its path. */
    record Edge(String target, Scalar node, String path) {}

    private enum Mark {
        VISITING,
        DONE
    }

    private final Diagnostics diagnostics;
    private final Map<String, List<Edge>> edges;
    private final Map<String, Mark> marks = new HashMap<>();
    private final List<String> stack = new ArrayList<>();

    DependencyGraph(Diagnostics diagnostics, Map<String, List<Edge>> edges) {
        this.diagnostics = diagnostics;
        this.edges = edges;
    }

    void check() {
        String known = String.join(", ", edges.keySet());
        edges.forEach((service, list) -> {
            for (Edge e : list) {
                if (!edges.containsKey(e.target())) {
                    diagnostics.add(
                            e.node(),
                            e.path(),
                            "unknown service",
                            Quote.of(e.target()),
                            "one of the services of this file: " + known);
                }
            }
        });
        for (String service : edges.keySet()) {
            visit(service);
        }
    }

    private void visit(String service) {
        if (marks.containsKey(service)) {
            return;
        }
        marks.put(service, Mark.VISITING);
        stack.add(service);
        for (Edge e : edges.get(service)) {
            if (!edges.containsKey(e.target())) {
                continue;
            }
            if (marks.get(e.target()) == Mark.VISITING) {
                List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(e.target()), stack.size()));
                cycle.add(e.target());
                diagnostics.add(
                        e.node(),
                        e.path(),
                        "dependency cycle:",
                        String.join(" -> ", cycle),
                        "depends_on without cycles");
            } else {
                visit(e.target());
            }
        }
        stack.removeLast();
        marks.put(service, Mark.DONE);
    }
}
