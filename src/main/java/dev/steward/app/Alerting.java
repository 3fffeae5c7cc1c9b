package dev.steward.app;

import dev.steward.amapi.AlertSink;
import dev.steward.amapi.PostedAlert;
import dev.steward.amapi.SilenceRegistry;
import dev.steward.api.IncidentApi;
import dev.steward.api.SignedLinks;
import dev.steward.core.config.StackConfig;
import dev.steward.core.incident.CommandOutcome;
import dev.steward.core.incident.HoldCause;
import dev.steward.core.incident.HoldOracle;
import dev.steward.core.incident.Incident;
import dev.steward.core.incident.IncidentPolicy;
import dev.steward.core.incident.IncidentQuery;
import dev.steward.core.incident.IncidentSettings;
import dev.steward.core.incident.Page;
import dev.steward.core.notify.Message;
import dev.steward.core.notify.MessageKind;
import dev.steward.core.oncall.OnCall;
import dev.steward.core.oncall.Recipient;
import dev.steward.core.oncall.Target;
import dev.steward.core.outbox.OutboxEntry;
import dev.steward.core.outbox.OutboxSettings;
import dev.steward.core.route.Alert;
import dev.steward.core.route.Notification;
import dev.steward.core.rule.AlertEvent;
import dev.steward.core.status.ServiceStatus;
import dev.steward.engine.IncidentLoop;
import dev.steward.engine.OutboxLoop;
import dev.steward.engine.RouteLoop;
import dev.steward.routefile.RouteConfig;
import dev.steward.store.jdbc.Database;
import dev.steward.store.jdbc.JdbcIncidentStore;
import dev.steward.store.jdbc.JdbcOutboxStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerting side of the daemon, wired: alerts (from the rule evaluator and from {@code POST /api/v2/alerts}) go to
 * the {@link RouteLoop} (Alertmanager's routing, muted by silences and inhibition), its notifications to the {@link
 * IncidentLoop} (incidents, escalation, holds), its pages to the {@link OutboxLoop} (one stored entry per channel,
 * delivered at least once). Holds come from the service statuses (a {@code depends_on} target down). Owns no thread of
 * its own: {@link #runDue} is called by the daemon's alerting thread, or by tests with a hand-driven clock.
 */
final class Alerting implements AutoCloseable, AlertSink, IncidentApi.Backend {
    private static final Logger LOG = LoggerFactory.getLogger(Alerting.class);

    private final InstantSource clock;
    private final OutboxLoop outbox;
    private final IncidentLoop incidents;
    private final RouteLoop routes;
    private final JdbcIncidentStore incidentStore;
    private final Supplier<Map<String, ServiceStatus>> statuses;
    private final BiFunction<String, Instant, Optional<String>> maintenance;
    private volatile ChannelDirectory directory;
    private volatile OnCall oncall;
    private volatile Optional<SignedLinks> links;
    private volatile Map<String, ServiceStatus> lastStatuses = Map.of();
    private final Instant startedAt;

    /**
     * How long after a start an open incident's alert may go unreported before it counts as resolved: Alertmanager's
     * default {@code resolve_timeout}, longer than Prometheus's resend delay and Steward's rule intervals.
     */
    static final java.time.Duration REPORT_GRACE = java.time.Duration.ofMinutes(5);

    /** What the alerting side is built from; a reload passes a new one to {@link #configure}. */
    record Config(StackConfig stack, RouteConfig routing, ChannelDirectory directory, Optional<SignedLinks> links) {}

    Alerting(
            Database database,
            InstantSource clock,
            LongSupplier ticker,
            Executor deliveries,
            Config config,
            SilenceRegistry silences,
            Supplier<Map<String, ServiceStatus>> statuses,
            BiFunction<String, Instant, Optional<String>> maintenance) {
        this.clock = clock;
        this.statuses = statuses;
        this.maintenance = maintenance;
        this.directory = config.directory();
        this.oncall = config.stack().oncall();
        this.links = config.links();
        Instant now = clock.instant();
        this.startedAt = now;
        this.outbox = new OutboxLoop(
                new JdbcOutboxStore(database),
                clock,
                deliveries,
                channel -> directory.notifier(channel),
                () -> ThreadLocalRandom.current().nextDouble(),
                outboxSettings(config));
        this.incidentStore = new JdbcIncidentStore(database);
        this.incidents = new IncidentLoop(
                incidentStore,
                work -> database.inTransaction(h -> {
                    work.run();
                    return null;
                }),
                policy(config.stack()),
                holds(),
                this::page,
                () -> UUID.randomUUID().toString());
        this.routes = new RouteLoop(
                config.routing(),
                now,
                silences::current,
                n -> {
                    Instant at = clock.instant();
                    incidents.onNotifications(asOf(n, at), at);
                },
                this::remind,
                RouteLoop.DEFAULT_REMINDER_LEAD,
                ticker);
    }

    /**
     * The notifications as of {@code now}: routing decided them at its own, earlier instant, and an alert whose
     * {@code endsAt} passed since (a sender's resolution that arrived meanwhile) is resolved, not firing, for the
     * incidents; a notification left with nothing is dropped.
     */
    static List<Notification> asOf(List<Notification> notifications, Instant now) {
        List<Notification> out = new ArrayList<>(notifications.size());
        for (Notification n : notifications) {
            List<Alert> firing = new ArrayList<>();
            List<Alert> resolved = new ArrayList<>(n.resolved());
            for (Alert a : n.firing()) {
                (a.resolved(now) ? resolved : firing).add(a);
            }
            if (firing.size() == n.firing().size()) {
                out.add(n);
            } else if (!firing.isEmpty() || !resolved.isEmpty()) {
                out.add(new Notification(n.receiver(), n.group(), n.groupLabels(), firing, resolved, n.at()));
            }
        }
        return out;
    }

    /** Applies a reloaded configuration: new routes, receivers, people and policies; open incidents keep theirs. */
    void configure(Config config) {
        Instant now = clock.instant();
        this.directory = config.directory();
        this.oncall = config.stack().oncall();
        this.links = config.links();
        routes.configure(config.routing(), now);
        incidents.configure(policy(config.stack()), holds());
    }

    private static IncidentPolicy policy(StackConfig stack) {
        var a = stack.alerting();
        IncidentSettings settings = new IncidentSettings(
                a.ackTimeout(),
                a.settleAfter(),
                IncidentSettings.DEFAULTS.serviceLabel(),
                IncidentSettings.DEFAULTS.severityLabel(),
                IncidentSettings.DEFAULTS.defaultSeverity());
        return IncidentPolicy.of(settings, stack.oncall());
    }

    private static OutboxSettings outboxSettings(Config config) {
        Optional<String> fallback = config.stack()
                .alerting()
                .fallbackReceiver()
                .flatMap(r -> config.directory().receiver(r).stream().findFirst());
        return fallback.map(f -> OutboxSettings.DEFAULT.withFallback(f, 3)).orElse(OutboxSettings.DEFAULT);
    }

    /**
     * Pages are held while the service is in a maintenance window, or while one of its {@code depends_on} targets is
     * down (as the service statuses say).
     */
    private HoldOracle holds() {
        return (service, now) -> {
            Optional<String> window = maintenance.apply(service, now);
            if (window.isPresent()) {
                return Optional.of(new HoldCause.Maintenance(window.get()));
            }
            ServiceStatus s = lastStatuses.get(service);
            if (s == null || s.downDependencies().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new HoldCause.DependencyDown(s.downDependencies().getFirst()));
        };
    }

    /** The alert a flapping check raises instead of a storm of down/up pages. */
    static final String FLAPPING_ALERT = "StewardCheckFlapping";

    private final Map<String, Alert> heldWhileFlapping = new HashMap<>();
    private final java.util.Set<String> flappingChecks = new java.util.HashSet<>();

    private static String checkKey(String service, String check) {
        return service + "/" + check;
    }

    /**
     * A check started or stopped flapping. Started: one {@value #FLAPPING_ALERT} alert (severity warning) goes through
     * routing, so its receivers get one notice; while it flaps, the check's own down alert is kept back from routing.
     * Stopped: the flapping alert resolves and the check's down alert, as it stands now, goes to routing: the check is
     * paged from then on if it settled down.
     */
    void onFlap(dev.steward.core.config.CheckConfig check, dev.steward.core.flap.FlapEvent event, String stack) {
        Instant now = clock.instant();
        dev.steward.core.series.Labels labels = dev.steward.core.series.Labels.of(
                "alertname",
                FLAPPING_ALERT,
                "check",
                check.name(),
                "service",
                check.service(),
                "severity",
                "warning",
                "stack",
                stack);
        String key = checkKey(check.service(), check.name());
        String percent = String.format(java.util.Locale.ROOT, "%.0f", event.percent());
        switch (event) {
            case dev.steward.core.flap.FlapEvent.FlappingStarted started -> {
                synchronized (heldWhileFlapping) {
                    flappingChecks.add(key);
                }
                routes.receive(
                        List.of(new Alert(
                                labels,
                                started.at(),
                                Optional.empty(),
                                Map.of(
                                        "summary",
                                        key + " is flapping: " + percent + " % state changes over its last 20 results",
                                        "value",
                                        percent))),
                        now);
            }
            case dev.steward.core.flap.FlapEvent.FlappingStopped stopped -> {
                Alert kept;
                synchronized (heldWhileFlapping) {
                    flappingChecks.remove(key);
                    kept = heldWhileFlapping.remove(key);
                }
                List<Alert> out = new ArrayList<>();
                out.add(new Alert(
                        labels,
                        stopped.at().minus(stopped.lasted()),
                        Optional.of(stopped.at()),
                        Map.of("summary", key + " stopped flapping after " + stopped.lasted())));
                if (kept != null) {
                    out.add(kept);
                }
                routes.receive(out, now);
            }
        }
    }

    /** Keeps back the built-in down alert of a flapping check; true when it was kept. */
    private boolean keptWhileFlapping(Alert alert) {
        if (!dev.steward.core.rule.checkalert.CheckAlerts.ALERT_NAME.equals(
                alert.labels().get("alertname"))) {
            return false;
        }
        String key = checkKey(alert.labels().get("service"), alert.labels().get("check"));
        synchronized (heldWhileFlapping) {
            if (!flappingChecks.contains(key)) {
                return false;
            }
            heldWhileFlapping.put(key, alert);
            return true;
        }
    }

    /** A transition of a rule's alert: firing and resolved ones go to routing; pending ones are not alerts yet. */
    void onRuleEvent(AlertEvent event) {
        Instant now = clock.instant();
        Optional<Alert> alert = switch (event) {
            case AlertEvent.AlertFired f ->
                Optional.of(
                        new Alert(f.labels(), f.activeAt(), Optional.empty(), withValue(f.annotations(), f.value())));
            case AlertEvent.AlertResolved r ->
                Optional.of(new Alert(r.labels(), r.firedAt(), Optional.of(r.at()), r.annotations()));
            case AlertEvent.AlertPending p -> Optional.empty();
            case AlertEvent.AlertCancelled c -> Optional.empty();
        };
        if (alert.isPresent() && !keptWhileFlapping(alert.get())) {
            routes.receive(List.of(alert.get()), now);
        }
    }

    private static Map<String, String> withValue(Map<String, String> annotations, double value) {
        if (annotations.containsKey("value")) {
            return annotations;
        }
        Map<String, String> out = new LinkedHashMap<>(annotations);
        out.put(
                "value",
                value == Math.rint(value) && Math.abs(value) < 1e15
                        ? Long.toString((long) value)
                        : Double.toString(value));
        return out;
    }

    /**
     * Alerts posted to {@code /api/v2/alerts}: an alert whose {@code endsAt} passed is resolved. A firing copy of an
     * alert that was already received resolved with the same {@code startsAt} is a late delivery (a sender's request
     * that timed out on its side and arrived after a newer one), not a new firing: Prometheus gives an alert that fires
     * again a new {@code startsAt}. Such copies are dropped for {@link #LATE_WINDOW} after the resolution.
     */
    @Override
    public void receive(List<PostedAlert> alerts, Instant receivedAt) {
        List<Alert> out = new ArrayList<>(alerts.size());
        synchronized (recentlyResolved) {
            recentlyResolved.values().removeIf(r -> r.at().plus(LATE_WINDOW).isBefore(receivedAt));
            for (PostedAlert a : alerts) {
                Alert alert = new Alert(a.labels(), a.startsAt(), Optional.of(a.endsAt()), a.annotations());
                if (alert.resolved(receivedAt)) {
                    recentlyResolved.put(a.labels(), new Resolution(a.startsAt(), receivedAt));
                } else {
                    Resolution r = recentlyResolved.get(a.labels());
                    if (r != null && r.startsAt().equals(a.startsAt())) {
                        continue;
                    }
                }
                out.add(alert);
            }
        }
        routes.receive(out, receivedAt);
    }

    /** How long a resolution received from a sender outranks late firing copies of the same alert. */
    static final java.time.Duration LATE_WINDOW = java.time.Duration.ofMinutes(15);

    private record Resolution(Instant startsAt, Instant at) {}

    private final Map<dev.steward.core.series.Labels, Resolution> recentlyResolved = new HashMap<>();

    /** Everything due at {@code now}: routing groups, incident timers, then deliveries (when not in the background). */
    int runDue(Instant now, boolean deliver) {
        lastStatuses = statuses.get();
        // before routing runs: a group that only ever held resolved alerts drops them without notifying
        reconcile(now);
        int n = routes.runDue(now);
        incidents.tick(now);
        if (deliver) {
            n += outbox.runDue(now);
        }
        return n;
    }

    /**
     * Incidents opened before a restart learn about their alerts again only when the alerts are sent again. An alert
     * that comes back already resolved makes no route notification (a group that only ever held resolved alerts
     * notifies nothing), and one that never comes back makes none either; so each open incident's firing alerts are
     * compared with what routing holds: resolved there, or not reported within {@link #REPORT_GRACE} of the start,
     * they are resolved in the incident, which resolves once none fires.
     */
    private void reconcile(Instant now) {
        for (Incident incident : incidents.openIncidents()) {
            List<Alert> firing = new ArrayList<>();
            List<Alert> resolved = new ArrayList<>();
            for (Alert a : incident.firing(now)) {
                Optional<Alert> held = routes.held(a.labels());
                if (held.isPresent() && held.get().resolved(now)) {
                    resolved.add(held.get());
                } else if (held.isEmpty() && !now.isBefore(startedAt.plus(REPORT_GRACE))) {
                    resolved.add(a.resolvedAt(now));
                } else {
                    firing.add(held.orElse(a));
                }
            }
            if (!resolved.isEmpty()) {
                incidents.onNotifications(
                        List.of(new Notification(
                                incident.receiver(),
                                incident.group(),
                                incident.group().groupLabels(),
                                firing,
                                resolved,
                                now)),
                        now);
            }
        }
    }

    Optional<Instant> nextDue() {
        return java.util.stream.Stream.of(routes.nextDue(), incidents.nextDue(), outbox.nextDue())
                .flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
    }

    /** Starts the outbox's own delivery thread (production). */
    void startDeliveries() {
        outbox.start();
    }

    OutboxLoop outbox() {
        return outbox;
    }

    RouteLoop routes() {
        return routes;
    }

    IncidentLoop incidents() {
        return incidents;
    }

    /**
     * A silence ends soon: its creator is told, through their contact methods when they are one of {@code people}
     * (silences name their creator as free text; Alertmanager's are often e-mail addresses or user names), and the
     * reminder is logged either way.
     */
    private void remind(dev.steward.engine.SilenceEnding ending) {
        LOG.info("{}", ending.message());
        var silence = ending.silence();
        var person = oncall.people().get(silence.createdBy());
        if (person == null) {
            return;
        }
        Message m = new Message(
                MessageKind.SILENCE_EXPIRING,
                "silence/" + silence.id(),
                "Silence " + silence.id() + " ends at " + silence.endsAt(),
                "",
                Map.of(),
                silence.startsAt(),
                ending.at(),
                List.of(),
                Optional.empty(),
                Optional.of(ending.message()));
        List<OutboxEntry> entries = new ArrayList<>();
        for (var contact : person.workingContacts()) {
            for (String channel : directory.contact(person, contact)) {
                entries.add(OutboxEntry.create(
                        "silence/" + silence.id() + "/" + silence.endsAt().toEpochMilli() + "/" + channel,
                        channel,
                        m,
                        ending.at()));
            }
        }
        if (!entries.isEmpty()) {
            outbox.enqueue(entries);
        }
    }

    /**
     * Stores one outbox entry per channel of {@code receivers} for an announcement (not tied to an incident: {@code key}
     * orders the entries and, with the channel, makes each entry's idempotency key); returns how many were stored.
     */
    int announce(List<String> receivers, Message message, String key, Instant at) {
        Set<String> channels = new LinkedHashSet<>();
        receivers.forEach(r -> channels.addAll(directory.receiver(r)));
        List<OutboxEntry> entries = new ArrayList<>();
        for (String channel : channels) {
            entries.add(OutboxEntry.create(key + "/" + channel, channel, message, at));
        }
        if (!entries.isEmpty()) {
            outbox.enqueue(entries);
        }
        return entries.size();
    }

    /**
     * Resolves each page's targets to channels and stores one outbox entry per channel (in the caller's transaction);
     * deliveries start once the caller committed.
     */
    private Runnable page(List<Page> pages, Instant now) {
        List<OutboxEntry> entries = new ArrayList<>();
        for (Page p : pages) {
            Message message = withLinks(p, now);
            Set<String> channels = new LinkedHashSet<>();
            for (Target t : p.targets()) {
                switch (oncall.resolve(t, now)) {
                    case Recipient.Reached r ->
                        r.contacts().forEach(c -> channels.addAll(directory.contact(r.person(), c)));
                    case Recipient.Receiver r -> channels.addAll(directory.receiver(r.name()));
                    case Recipient.Nobody nobody ->
                        LOG.warn("incident {}: {} pages nobody: {}", p.incidentId(), t, nobody.reason());
                }
            }
            for (String channel : channels) {
                String id = p.incidentId() + "/" + p.kind().name().toLowerCase(java.util.Locale.ROOT) + "/" + p.level()
                        + "/" + message.at().toEpochMilli() + "/" + channel;
                entries.add(OutboxEntry.create(id, channel, message, now));
            }
        }
        return entries.isEmpty() ? () -> {} : outbox.store(entries);
    }

    private Message withLinks(Page p, Instant now) {
        Message m = p.message();
        boolean actionable = p.kind() == MessageKind.TRIGGERED || p.kind() == MessageKind.ESCALATED;
        Optional<SignedLinks> l = links;
        if (!actionable || l.isEmpty() || m.ackUrl().isPresent()) {
            return m;
        }
        return new Message(
                m.kind(),
                m.incidentId(),
                m.title(),
                m.severity(),
                m.groupLabels(),
                m.since(),
                m.at(),
                m.alerts(),
                Optional.of(l.get().link(p.incidentId(), "ack", now)),
                m.detail());
    }

    // ---- the incident API's backend

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public List<Incident> list(String state, Optional<String> service, int limit) {
        if (state.equals("open")) {
            return incidents.openIncidents().stream()
                    .filter(i -> service.map(s -> s.equals(i.service())).orElse(true))
                    .sorted(Comparator.comparing(Incident::openedAt).reversed())
                    .limit(limit)
                    .toList();
        }
        IncidentQuery q = IncidentQuery.all(limit);
        if (!state.equals("all")) {
            q = q.withState(state);
        }
        if (service.isPresent()) {
            q = q.withService(service.get());
        }
        return incidentStore.list(q);
    }

    @Override
    public Optional<Incident> get(String id) {
        return incidents.get(id);
    }

    @Override
    public Optional<CommandOutcome> command(String id, IncidentApi.Command command) {
        Instant now = clock.instant();
        return incidents.command(
                id,
                (policy, incident) -> switch (command) {
                    case IncidentApi.Command.Acknowledge a -> policy.acknowledge(incident, a.by(), now);
                    case IncidentApi.Command.Resolve r -> policy.resolve(incident, r.by(), now);
                    case IncidentApi.Command.Snooze s -> policy.snooze(incident, s.until(), s.by(), now);
                    case IncidentApi.Command.AddNote n -> policy.note(incident, n.text(), n.by(), now);
                    case IncidentApi.Command.Reassign r -> policy.reassign(incident, r.to(), r.by(), now);
                },
                now);
    }

    @Override
    public void close() {
        outbox.close();
    }
}
