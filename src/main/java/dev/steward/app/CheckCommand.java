package dev.steward.app;

import dev.steward.core.check.CheckJudge;
import dev.steward.core.check.ProbeResult;
import dev.steward.core.config.CheckConfig;
import dev.steward.core.config.StackConfig;
import dev.steward.probe.ProbeDispatcher;
import dev.steward.stackfile.LoadResult;
import dev.steward.stackfile.StackFileLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** {@code steward check}: runs every check once, concurrently. Exit 0 all healthy, 1 some unhealthy, 2 config error. */
@Command(
        name = "check",
        description = "Run every check once now. Exit 0 all healthy, 1 some unhealthy, 2 configuration error.")
final class CheckCommand implements Callable<Integer> {
    enum Format {
        text,
        json
    }

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The stack file.")
    Path config;

    @Option(names = "--service", paramLabel = "S", description = "Only the checks of this service.")
    String service;

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "text (a table) or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    record Outcome(CheckConfig check, ProbeResult result) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadResult loaded = StackFileLoader.fromSystem().load(config);
        if (loaded instanceof LoadResult.Invalid invalid) {
            ValidateCommand.printErrors(err, StackFileLoader.format(invalid));
            return 2;
        }
        StackConfig stack = ((LoadResult.Loaded) loaded).config();
        if (service != null && !stack.services().containsKey(service)) {
            err.printf(
                    "--service %s: no such service in %s; expected one of %s%n",
                    service, config, String.join(", ", stack.services().keySet()));
            err.flush();
            return 2;
        }
        List<CheckConfig> checks = stack.allChecks().stream()
                .filter(c -> service == null || c.service().equals(service))
                .toList();
        List<Outcome> outcomes = run(checks);
        boolean healthy = outcomes.stream().allMatch(o -> o.result().success());
        if (format == Format.json) {
            out.println(JsonMapper.builder()
                    .build()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(json(stack, outcomes, healthy)));
        } else {
            out.print(CheckTable.render(outcomes));
            long failed = outcomes.stream().filter(o -> !o.result().success()).count();
            out.printf("%d check%s, %d failed%n", outcomes.size(), outcomes.size() == 1 ? "" : "s", failed);
        }
        out.flush();
        return healthy ? 0 : 1;
    }

    private static List<Outcome> run(List<CheckConfig> checks) throws Exception {
        InstantSource clock = InstantSource.system();
        try (ProbeDispatcher prober = ProbeDispatcher.create(clock);
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (CheckConfig c : checks) {
                futures.add(threads.submit(() -> {
                    Instant at = clock.instant();
                    return new Outcome(c, CheckJudge.judge(c, prober.probe(c.probe(), c.timeout()), at));
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        }
    }

    private static Map<String, Object> json(StackConfig stack, List<Outcome> outcomes, boolean healthy) {
        List<Object> list = new ArrayList<>();
        for (Outcome o : outcomes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service", o.check().service());
            m.put("check", o.check().name());
            m.put("type", o.check().probe().type());
            m.put("target", o.check().probe().target());
            m.put("status", o.result().success() ? "up" : "down");
            m.put("latency_ms", o.result().latency().toNanos() / 1e6);
            if (o.result() instanceof ProbeResult.Failed f) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("kind", f.failure().kind().label());
                fm.put("message", f.failure().message());
                f.failure().condition().ifPresent(c -> fm.put("condition", c));
                f.failure().seen().ifPresent(s -> fm.put("seen", s));
                m.put("failure", fm);
            }
            list.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("stack", stack.stack());
        doc.put("healthy", healthy);
        doc.put("checks", list);
        return doc;
    }
}
