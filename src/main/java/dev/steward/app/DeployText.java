package dev.steward.app;

import java.io.PrintWriter;
import tools.jackson.databind.JsonNode;

/** How {@code steward deploy} prints deployments: a table, one in detail, timeline entries. */
final class DeployText {
    private DeployText() {}

    /** State, step and reason in one line. */
    static String headline(JsonNode d) {
        StringBuilder b = new StringBuilder(d.path("state").asString(""));
        if (d.has("step")) {
            b.append(" (step ")
                    .append(d.path("step").asInt())
                    .append('/')
                    .append(d.path("steps").asInt())
                    .append(')');
        }
        if (d.path("awaiting_promotion").asBoolean(false)) {
            b.append(", awaiting promotion");
        }
        if (d.has("start_at")) {
            b.append(", starts at ").append(d.path("start_at").asString(""));
            if (d.has("announce_at")) {
                b.append(" (announced at ")
                        .append(d.path("announce_at").asString(""))
                        .append(')');
            }
        }
        String reason = d.path("reason").asString("");
        if (!reason.isEmpty()) {
            b.append(": ").append(reason);
        }
        return b.toString();
    }

    static String table(JsonNode list) {
        StringBuilder b = new StringBuilder(String.format(
                "%-17s %-14s %-12s %-14s %-14s %s%n", "ID", "SERVICE", "ENV", "VERSION", "STATE", "STEP"));
        for (JsonNode d : list) {
            b.append(String.format(
                    "%-17s %-14s %-12s %-14s %-14s %s%n",
                    d.path("id").asString(""),
                    d.path("service").asString(""),
                    d.path("environment").asString(""),
                    d.path("version").asString(""),
                    d.path("state").asString(""),
                    d.has("step")
                            ? d.path("step").asInt() + "/" + d.path("steps").asInt()
                            : "-"));
        }
        return b.toString();
    }

    static String detail(JsonNode d) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                "%s: %s %s to %s (stable %s), created by %s at %s%n",
                d.path("id").asString(""),
                d.path("service").asString(""),
                d.path("version").asString(""),
                d.path("environment").asString(""),
                d.path("stable_version").asString(""),
                d.path("created_by").asString(""),
                d.path("created_at").asString("")));
        b.append("state: ").append(headline(d)).append('\n');
        b.append("plan:");
        if (d.has("traffic")) {
            b.append(" (traffic: ").append(d.path("traffic").asString("")).append(')');
        }
        b.append('\n');
        for (JsonNode s : d.path("plan")) {
            b.append(String.format(
                    "  %d. %s weight %d%% replicas %d, pause %s, analysis %s%s%n",
                    s.path("step").asInt(),
                    s.path("action").asString(""),
                    s.path("weight").asInt(),
                    s.path("replicas").asInt(),
                    s.path("pause").asString(""),
                    s.path("analysis").asString(""),
                    s.path("irreversible").asBoolean(false) ? " (irreversible)" : ""));
        }
        b.append("timeline:\n");
        for (JsonNode e : d.path("timeline")) {
            b.append(entry(e));
        }
        return b.toString();
    }

    /** Prints the timeline entries of {@code d} from index {@code from}; returns how many it has. */
    static int timeline(JsonNode d, int from, PrintWriter out) {
        JsonNode t = d.path("timeline");
        for (int i = from; i < t.size(); i++) {
            out.print(entry(t.get(i)));
        }
        return Math.max(from, t.size());
    }

    static String entry(JsonNode e) {
        StringBuilder b = new StringBuilder(String.format(
                "  %s %-20s %s -> %s by %s: %s%n",
                e.path("at").asString(""),
                e.path("trigger").asString(""),
                e.path("from").asString(""),
                e.path("to").asString(""),
                e.path("actor").asString(""),
                e.path("reason").asString("")));
        for (JsonNode m : e.path("measurements")) {
            b.append(String.format(
                    "      %s = %s (%s)%n",
                    m.path("name").asString(""),
                    m.path("value").asString(m.path("value").toString()),
                    m.path("against").asString("")));
        }
        return b.toString();
    }
}
