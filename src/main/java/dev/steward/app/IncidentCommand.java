package dev.steward.app;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code steward incident list|show|ack|resolve|snooze|note|reassign}: incidents of a running daemon through {@code
 * /api/v1/incidents}. Exit 0 done, 1 refused by the daemon (an illegal transition, an unknown incident), 2 usage error
 * or daemon unreachable.
 */
@Command(
        name = "incident",
        description = "List and act on the daemon's incidents. Exit 0 done, 1 refused (unknown incident, illegal"
                + " transition), 2 usage or connection error.",
        subcommands = {
            IncidentCommand.ListIncidents.class,
            IncidentCommand.Show.class,
            IncidentCommand.Ack.class,
            IncidentCommand.Resolve.class,
            IncidentCommand.Snooze.class,
            IncidentCommand.Note.class,
            IncidentCommand.Reassign.class
        })
final class IncidentCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "expected a subcommand: list, show, ack, resolve, snooze, note, reassign");
    }

    /** Options every subcommand has. */
    static class Common {
        @CommandLine.Mixin
        ServerOption server;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        /** Runs {@code action}, mapping an unreachable daemon to exit 2 and a refusal to exit 1. */
        int call(Action action) throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                ApiClient.Answer a = action.run(server.client(), out);
                if (!a.ok()) {
                    err.printf("steward incident: %s%n", a.error());
                    return a.status() == 400 ? 2 : 1;
                }
                return 0;
            } catch (ApiClient.Unreachable e) {
                err.printf("steward incident: %s%n", e.getMessage());
                return 2;
            } finally {
                out.flush();
                err.flush();
            }
        }

        interface Action {
            ApiClient.Answer run(ApiClient api, PrintWriter out) throws ApiClient.Unreachable, InterruptedException;
        }

        static String actor(String by) {
            if (by != null && !by.isBlank()) {
                return by;
            }
            String user = System.getenv("USER");
            return user == null || user.isBlank() ? "cli" : user;
        }

        static String path(String id, String action) {
            return ApiClient.resource("/api/v1/incidents/", id, action);
        }
    }

    @Command(name = "list", description = "Incidents, newest first (open ones by default).")
    static final class ListIncidents extends Common implements Callable<Integer> {
        @Option(
                names = "--state",
                defaultValue = "open",
                description = "open (not resolved), triggered, acknowledged, snoozed, held, resolved or all."
                        + " Default: ${DEFAULT-VALUE}.")
        String state;

        @Option(names = "--service", description = "Only this service's incidents.")
        String service;

        @Option(names = "--limit", defaultValue = "50", description = "At most this many. Default: ${DEFAULT-VALUE}.")
        int limit;

        @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
        CheckCommand.Format format;

        @Override
        public Integer call() throws InterruptedException {
            StringBuilder q = new StringBuilder("/api/v1/incidents?state=")
                    .append(URLEncoder.encode(state, StandardCharsets.UTF_8))
                    .append("&limit=")
                    .append(limit);
            if (service != null) {
                q.append("&service=").append(URLEncoder.encode(service, StandardCharsets.UTF_8));
            }
            return call((api, out) -> {
                ApiClient.Answer a = api.get(q.toString());
                if (a.ok()) {
                    out.print(
                            format == CheckCommand.Format.json
                                    ? a.body() + "\n"
                                    : table(a.body().path("data")));
                }
                return a;
            });
        }
    }

    @Command(name = "show", description = "One incident with its alerts and timeline.")
    static final class Show extends Common implements Callable<Integer> {
        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
        CheckCommand.Format format;

        @Override
        public Integer call() throws InterruptedException {
            return call((api, out) -> {
                ApiClient.Answer a = api.get(path(id, ""));
                if (a.ok()) {
                    out.print(
                            format == CheckCommand.Format.json
                                    ? a.body() + "\n"
                                    : detail(a.body().path("data")));
                }
                return a;
            });
        }
    }

    @Command(name = "ack", description = "Acknowledge: stops escalation until the acknowledgement times out.")
    static final class Ack extends Common implements Callable<Integer> {
        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--by", description = "Who acknowledges. Default: $USER.")
        String by;

        @Override
        public Integer call() throws InterruptedException {
            return call((api, out) -> printed(api.post(path(id, "/ack"), Map.of("by", actor(by))), out));
        }
    }

    @Command(name = "resolve", description = "Resolve by hand (notifies everyone who was paged).")
    static final class Resolve extends Common implements Callable<Integer> {
        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--by", description = "Who resolves. Default: $USER.")
        String by;

        @Override
        public Integer call() throws InterruptedException {
            return call((api, out) -> printed(api.post(path(id, "/resolve"), Map.of("by", actor(by))), out));
        }
    }

    @Command(
            name = "snooze",
            description = "Stop paging until a time (--until), for a while (--for) or until resolved.")
    static final class Snooze extends Common implements Callable<Integer> {
        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--until", description = "RFC 3339 time, or 'resolved'.")
        String until;

        @Option(names = "--for", description = "A duration such as 30m or 2h.")
        String duration;

        @Option(names = "--by", description = "Who snoozes. Default: $USER.")
        String by;

        @Override
        public Integer call() throws InterruptedException {
            if ((until == null) == (duration == null)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "expected exactly one of --until TIME|resolved and --for DURATION");
            }
            Map<String, String> body = new LinkedHashMap<>();
            body.put("by", actor(by));
            if (until != null) {
                body.put("until", until);
            } else {
                body.put("for", duration);
            }
            return call((api, out) -> printed(api.post(path(id, "/snooze"), body), out));
        }
    }

    @Command(name = "note", description = "Add a note to the incident's timeline.")
    static final class Note extends Common implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Parameters(index = "1", paramLabel = "TEXT")
        String text;

        @Option(names = "--by", description = "Who writes. Default: $USER.")
        String by;

        @Override
        public Integer call() throws InterruptedException {
            return call((api, out) ->
                    printed(api.post(path(id, "/notes"), Map.of("by", actor(by), "text", text)), out));
        }
    }

    @Command(name = "reassign", description = "Page someone else: person:NAME, schedule:NAME or receiver:NAME.")
    static final class Reassign extends Common implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Parameters(index = "1", paramLabel = "TARGET")
        String to;

        @Option(names = "--by", description = "Who reassigns. Default: $USER.")
        String by;

        @Override
        public Integer call() throws InterruptedException {
            return call((api, out) -> printed(api.post(path(id, "/reassign"), Map.of("by", actor(by), "to", to)), out));
        }
    }

    private static ApiClient.Answer printed(ApiClient.Answer a, PrintWriter out) {
        if (a.ok()) {
            JsonNode d = a.body().path("data");
            out.printf("%s: %s%n", d.path("id").asString(), d.path("state").asString());
        }
        return a;
    }

    static String table(JsonNode incidents) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "STATE", "SEVERITY", "SERVICE", "OPENED", "TITLE"});
        for (JsonNode i : incidents) {
            String state = i.path("state").asString();
            if (!i.path("heldBy").asString("").isEmpty()) {
                state += " (caused by " + i.path("heldBy").asString() + ")";
            }
            rows.add(new String[] {
                i.path("id").asString(),
                state,
                i.path("severity").asString(""),
                i.path("service").asString(""),
                i.path("openedAt").asString(""),
                i.path("title").asString("")
            });
        }
        if (rows.size() == 1) {
            return "no incidents\n";
        }
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                sb.append(c == r.length - 1 ? r[c] : String.format("%-" + (width[c] + 2) + "s", r[c]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String detail(JsonNode i) {
        StringBuilder sb = new StringBuilder();
        sb.append(i.path("id").asString()).append("  ").append(i.path("state").asString());
        sb.append("  ").append(i.path("severity").asString("")).append('\n');
        sb.append(i.path("title").asString("")).append('\n');
        for (JsonNode a : i.path("alerts")) {
            sb.append("  alert ").append(a.path("firing").asBoolean() ? "firing " : "resolved ");
            sb.append(a.path("labels"))
                    .append(" since ")
                    .append(a.path("startsAt").asString())
                    .append('\n');
        }
        for (JsonNode e : i.path("timeline")) {
            sb.append("  ")
                    .append(e.path("at").asString())
                    .append("  ")
                    .append(e.path("event").asString(""));
            String actor = e.path("actor").asString("");
            if (!actor.isEmpty()) {
                sb.append(" by ").append(actor);
            }
            String text = e.path("detail").asString("");
            if (!text.isEmpty()) {
                sb.append(": ").append(text);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
