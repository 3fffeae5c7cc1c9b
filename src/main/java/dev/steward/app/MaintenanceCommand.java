package dev.steward.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code steward maintenance list|create|end}: a client of the daemon's {@code /api/v1/maintenance}. Exit 0 on
 * success, 1 when the daemon refused the request (every reason printed), 2 on a usage error or when the daemon cannot
 * be reached.
 */
@Command(
        name = "maintenance",
        description = "List, create and end maintenance windows on a running daemon. Exit 0 success, 1 refused,"
                + " 2 usage or connection error.",
        subcommands = {
            MaintenanceCommand.ListWindows.class,
            MaintenanceCommand.CreateWindow.class,
            MaintenanceCommand.EndWindow.class
        })
final class MaintenanceCommand implements Callable<Integer> {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Option(
            names = "--server",
            paramLabel = "URL",
            defaultValue = "http://127.0.0.1:" + DaemonOptions.DEFAULT_PORT,
            scope = CommandLine.ScopeType.INHERIT,
            description = "The API's base URL. Default: ${DEFAULT-VALUE}.")
    URI server;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** One answer of the daemon, or empty when it could not be reached (the reason already printed). */
    Optional<Answer> call(String method, String path, String body) throws InterruptedException {
        String base = server.toString();
        URI uri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
        PrintWriter err = spec.commandLine().getErr();
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json")
                            .method(
                                    method,
                                    body == null
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return Optional.of(new Answer(r.statusCode(), r.body(), JSON.readTree(r.body())));
        } catch (IOException e) {
            err.printf("steward maintenance: cannot reach %s: %s%n", uri, e);
        } catch (RuntimeException e) {
            err.printf("steward maintenance: %s answered with a body that is not JSON%n", uri);
        }
        err.flush();
        return Optional.empty();
    }

    record Answer(int status, String body, JsonNode doc) {}

    /** Prints the daemon's refusal with every bad field; returns exit code 1. */
    int refused(Answer a) {
        PrintWriter err = spec.commandLine().getErr();
        err.printf("steward maintenance: %s (HTTP %d)%n", a.doc().path("error").asString("refused"), a.status());
        for (JsonNode e : a.doc().path("errors")) {
            err.printf(
                    "  %s: %s; expected %s%n",
                    e.path("field").asString(),
                    e.path("value").asString(""),
                    e.path("expected").asString());
        }
        err.flush();
        return 1;
    }

    static String line(JsonNode occurrence) {
        return "%s  %s  %-24s %s"
                .formatted(
                        occurrence.path("start").asString(),
                        occurrence.path("end").asString(),
                        occurrence.path("window").asString(),
                        occurrence.path("title").asString());
    }

    @Command(name = "list", description = "Active windows and the occurrences in a range (default: the next 7 days).")
    static final class ListWindows implements Callable<Integer> {
        @ParentCommand
        MaintenanceCommand parent;

        @Option(names = "--from", paramLabel = "TIME", description = "Start of the range (RFC 3339); default now.")
        String from;

        @Option(names = "--to", paramLabel = "TIME", description = "End of the range (RFC 3339); default from + 7d.")
        String to;

        @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
        CheckCommand.Format format;

        @Override
        public Integer call() throws InterruptedException {
            List<String> params = new ArrayList<>();
            if (from != null) {
                params.add("from=" + URLEncoder.encode(from, StandardCharsets.UTF_8));
            }
            if (to != null) {
                params.add("to=" + URLEncoder.encode(to, StandardCharsets.UTF_8));
            }
            String query = params.isEmpty() ? "" : "?" + String.join("&", params);
            Optional<Answer> a = parent.call("GET", "/api/v1/maintenance" + query, null);
            if (a.isEmpty()) {
                return 2;
            }
            if (a.get().status() != 200) {
                return parent.refused(a.get());
            }
            PrintWriter out = parent.spec.commandLine().getOut();
            if (format == CheckCommand.Format.json) {
                out.println(a.get().body());
            } else {
                JsonNode doc = a.get().doc();
                out.println("active now (" + doc.path("now").asString() + "):");
                doc.path("active").forEach(o -> out.println("  " + line(o)));
                out.println("from " + doc.path("from").asString() + " to "
                        + doc.path("to").asString() + ":");
                doc.path("occurrences").forEach(o -> out.println("  " + line(o)));
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "create", description = "Create a one-off window.")
    static final class CreateWindow implements Callable<Integer> {
        @ParentCommand
        MaintenanceCommand parent;

        @Option(names = "--title", required = true, description = "What is being done, shown on covered checks.")
        String title;

        @Option(names = "--service", paramLabel = "NAME", description = "A service in scope (repeatable; * for all).")
        List<String> services = new ArrayList<>();

        @Option(names = "--match", paramLabel = "LABEL=VALUE", description = "A label matcher in scope (repeatable).")
        List<String> matchers = new ArrayList<>();

        @Option(names = "--propagate", description = "Cover the services that depend on those in scope too.")
        boolean propagate;

        @Option(names = "--start", defaultValue = "now", description = "RFC 3339 time or now. Default: now.")
        String start;

        @CommandLine.ArgGroup(multiplicity = "1")
        Until until;

        static final class Until {
            @Option(names = "--duration", paramLabel = "DURATION", description = "How long, such as 2h or 90m.")
            String duration;

            @Option(names = "--end", paramLabel = "TIME", description = "End time (RFC 3339).")
            String end;
        }

        @Option(names = "--emergency", description = "Created with less notice than the daemon requires.")
        boolean emergency;

        @Option(names = "--reason", description = "Why (required for --emergency).")
        String reason;

        @Option(names = "--by", paramLabel = "NAME", description = "Who declares it (required for --emergency).")
        String by;

        @Option(names = "--freeze-deployments", description = "No deployment of a service in scope while open.")
        boolean freeze;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", title);
            body.put("services", services);
            body.put("match", matchers);
            body.put("propagate_to_dependants", propagate);
            body.put("start", start);
            if (until.duration != null) {
                body.put("duration", until.duration);
            } else {
                body.put("end", until.end);
            }
            body.put("emergency", emergency);
            body.put("freeze_deployments", freeze);
            if (by != null) {
                body.put("declared_by", by);
            }
            if (reason != null) {
                body.put("reason", reason);
            }
            Optional<Answer> a = parent.call("POST", "/api/v1/maintenance", JSON.writeValueAsString(body));
            if (a.isEmpty()) {
                return 2;
            }
            if (a.get().status() != 201) {
                return parent.refused(a.get());
            }
            JsonNode w = a.get().doc();
            PrintWriter out = parent.spec.commandLine().getOut();
            out.printf(
                    "created %s: %s from %s to %s%n",
                    w.path("id").asString(),
                    w.path("title").asString(),
                    w.at("/schedule/start").asString(),
                    w.at("/schedule/end").asString());
            out.flush();
            return 0;
        }
    }

    @Command(name = "end", description = "End a window now.")
    static final class EndWindow implements Callable<Integer> {
        @ParentCommand
        MaintenanceCommand parent;

        @Parameters(index = "0", paramLabel = "ID", description = "The window's id.")
        String id;

        @Override
        public Integer call() throws InterruptedException {
            Optional<Answer> a = parent.call(
                    "POST", "/api/v1/maintenance/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/end", null);
            if (a.isEmpty()) {
                return 2;
            }
            if (a.get().status() != 200) {
                return parent.refused(a.get());
            }
            PrintWriter out = parent.spec.commandLine().getOut();
            out.printf("ended %s at %s%n", id, a.get().doc().path("ended_at").asString());
            out.flush();
            return 0;
        }
    }
}
