package dev.steward.app;

import dev.steward.core.config.StackConfig;
import dev.steward.core.expect.DurationLiteral;
import dev.steward.core.oncall.Contact;
import dev.steward.core.oncall.EscalationChoice;
import dev.steward.core.oncall.EscalationPlan;
import dev.steward.core.oncall.OnCall;
import dev.steward.core.oncall.Recipient;
import dev.steward.core.oncall.Target;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** {@code steward oncall who}: the escalation dry run. Exit 0 answered, 2 configuration or usage error. */
@Command(
        name = "who",
        description = "Who would be paged, level by level, for an incident triggered at a given time."
                + " Exit 0 answered, 2 configuration or usage error.")
final class OnCallWhoCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The stack file.")
    Path config;

    @Option(
            names = "--at",
            defaultValue = "now",
            paramLabel = "TIME",
            description = "When the incident triggers: now, RFC 3339 (2026-11-29T03:00:00Z) or a local time and"
                    + " a zone (\"2026-11-29T03:00 Europe/Berlin\"). Default: ${DEFAULT-VALUE}.")
    String at;

    @Option(names = "--service", paramLabel = "S", description = "The service the alert is about.")
    String service;

    @Option(
            names = "--severity",
            paramLabel = "NAME",
            description = "The alert's severity label. Default: the default severity, as for an alert without one.")
    String severity;

    @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    CheckCommand.Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Instant> when = TimeArg.parse(at, InstantSource.system());
        if (when.isEmpty()) {
            return OnCallCommand.usageError(err, "--at " + at + ": invalid time; expected " + TimeArg.EXPECTED);
        }
        Optional<StackConfig> stack = OnCallCommand.load(config, err);
        if (stack.isEmpty()) {
            return 2;
        }
        OnCall oncall = stack.get().oncall();
        if (service != null && !stack.get().services().containsKey(service)) {
            return OnCallCommand.usageError(
                    err,
                    "--service " + service + ": no such service in " + config + "; expected one of "
                            + String.join(", ", stack.get().services().keySet()));
        }
        if (oncall.severities().isEmpty()) {
            return OnCallCommand.usageError(err, config + ": no severities; add a severities section");
        }
        if (severity != null && !oncall.severities().containsKey(severity)) {
            return OnCallCommand.usageError(
                    err,
                    "--severity " + severity + ": no such severity in " + config + "; expected one of "
                            + String.join(", ", oncall.severities().keySet()));
        }
        EscalationChoice choice = oncall.choose(Optional.ofNullable(service), Optional.ofNullable(severity))
                .orElseThrow(); // the loader guarantees a default severity and known policies
        EscalationPlan plan = EscalationPlan.who(choice.policy(), choice.severity(), when.get(), oncall);
        if (format == CheckCommand.Format.json) {
            out.println(JsonMapper.builder()
                    .build()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(json(choice, plan)));
        } else {
            text(out, choice, plan, TimeArg.zone(at));
        }
        out.flush();
        return 0;
    }

    private void text(PrintWriter out, EscalationChoice choice, EscalationPlan plan, ZoneId zone) {
        out.printf(
                "%s%s at %s%n",
                choice.severity().name(),
                service == null ? "" : " on " + service,
                OnCallCommand.time(plan.triggeredAt(), zone));
        out.printf(
                "%s; respond within %s%n",
                choice.reason(), DurationLiteral.format(choice.severity().respondWithin()));
        for (EscalationPlan.Step step : plan.steps()) {
            String level = "level " + (step.level() + 1) + (step.round() == 0 ? "" : " (repeat " + step.round() + ")");
            out.printf(
                    "+%-6s %s  %s%n",
                    DurationLiteral.format(step.offset()), OnCallCommand.time(step.at(), zone), level);
            for (Recipient r : step.recipients()) {
                out.printf("        %s%n", describe(r));
            }
        }
        if (plan.pagesNobody()) {
            out.println("nobody would be paged");
        }
    }

    static String describe(Recipient r) {
        return switch (r) {
            case Recipient.Reached p ->
                target(p.via()) + ": " + p.person().name() + " via "
                        + p.contacts().stream().map(Contact::toString).collect(Collectors.joining(", "));
            case Recipient.Receiver x -> "receiver " + x.name() + " (Alertmanager receiver)";
            case Recipient.Nobody n -> target(n.via()) + ": nobody (" + n.reason() + ")";
        };
    }

    static String target(Target t) {
        return switch (t) {
            case Target.Person p -> "person " + p.name();
            case Target.Schedule s -> "schedule " + s.name();
            case Target.Receiver x -> "receiver " + x.name();
        };
    }

    private Map<String, Object> json(EscalationChoice choice, EscalationPlan plan) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("at", plan.triggeredAt().toString());
        doc.put("service", service);
        doc.put("severity", choice.severity().name());
        doc.put("respond_within", DurationLiteral.format(choice.severity().respondWithin()));
        doc.put("escalation_policy", choice.policy().name());
        doc.put("reason", choice.reason());
        List<Object> steps = new ArrayList<>();
        for (EscalationPlan.Step step : plan.steps()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("round", step.round());
            s.put("level", step.level() + 1);
            s.put("offset", DurationLiteral.format(step.offset()));
            s.put("at", step.at().toString());
            s.put(
                    "recipients",
                    step.recipients().stream().map(OnCallWhoCommand::json).toList());
            steps.add(s);
        }
        doc.put("steps", steps);
        doc.put("pages_nobody", plan.pagesNobody());
        return doc;
    }

    private static Map<String, Object> json(Recipient r) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (r) {
            case Recipient.Reached p -> {
                m.put("type", "person");
                m.put("name", p.person().name());
                m.put("via", target(p.via()));
                m.put(
                        "contacts",
                        p.contacts().stream().map(OnCallWhoCommand::json).toList());
            }
            case Recipient.Receiver x -> {
                m.put("type", "receiver");
                m.put("name", x.name());
            }
            case Recipient.Nobody n -> {
                m.put("type", "nobody");
                m.put("via", target(n.via()));
                m.put("reason", n.reason());
            }
        }
        return m;
    }

    private static Map<String, Object> json(Contact c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", c.kind().label());
        m.put("address", c.address().toString()); // as written: references to secrets stay references
        return m;
    }
}
