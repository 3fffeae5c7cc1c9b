package dev.steward.app;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code steward audit list}: the daemon's audit log through {@code GET /api/v1/audit}, newest first. */
@Command(
        name = "list",
        description = "List audit records of a running daemon, newest first. Exit 0 done, 1 refused, 2 usage or"
                + " connection error.")
final class AuditListCommand implements Callable<Integer> {
    @CommandLine.Mixin
    ServerOption server;

    @Option(names = "--actor", description = "Only records by this actor.")
    String actor;

    @Option(names = "--action", description = "Only this action (incident.ack, silence.create...).")
    String action;

    @Option(names = "--target", description = "Only targets starting with this (incident/, silence/s-1).")
    String target;

    @Option(names = "--since", paramLabel = "TIME", description = "Only records made at or after it (RFC 3339).")
    String since;

    @Option(names = "--before", paramLabel = "SEQ", description = "Only records below this seq (the next page).")
    String before;

    @Option(names = "--limit", paramLabel = "N", description = "At most N records (1 to 1000). Default: 100.")
    String limit;

    @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    CheckCommand.Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ApiClient.Answer a = server.client().get("/api/v1/audit" + query());
            if (!a.ok()) {
                err.printf("steward audit list: %s%n", a.error());
                a.body()
                        .path("errors")
                        .forEach(e -> err.printf(
                                "  %s: %s; expected %s%n",
                                e.path("field").asString(),
                                e.path("value").asString(""),
                                e.path("expected").asString()));
                return a.status() == 400 ? 2 : 1;
            }
            print(a.body().path("data"), out);
            return 0;
        } catch (ApiClient.Unreachable e) {
            err.printf("steward audit list: %s%n", e.getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private String query() {
        List<String> params = new ArrayList<>();
        add(params, "actor", actor);
        add(params, "action", action);
        add(params, "target", target);
        add(params, "since", since);
        add(params, "before", before);
        add(params, "limit", limit);
        return params.isEmpty() ? "" : "?" + String.join("&", params);
    }

    private static void add(List<String> params, String name, String value) {
        if (value != null) {
            params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private void print(JsonNode data, PrintWriter out) {
        if (format == CheckCommand.Format.json) {
            out.println(data.toString());
            return;
        }
        out.printf("%-6s %-24s %-16s %-16s %-20s %s%n", "SEQ", "AT", "ACTOR", "SOURCE", "ACTION", "TARGET");
        for (JsonNode r : data.path("records")) {
            out.printf(
                    "%-6s %-24s %-16s %-16s %-20s %s%n",
                    r.path("seq").asString(),
                    r.path("at").asString(),
                    r.path("actor").asString(),
                    r.path("source").asString(),
                    r.path("action").asString(),
                    r.path("target").asString());
        }
        if (!data.path("next_before").isNull()) {
            out.println("more: --before " + data.path("next_before").asString());
        }
    }
}
