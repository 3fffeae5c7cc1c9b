package dev.steward.app;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code steward deploy start|status|promote|pause|resume|abort|rollback}: deployments of a running daemon through
 * {@code /api/v1/deployments}. With {@code --watch}, prints each new timeline entry until the deployment is done. Exit
 * 0 done (succeeded when watched), 1 refused by the daemon or the deployment rolled back, failed or was aborted, 2
 * usage error, a bad request or the daemon unreachable.
 */
@Command(
        name = "deploy",
        description = "Start, follow and steer progressive deployments. Exit 0 done (or succeeded, with --watch), 1"
                + " refused or rolled back, failed, aborted, 2 usage, bad request or connection error.",
        subcommands = {
            DeployCommand.Start.class,
            DeployCommand.Status.class,
            DeployCommand.Promote.class,
            DeployCommand.Pause.class,
            DeployCommand.Resume.class,
            DeployCommand.Abort.class,
            DeployCommand.Rollback.class
        })
final class DeployCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "expected a subcommand: start, status, promote, pause, resume, abort, rollback");
    }

    /** Options every subcommand has. */
    static class Common {
        @CommandLine.Mixin
        ServerOption server;

        /** How often --watch asks the daemon, in milliseconds (tests shorten it). */
        @Option(names = "--poll-ms", hidden = true, defaultValue = "1000")
        long pollMillis;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        int call(Action action) throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                return action.run(server.client(), out, err);
            } catch (ApiClient.Unreachable e) {
                err.printf("steward deploy: %s%n", e.getMessage());
                return 2;
            } finally {
                out.flush();
                err.flush();
            }
        }

        interface Action {
            int run(ApiClient api, PrintWriter out, PrintWriter err) throws ApiClient.Unreachable, InterruptedException;
        }

        static int refused(ApiClient.Answer a, PrintWriter err) {
            err.printf("steward deploy: %s%n", a.error());
            for (JsonNode e : a.body().path("errors")) {
                err.printf(
                        "  %s: %s (seen %s)%n",
                        e.path("field").asString(""),
                        e.path("expected").asString(""),
                        e.path("value").asString(""));
            }
            return a.status() == 400 ? 2 : 1;
        }

        static String path(String id, String action) {
            return ApiClient.resource("/api/v1/deployments/", id, action);
        }

        /** Prints the timeline from entry {@code from} on until the deployment is terminal; its exit code. */
        int watch(ApiClient api, String id, JsonNode first, PrintWriter out, PrintWriter err)
                throws ApiClient.Unreachable, InterruptedException {
            JsonNode d = first;
            int printed = 0;
            while (true) {
                printed = DeployText.timeline(d, printed, out);
                out.flush();
                if (d.path("terminal").asBoolean(false)) {
                    out.printf("%s: %s%n", id, DeployText.headline(d));
                    return d.path("state").asString("").equals("succeeded") ? 0 : 1;
                }
                Thread.sleep(pollMillis);
                ApiClient.Answer a = api.get(path(id, ""));
                if (!a.ok()) {
                    return refused(a, err);
                }
                d = a.body().path("data");
            }
        }
    }

    /** {@code --at}: an RFC 3339 time, or a delay from {@code now} in the stack file's duration syntax. */
    static Optional<java.time.Instant> startAt(String text, java.time.Instant now) {
        Optional<java.time.Duration> delay = DurationArg.parse(text);
        if (delay.isPresent()) {
            return Optional.of(now.plus(delay.get()));
        }
        try {
            return Optional.of(java.time.OffsetDateTime.parse(text.strip()).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Command(name = "start", description = "Deploy VERSION of SERVICE to an environment, now or at a set time.")
    static final class Start extends Common implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "SERVICE")
        String service;

        @Parameters(index = "1", paramLabel = "VERSION")
        String version;

        @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment to deploy to.")
        String environment;

        @Option(
                names = "--stable",
                paramLabel = "VERSION",
                description = "The version to roll back to. Default: the last version that succeeded there.")
        String stable;

        @Option(names = "--watch", description = "Print the timeline until the deployment is done.")
        boolean watch;

        @Option(
                names = "--at",
                paramLabel = "WHEN",
                description = "Schedule the start: an RFC 3339 time (2026-11-25T14:00:00Z) or a delay from now (30m,"
                        + " 2h). The service's announce receivers hear of it now and announce.ahead before it starts."
                        + " Default: start now.")
        String at;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, String> body = new LinkedHashMap<>();
            if (at != null) {
                Optional<java.time.Instant> when = startAt(at, java.time.Instant.now());
                if (when.isEmpty()) {
                    spec.commandLine()
                            .getErr()
                            .printf(
                                    "steward deploy start: --at %s: expected an RFC 3339 time such as"
                                            + " 2026-11-25T14:00:00Z or a delay such as 30m or 2h%n",
                                    at);
                    return 2;
                }
                body.put("start_at", when.get().toString());
            }
            body.put("service", service);
            body.put("environment", environment);
            body.put("version", version);
            if (stable != null) {
                body.put("stable_version", stable);
            }
            body.put("by", IncidentCommand.Common.actor(null));
            return call((api, out, err) -> {
                ApiClient.Answer a = api.post("/api/v1/deployments", body);
                if (!a.ok()) {
                    return refused(a, err);
                }
                JsonNode d = a.body().path("data");
                String id = d.path("id").asString("");
                out.println(id);
                return watch ? watch(api, id, d, out, err) : 0;
            });
        }
    }

    @Command(name = "status", description = "One deployment with its plan and timeline, or all of them, active first.")
    static final class Status extends Common implements Callable<Integer> {
        @Parameters(paramLabel = "ID", arity = "0..1")
        String id;

        @Option(names = "--service", description = "Only this service's deployments (without ID).")
        String service;

        @Option(names = "--watch", description = "With ID: print the timeline until the deployment is done.")
        boolean watch;

        @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
        CheckCommand.Format format;

        @Override
        public Integer call() throws InterruptedException {
            return call((api, out, err) -> {
                String q = id != null
                        ? path(id, "")
                        : "/api/v1/deployments"
                                + (service == null
                                        ? ""
                                        : "?service=" + URLEncoder.encode(service, StandardCharsets.UTF_8));
                ApiClient.Answer a = api.get(q);
                if (!a.ok()) {
                    return refused(a, err);
                }
                JsonNode data = a.body().path("data");
                if (format == CheckCommand.Format.json) {
                    out.println(a.body());
                    return 0;
                }
                if (id == null) {
                    out.print(DeployText.table(data));
                    return 0;
                }
                if (watch) {
                    return watch(api, id, data, out, err);
                }
                out.print(DeployText.detail(data));
                return 0;
            });
        }
    }

    /** An operator command on one deployment. */
    abstract static class Steer extends Common implements Callable<Integer> {
        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--reason", description = "Why (goes on the timeline and the audit log).")
        String reason;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("by", IncidentCommand.Common.actor(null));
            if (reason != null) {
                body.put("reason", reason);
            }
            return call((api, out, err) -> {
                ApiClient.Answer a = api.post(path(id, "/" + spec.name()), body); // the subcommand is the action
                if (!a.ok()) {
                    return refused(a, err);
                }
                out.printf("%s: %s%n", id, DeployText.headline(a.body().path("data")));
                return 0;
            });
        }
    }

    @Command(
            name = "promote",
            description = "Take the deployment past a step that waits to be promoted, or start a scheduled one now.")
    static final class Promote extends Steer {}

    @Command(name = "pause", description = "Hold the deployment where it is.")
    static final class Pause extends Steer {}

    @Command(name = "resume", description = "Resume a paused deployment.")
    static final class Resume extends Steer {}

    @Command(name = "abort", description = "Stop the deployment and leave everything as it is.")
    static final class Abort extends Steer {}

    @Command(name = "rollback", description = "Roll back to the stable version.")
    static final class Rollback extends Steer {}
}
