package dev.steward.app;

import dev.steward.core.config.StackConfig;
import dev.steward.core.expect.DurationLiteral;
import dev.steward.core.oncall.Coverage;
import dev.steward.core.oncall.CoverageProblem;
import dev.steward.core.oncall.Interval;
import dev.steward.core.oncall.OnCall;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** {@code steward oncall gaps}: the coverage report. Exit 0 covered, 1 problems found, 2 configuration or usage error. */
@Command(
        name = "gaps",
        description = "Times when a page would reach nobody over the coming days: schedule gaps, escalation levels"
                + " that resolve to nobody, people without a working contact method."
                + " Exit 0 none, 1 problems found, 2 configuration or usage error.")
final class OnCallGapsCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The stack file.")
    Path config;

    @Option(
            names = "--days",
            defaultValue = "14",
            paramLabel = "N",
            description = "Horizon. Default: ${DEFAULT-VALUE}.")
    int days;

    @Option(
            names = "--from",
            defaultValue = "now",
            paramLabel = "TIME",
            description = "Start of the horizon, written as for oncall who --at. Default: ${DEFAULT-VALUE}.")
    String from;

    @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    CheckCommand.Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (days < 1 || days > 366) {
            return OnCallCommand.usageError(err, "--days " + days + ": out of range; expected 1 to 366");
        }
        Optional<Instant> start = TimeArg.parse(from, InstantSource.system());
        if (start.isEmpty()) {
            return OnCallCommand.usageError(err, "--from " + from + ": invalid time; expected " + TimeArg.EXPECTED);
        }
        Optional<StackConfig> stack = OnCallCommand.load(config, err);
        if (stack.isEmpty()) {
            return 2;
        }
        OnCall oncall = stack.get().oncall();
        Instant end = start.get().plus(Duration.ofDays(days));
        List<CoverageProblem> problems = Coverage.report(oncall, start.get(), end);
        if (format == CheckCommand.Format.json) {
            out.println(JsonMapper.builder()
                    .build()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(json(oncall, start.get(), end, problems)));
        } else {
            text(out, oncall, start.get(), problems);
        }
        out.flush();
        return problems.isEmpty() ? 0 : 1;
    }

    private void text(PrintWriter out, OnCall oncall, Instant start, List<CoverageProblem> problems) {
        for (CoverageProblem p : problems) {
            out.println(describe(oncall, p));
        }
        out.printf(
                "%d problem%s over %d day%s from %s%n",
                problems.size(), problems.size() == 1 ? "" : "s", days, days == 1 ? "" : "s", start);
        if (!oncall.receivers().isEmpty()) {
            out.printf(
                    "receivers named (defined in the Alertmanager configuration, not checked here): %s%n",
                    String.join(", ", oncall.receivers().stream().sorted().toList()));
        }
    }

    static String describe(OnCall oncall, CoverageProblem p) {
        return switch (p) {
            case CoverageProblem.ScheduleGap g ->
                "schedule " + g.schedule() + ": nobody on call "
                        + interval(
                                g.interval(),
                                oncall.schedules().get(g.schedule()).zone());
            case CoverageProblem.LevelUncovered l ->
                "escalation policy " + l.policy() + " level " + (l.level() + 1) + ": pages nobody "
                        + interval(l.interval(), ZoneOffset.UTC);
            case CoverageProblem.Unreachable u -> "person " + u.person() + ": no working contact method";
            case CoverageProblem.UnknownReference r -> r.owner() + ": unknown " + r.kind() + " " + r.name();
        };
    }

    private static String interval(Interval i, ZoneId zone) {
        return OnCallCommand.time(i.start(), zone) + " to " + OnCallCommand.time(i.end(), zone) + ", "
                + DurationLiteral.format(i.length());
    }

    private static Map<String, Object> json(OnCall oncall, Instant start, Instant end, List<CoverageProblem> problems) {
        List<Object> list = new ArrayList<>();
        for (CoverageProblem p : problems) {
            Map<String, Object> m = new LinkedHashMap<>();
            switch (p) {
                case CoverageProblem.ScheduleGap g -> {
                    m.put("type", "schedule_gap");
                    m.put("schedule", g.schedule());
                    put(m, g.interval());
                }
                case CoverageProblem.LevelUncovered l -> {
                    m.put("type", "level_uncovered");
                    m.put("escalation_policy", l.policy());
                    m.put("level", l.level() + 1);
                    put(m, l.interval());
                }
                case CoverageProblem.Unreachable u -> {
                    m.put("type", "unreachable");
                    m.put("person", u.person());
                }
                case CoverageProblem.UnknownReference r -> {
                    m.put("type", "unknown_reference");
                    m.put("owner", r.owner());
                    m.put("kind", r.kind());
                    m.put("name", r.name());
                }
            }
            m.put("message", describe(oncall, p));
            list.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("from", start.toString());
        doc.put("to", end.toString());
        doc.put("covered", problems.isEmpty());
        doc.put("problems", list);
        doc.put("receivers", oncall.receivers().stream().sorted().toList());
        return doc;
    }

    private static void put(Map<String, Object> m, Interval i) {
        m.put("start", i.start().toString());
        m.put("end", i.end().toString());
        m.put("length", DurationLiteral.format(i.length()));
    }
}
