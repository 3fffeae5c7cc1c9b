package dev.steward.app;

import dev.steward.api.IncidentApi;
import dev.steward.api.MaintenanceBackend;
import dev.steward.audit.AuditLog;
import dev.steward.core.incident.CommandOutcome;
import dev.steward.core.incident.Incident;
import dev.steward.core.maintenance.MaintenanceCalendar;
import dev.steward.core.maintenance.MaintenanceWindow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decorators that put the changes made through the incident and maintenance APIs on the audit log (who, what, before
 * and after), after the change was stored and before the API answers. Refused commands change nothing and are not
 * recorded.
 */
final class Audited {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Audited() {}

    static IncidentApi.Backend incidents(IncidentApi.Backend inner, AuditLog audit) {
        return new IncidentApi.Backend() {
            @Override
            public Instant now() {
                return inner.now();
            }

            @Override
            public List<Incident> list(String state, Optional<String> service, int limit) {
                return inner.list(state, service, limit);
            }

            @Override
            public Optional<Incident> get(String id) {
                return inner.get(id);
            }

            @Override
            public Optional<CommandOutcome> command(String id, IncidentApi.Command command) {
                Optional<String> before = inner.get(id).map(Audited::summary);
                Optional<CommandOutcome> outcome = inner.command(id, command);
                if (outcome.isPresent() && outcome.get() instanceof CommandOutcome.Applied a) {
                    audit.record(
                            command.by(),
                            "api",
                            "incident." + action(command),
                            "incident/" + id,
                            before.orElse(""),
                            summary(a.incident()));
                }
                return outcome;
            }
        };
    }

    private static String action(IncidentApi.Command c) {
        return switch (c) {
            case IncidentApi.Command.Acknowledge a -> "ack";
            case IncidentApi.Command.Resolve r -> "resolve";
            case IncidentApi.Command.Snooze s -> "snooze";
            case IncidentApi.Command.AddNote n -> "note";
            case IncidentApi.Command.Reassign r -> "reassign";
        };
    }

    private static String summary(Incident i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", i.stateName());
        m.put("title", i.title());
        i.assignee().ifPresent(a -> m.put("assignee", a.toString()));
        m.put("notes", i.notes().size());
        return JSON.writeValueAsString(m);
    }

    static String silence(dev.steward.core.silence.Silence s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("matchers", s.matchers().toString());
        m.put("startsAt", s.startsAt().toString());
        m.put("endsAt", s.endsAt().toString());
        m.put("createdBy", s.createdBy());
        m.put("comment", s.comment());
        return JSON.writeValueAsString(m);
    }

    static MaintenanceBackend maintenance(MaintenanceBackend inner, AuditLog audit) {
        return new MaintenanceBackend() {
            @Override
            public Instant now() {
                return inner.now();
            }

            @Override
            public MaintenanceCalendar calendar() {
                return inner.calendar();
            }

            @Override
            public Created create(MaintenanceWindow candidate) {
                Created c = inner.create(candidate);
                if (c instanceof Created.Accepted a) {
                    audit.record(
                            actor(a.window()),
                            "api",
                            "maintenance.create",
                            "maintenance/" + a.window().id(),
                            "",
                            window(a.window()));
                }
                return c;
            }

            @Override
            public Ended end(String id) {
                Ended e = inner.end(id);
                if (e instanceof Ended.Done d) {
                    audit.record(
                            actor(d.window()), "api", "maintenance.end", "maintenance/" + id, "", window(d.window()));
                }
                return e;
            }
        };
    }

    private static String actor(MaintenanceWindow w) {
        return w.declaredBy() == null || w.declaredBy().isBlank() ? "api" : w.declaredBy();
    }

    private static String window(MaintenanceWindow w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", w.title());
        m.put("schedule", w.schedule().toString());
        m.put("scope", w.scope().toString());
        m.put("emergency", w.emergency());
        m.put("freezeDeployments", w.freezeDeployments());
        return JSON.writeValueAsString(m);
    }
}
