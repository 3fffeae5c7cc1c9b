package dev.steward.app;

import dev.steward.amapi.AlertmanagerApi;
import dev.steward.amapi.RoutedAlerts;
import dev.steward.amapi.SilenceRegistry;
import dev.steward.api.ApiBackend;
import dev.steward.api.ApiServer;
import dev.steward.api.AuditApi;
import dev.steward.api.DeliveryStatusApi;
import dev.steward.api.IncidentApi;
import dev.steward.api.MaintenanceApi;
import dev.steward.api.MaintenanceBackend;
import dev.steward.api.MaintenanceRegistry;
import dev.steward.api.SignedLinks;
import dev.steward.audit.AuditKey;
import dev.steward.audit.AuditLog;
import dev.steward.core.audit.CheckpointPolicy;
import dev.steward.core.check.ProbeSeries;
import dev.steward.core.config.CheckConfig;
import dev.steward.core.config.CheckId;
import dev.steward.core.config.StackConfig;
import dev.steward.core.exposition.ExpositionWriter;
import dev.steward.core.exposition.MetricFamily;
import dev.steward.core.history.CheckEvent;
import dev.steward.core.history.CheckEventStore;
import dev.steward.core.maintenance.MaintenanceLimits;
import dev.steward.core.promql.PromqlEngine;
import dev.steward.core.rollup.Resolution;
import dev.steward.core.rollup.Rollup;
import dev.steward.core.rollup.RollupRetention;
import dev.steward.core.rollup.RollupStore;
import dev.steward.core.rule.AlertEvent;
import dev.steward.core.rule.RuleGroup;
import dev.steward.core.series.Labels;
import dev.steward.core.series.MemorySeriesStore;
import dev.steward.core.series.SeriesStoreSettings;
import dev.steward.core.silence.SilenceLimits;
import dev.steward.cron.UnixCron;
import dev.steward.engine.CheckLoop;
import dev.steward.engine.CheckSnapshot;
import dev.steward.engine.EngineMetrics;
import dev.steward.engine.FlapSink;
import dev.steward.engine.HistorySink;
import dev.steward.engine.RollupSink;
import dev.steward.engine.RuleLoop;
import dev.steward.engine.SchedulerStats;
import dev.steward.engine.SeriesSink;
import dev.steward.notify.Notifiers;
import dev.steward.probe.ProbeDispatcher;
import dev.steward.promapi.EnginePrometheusBackend;
import dev.steward.promapi.PrometheusApi;
import dev.steward.promapi.RulesView;
import dev.steward.promql.EngineRules;
import dev.steward.scrape.ScrapeLoop;
import dev.steward.store.jdbc.Database;
import dev.steward.store.jdbc.JdbcAlertStateStore;
import dev.steward.store.jdbc.JdbcAuditStore;
import dev.steward.store.jdbc.JdbcCheckEventStore;
import dev.steward.store.jdbc.JdbcMaintenanceStore;
import dev.steward.store.jdbc.JdbcRollupStore;
import dev.steward.store.jdbc.JdbcSettingStore;
import dev.steward.store.jdbc.JdbcSilenceStore;
import io.javalin.config.JavalinConfig;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code steward run}: the daemon. Wires the stores, the loops and the HTTP server, and owns their threads. */
public final class Daemon implements ApiBackend, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    private static final Duration EVENT_RETENTION = Duration.ofDays(400);

    private final DaemonOptions options;
    private final InstantSource clock;
    private final Database database;
    private final RollupStore rollups;
    private final CheckEventStore events;
    private final MemorySeriesStore series;
    private final ProbeDispatcher prober;
    private final ExecutorService probeThreads;
    private final ScheduledExecutorService housekeeping;
    private final SchedulerStats stats = new SchedulerStats();
    private final CheckLoop checks;
    private final ScrapeLoop scrapes;
    private final SeriesSink seriesSink;
    private final RollupSink rollupSink;
    private final HistorySink historySink;
    private final HttpClient scrapeClient;
    private final Thread scheduler;
    private final ApiServer api;
    private final EnginePrometheusBackend queries;
    private final RuleLoop rules;
    private final JdbcAlertStateStore alertStates;
    private final HttpClient notifyClient;
    private final MaintenanceRegistry maintenance;
    private volatile Alerting alerting;
    private final AuditLog audit;
    private final AccessWiring access;
    private final StatusPageWiring statusPage;
    private final ConsoleWiring console;
    private final DeploymentWiring deployments;
    private final ExecutorService actuationThreads;
    private final Thread alertingThread;
    private final Object alertingWake = new Object();
    private volatile StackConfig config;
    private volatile boolean running = true;
    private volatile String lastReloadError = "";
    private Instant lastRetention;

    /**
     * How the daemon gets time and threads. {@link #system()} in production; tests pass a hand-driven clock, a direct
     * executor and {@code background = false}, then call {@link #tick()} and {@link #housekeep()} themselves.
     */
    public record Wiring(InstantSource clock, LongSupplier ticker, ExecutorService probeThreads, boolean background) {
        public static Wiring system() {
            return new Wiring(
                    InstantSource.system(), System::nanoTime, Executors.newVirtualThreadPerTaskExecutor(), true);
        }
    }

    private Daemon(
            DaemonOptions options,
            StackLoading.Outcome.Loaded loaded,
            HttpClient notifyClient,
            Consumer<JavalinConfig> extraRoutes,
            Wiring wiring) {
        StackConfig config = loaded.config();
        List<RuleGroup> ruleGroups = loaded.groups();
        this.notifyClient = notifyClient;
        this.options = options;
        this.config = config;
        this.clock = wiring.clock();
        this.probeThreads = wiring.probeThreads();
        this.database = options.storeUrl()
                .map(url -> Database.open(url, options.storeUser(), options.storePassword()))
                .orElseGet(() -> Database.sqlite(options.dataDir()));
        this.rollups = new JdbcRollupStore(database);
        this.events = new JdbcCheckEventStore(database);
        this.series = new MemorySeriesStore(SeriesStoreSettings.DEFAULTS.withChunkBytesBudget(
                seriesBudget(options.seriesBudgetBytes(), Runtime.getRuntime().maxMemory())));
        this.prober = ProbeDispatcher.create(clock);
        this.seriesSink = new SeriesSink(series, this::labelsOf);
        this.rollupSink = new RollupSink(rollups);
        this.historySink = new HistorySink(events, wiring.background());
        FlapSink flaps = new FlapSink((check, event) -> {
            Alerting a = this.alerting;
            if (a != null) {
                a.onFlap(check, event, this.config.stack());
                wakeAlerting();
            }
        });
        // the public status page: fed by check changes, evaluated on the alerting thread (or a test's tick)
        this.statusPage = new StatusPageWiring(
                database, clock, this, this::maintenanceCalendar, this::maintenanceOf, this::publicUrl);
        this.checks = new CheckLoop(
                clock,
                System::nanoTime,
                prober,
                probeThreads,
                List.of(
                        seriesSink,
                        rollupSink,
                        historySink,
                        flaps,
                        this::evaluateCheckAlertsOnChange,
                        statusPage.loop()),
                stats);
        this.scrapeClient = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(probeThreads)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.scrapes = new ScrapeLoop(clock, wiring.ticker(), series, probeThreads, scrapeClient);
        PromqlEngine engine = new PromqlEngine(series);
        this.rules = new RuleLoop(series, EngineRules.query(engine), wiring.ticker(), probeThreads, this::onAlertEvent);
        Instant now = clock.instant();
        checks.configure(config, now);
        scrapes.configure(config, now);
        this.alertStates = new JdbcAlertStateStore(database);
        rules.restoreFrom(alertStates.load());
        rules.configure(ruleGroups, now);
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("steward-housekeeping").daemon().factory());
        if (wiring.background()) {
            this.scheduler =
                    Thread.ofPlatform().name("steward-scheduler").daemon().start(this::schedule);
            housekeeping.execute(this::restoreStates);
            housekeeping.scheduleAtFixedRate(this::housekeep, 60, 60, TimeUnit.SECONDS);
        } else {
            this.scheduler =
                    Thread.ofPlatform().name("steward-scheduler-idle").daemon().unstarted(() -> {});
            restoreStates();
        }
        this.queries = new EnginePrometheusBackend(
                series,
                engine,
                clock,
                type -> RulesView.rules(rules.groups(), type),
                () -> RulesView.alerts(rules.groups()),
                Version.get());
        PrometheusApi prometheusApi = new PrometheusApi(queries);
        // Alertmanager's v2 API: silences are stored before the answer; received alerts are routed (held in memory:
        // a sender such as Prometheus re-sends firing alerts on every evaluation); GET /api/v2/alerts shows routing
        SilenceRegistry silences = SilenceRegistry.withRandomIds(
                new JdbcSilenceStore(database),
                clock,
                new SilenceLimits(config.alerting().silenceMaxDuration()));
        this.maintenance = MaintenanceRegistry.withRandomIds(
                new JdbcMaintenanceStore(database, UnixCron.INSTANCE),
                config.maintenance(),
                config.services().keySet(),
                clock,
                new MaintenanceLimits(
                        config.alerting().maintenanceMaxDuration(),
                        config.alerting().maintenanceNotice(),
                        MaintenanceLimits.DEFAULT.pastTolerance()));
        this.alerting = new Alerting(
                database,
                clock,
                wiring.ticker(),
                wiring.background() ? Executors.newVirtualThreadPerTaskExecutor() : probeThreads,
                alertingConfig(loaded),
                silences,
                this::serviceStatuses,
                this::maintenanceOf);
        RoutedAlerts routedAlerts = new RoutedAlerts(alerting.routes(), clock, Duration.ofMinutes(5));
        AlertmanagerApi alertmanagerApi = new AlertmanagerApi(
                silences,
                (alerts, at) -> {
                    alerting.receive(alerts, at);
                    wakeAlerting();
                },
                routedAlerts,
                new AlertmanagerApi.Settings(Version.get(), "", now, Duration.ofMinutes(5)));
        this.audit = new AuditLog(
                new JdbcAuditStore(database),
                AuditKey.storedOrCreated(new JdbcSettingStore(database)),
                CheckpointPolicy.DEFAULTS,
                clock);
        silences.onChange((action, before, after) -> audit.record(
                after.createdBy(),
                "api",
                action,
                "silence/" + after.id(),
                before.map(Audited::silence).orElse(""),
                Audited.silence(after)));
        IncidentApi.Backend incidentBackend = Audited.incidents(alerting, audit);
        IncidentApi incidentApi = new IncidentApi(incidentBackend, Optional.of(links()));
        MaintenanceBackend windows = Audited.maintenance(maintenance, audit);
        MaintenanceApi maintenanceApi = new MaintenanceApi(windows, UnixCron.INSTANCE);
        AuditApi auditApi = new AuditApi(audit);
        statusPage.recordOn(audit);
        // deployments: actuations run on a virtual thread each (the tick never waits for a rollout); direct in tests
        this.actuationThreads = wiring.background() ? Executors.newVirtualThreadPerTaskExecutor() : probeThreads;
        this.deployments = DeploymentWiring.create(
                database,
                () -> this.config,
                checks::snapshot,
                alerting,
                maintenance,
                queries,
                audit,
                this::wakeAlerting,
                task -> actuationThreads.execute(() -> {
                    try {
                        task.run();
                    } finally {
                        checks.wakeUp(); // the scheduler takes the result now, not after its pause
                    }
                }),
                clock);
        deployments.start(loaded, now);
        DeliveryStatusApi deliveryApi =
                new DeliveryStatusApi(() -> alerting.outbox().status());
        // access control: users, API tokens and the role check before every route (see AccessWiring)
        this.access = AccessWiring.create(
                database,
                clock,
                options.host(),
                config.access(),
                (actor, action, target, before, after) -> audit.record(actor, "api", action, target, before, after));
        this.console = ConsoleWiring.create(
                this,
                new ConsoleWiring.Actions(incidentBackend, silences, routedAlerts, windows, audit, deployments.loop()),
                queries,
                rollups,
                access.control(),
                wiring.ticker());
        console.console().add(statusPage.consolePages(access.control()));
        this.api = new ApiServer(this, cfg -> {
                    access.mount(cfg);
                    console.console().mount(cfg);
                    prometheusApi.mount(cfg);
                    alertmanagerApi.mount(cfg);
                    incidentApi.mount(cfg);
                    maintenanceApi.mount(cfg);
                    deliveryApi.mount(cfg);
                    auditApi.mount(cfg);
                    statusPage.api().mount(cfg);
                    deployments.api().mount(cfg);
                    extraRoutes.accept(cfg);
                })
                .start(options.host(), options.port());
        reportCoverage(config, now);
        if (wiring.background()) {
            console.start();
            alerting.startDeliveries();
            this.alertingThread =
                    Thread.ofPlatform().name("steward-alerting").daemon().start(this::runAlerting);
        } else {
            this.alertingThread =
                    Thread.ofPlatform().name("steward-alerting-idle").daemon().unstarted(() -> {});
        }
    }

    /**
     * Gaps in on-call coverage over the next 14 days, people nobody can reach, levels that would page nobody: logged at
     * start and on reload, so they are found before a page is due ({@code steward oncall gaps} prints the same).
     */
    private static void reportCoverage(StackConfig config, Instant now) {
        if (config.oncall().isEmpty()) {
            return;
        }
        var problems = dev.steward.core.oncall.Coverage.report(config.oncall(), now, now.plus(Duration.ofDays(14)));
        for (var p : problems) {
            LOG.warn("on-call coverage in the next 14 days: {}", p);
        }
    }

    private Alerting.Config alertingConfig(StackLoading.Outcome.Loaded loaded) {
        return new Alerting.Config(loaded.config(), loaded.routing(), loaded.channels(), Optional.of(links()));
    }

    private volatile SignedLinks signedLinks;

    private dev.steward.core.maintenance.MaintenanceCalendar maintenanceCalendar() {
        return maintenance.calendar();
    }

    /** Where the public reaches this daemon (the feeds' links): {@code alerting.external_url}, else its own address. */
    private String publicUrl() {
        String url = config.alerting().externalUrl().map(java.net.URI::toString).orElse(defaultUrl(options));
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The signer of acknowledgement links: the stack file's key, or one generated once and kept in the store. */
    private SignedLinks links() {
        SignedLinks l = signedLinks;
        if (l != null) {
            return l;
        }
        var a = config.alerting();
        String key = a.linkKey()
                .map(dev.steward.core.config.Secret::reveal)
                .orElseGet(() -> new JdbcSettingStore(database).getOrCreateRandomKey("link_key"));
        String base = a.externalUrl().map(java.net.URI::toString).orElse(defaultUrl(options));
        l = new SignedLinks(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), base);
        signedLinks = l;
        return l;
    }

    private Map<String, dev.steward.core.status.ServiceStatus> serviceStatuses() {
        Map<CheckId, dev.steward.core.check.CheckState> states = new LinkedHashMap<>();
        checks.snapshot().forEach((id, snap) -> states.put(id, snap.state()));
        Instant now = clock.instant();
        return dev.steward.core.status.StatusPolicy.services(config, states, service -> maintenanceOf(service, now));
    }

    /** Why {@code service} is in maintenance at {@code now} ("db upgrade until 04:00 UTC"), empty when it is not. */
    private Optional<String> maintenanceOf(String service, Instant now) {
        StackConfig c = config;
        var s = c.services().get(service);
        Labels labels = s == null ? Labels.EMPTY : Labels.fromMap(s.labels());
        return maintenance
                .calendar()
                .inScope(service, labels, c.dependsOn(), now)
                .map(m -> m.reason().startsWith("in maintenance: ")
                        ? m.reason().substring("in maintenance: ".length())
                        : m.reason());
    }

    @Override
    public Optional<String> maintenance(String service) {
        return maintenanceOf(service, clock.instant());
    }

    /**
     * A check changed state: its built-in alert is evaluated now rather than at the group's next slot (up to
     * {@link StackLoading#CHECK_ALERT_INTERVAL} later), so a page follows the confirmed failure at once.
     */
    private void evaluateCheckAlertsOnChange(
            CheckConfig check,
            dev.steward.core.check.ProbeResult result,
            dev.steward.core.check.CheckState state,
            Optional<dev.steward.core.check.CheckStatusChanged> change) {
        RuleLoop r = this.rules;
        if (change.isPresent() && r != null) {
            r.evaluateSoon(StackLoading.builtInFile(options.configFile()), clock.instant());
            checks.wakeUp();
        }
    }

    private Instant maintenanceSeen;

    /**
     * Windows that ended since the last look: the checks of every service they covered are probed at once, so what is
     * still broken is paged now and what recovered is not (their incidents were held until then).
     */
    private void probeAfterMaintenance(Instant now) {
        Instant from;
        synchronized (this) {
            from = maintenanceSeen == null ? now : maintenanceSeen;
            maintenanceSeen = now;
        }
        if (!now.isAfter(from)) {
            return;
        }
        StackConfig c = config;
        java.util.Set<String> services = new java.util.LinkedHashSet<>();
        for (var event : maintenance.calendar().transitions(from, now)) {
            if (event instanceof dev.steward.core.maintenance.MaintenanceEvent.Ended ended) {
                for (var s : c.services().values()) {
                    if (ended.occurrence()
                            .window()
                            .scope()
                            .covers(s.name(), Labels.fromMap(s.labels()), c.dependsOn())) {
                        services.add(s.name());
                    }
                }
            }
        }
        if (!services.isEmpty()) {
            LOG.info("maintenance ended for {}: probing their checks now", services);
            checks.probeSoon(services, now);
        }
    }

    private void wakeAlerting() {
        synchronized (alertingWake) {
            alertingWake.notifyAll();
        }
    }

    /** The alerting thread: routing groups, incident timers, at least once a second (holds follow check states). */
    private void runAlerting() {
        while (running) {
            try {
                Instant now = clock.instant();
                probeAfterMaintenance(now);
                alerting.runDue(now, false);
                statusPage.loop().runDue(now);
                long waitMs = alerting.nextDue()
                        .map(d -> Duration.between(clock.instant(), d).toMillis())
                        .map(ms -> Math.max(1, Math.min(ms, 1000)))
                        .orElse(1000L);
                synchronized (alertingWake) {
                    alertingWake.wait(waitMs);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("alerting loop error (continuing)", e);
            }
        }
    }

    /**
     * The chunk budget actually used: the configured one, but at most a quarter of the heap, so that a daemon started
     * with a small heap ({@code -Xmx256m}) drops old samples instead of running out of memory.
     */
    static long seriesBudget(long configured, long maxHeap) {
        long cap = maxHeap == Long.MAX_VALUE ? configured : maxHeap / 4;
        if (cap < configured) {
            LOG.info(
                    "series memory budget lowered from {} MiB to {} MiB (a quarter of the {} MiB heap)",
                    configured >> 20,
                    cap >> 20,
                    maxHeap >> 20);
            return cap;
        }
        return configured;
    }

    /** Loads the stack file and starts; on an invalid file, returns its errors without starting anything. */
    public static Started start(DaemonOptions options, Consumer<JavalinConfig> extraRoutes) {
        return start(options, extraRoutes, Wiring.system());
    }

    public static Started start(DaemonOptions options, Consumer<JavalinConfig> extraRoutes, Wiring wiring) {
        HttpClient notifyClient = Notifiers.httpClient();
        return switch (StackLoading.load(options.configFile(), notifyClient, wiring.clock(), defaultUrl(options))) {
            case StackLoading.Outcome.Invalid invalid -> {
                notifyClient.close();
                yield new Started.Invalid(invalid.formatted());
            }
            case StackLoading.Outcome.Loaded ok ->
                new Started.Running(new Daemon(options, ok, notifyClient, extraRoutes, wiring));
        };
    }

    static String defaultUrl(DaemonOptions options) {
        return "http://" + options.host() + ":" + options.port();
    }

    /**
     * Runs every probe, scrape and rule evaluation due now, then routing, incident timers and deliveries (what the
     * scheduler and alerting threads do in a loop; tests call it with a hand-driven clock).
     */
    public int tick() {
        Instant now = clock.instant();
        probeAfterMaintenance(now);
        int started = checks.runDue(now) + scrapes.runDue(now) + rules.runDue(now);
        historySink.flush();
        started += deployments.loop().runDue(now);
        int alerted = alerting.runDue(now, true);
        statusPage.loop().runDue(now);
        return started + alerted;
    }

    /** When the next probe or scrape is due. */
    public java.util.Optional<Instant> nextDue() {
        return java.util.stream.Stream.of(
                        checks.nextDue(),
                        scrapes.nextDue(),
                        rules.nextDue(),
                        deployments.nextDue(),
                        alerting.nextDue(),
                        maintenance.calendar().nextChange(clock.instant()))
                .flatMap(java.util.Optional::stream)
                .min(Instant::compareTo);
    }

    /** The outcome of {@link #start}. */
    public sealed interface Started {
        record Running(Daemon daemon) implements Started {}

        record Invalid(List<String> errors) implements Started {}
    }

    public int port() {
        return api.port();
    }

    /** The Prometheus-compatible query side (tests and the CLI evaluate queries through it). */
    public EnginePrometheusBackend queries() {
        return queries;
    }

    private void schedule() {
        while (running) {
            try {
                Instant now = clock.instant();
                checks.runDue(now);
                scrapes.runDue(now);
                rules.runDue(now);
                runDeployments(now);
                Duration max = java.util.stream.Stream.of(scrapes.nextDue(), rules.nextDue(), deploymentsDue())
                        .flatMap(java.util.Optional::stream)
                        .min(Instant::compareTo)
                        .map(d -> Duration.between(clock.instant(), d))
                        .filter(d -> d.compareTo(Duration.ofSeconds(1)) < 0)
                        .orElse(Duration.ofSeconds(1));
                checks.awaitNext(max.isNegative() ? Duration.ZERO : max);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("scheduler loop error (continuing)", e);
            }
        }
    }

    /** The scheduler thread starts before the deployment loop exists: until then there is nothing to run. */
    private Optional<Instant> deploymentsDue() {
        DeploymentWiring d = deployments;
        return d == null ? Optional.empty() : d.nextDue();
    }

    private void runDeployments(Instant now) {
        DeploymentWiring d = deployments;
        if (d != null) {
            d.runDue(now);
        }
    }

    private void restoreStates() {
        int restored = 0;
        for (CheckConfig c : config.allChecks()) {
            try {
                var latest = events.latest(c.id());
                if (latest.isPresent()) {
                    var state = HistorySink.restore(latest.get());
                    if (state.isPresent()) {
                        checks.restore(c.id(), state.get());
                        restored++;
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("could not restore the state of {}: {}", c.id(), e.getMessage());
            }
        }
        LOG.info("restored the last known state of {} checks", restored);
    }

    /** Alert transitions are logged and go to routing (firing and resolved ones). */
    private void onAlertEvent(AlertEvent event) {
        if (alerting != null) {
            alerting.onRuleEvent(event);
            wakeAlerting();
        }
        switch (event) {
            case AlertEvent.AlertFired f ->
                LOG.warn("alert firing: {} value={} since {}", f.labels(), f.value(), f.activeAt());
            case AlertEvent.AlertResolved r -> LOG.info("alert resolved: {} (fired at {})", r.labels(), r.firedAt());
            case AlertEvent.AlertPending p -> LOG.info("alert pending: {} value={}", p.labels(), p.value());
            case AlertEvent.AlertCancelled c -> LOG.info("alert no longer pending: {}", c.labels());
        }
    }

    /** Saves completed rollups and applies retention (every minute in the background). */
    public void housekeep() {
        try {
            Instant now = clock.instant();
            rollupSink.flush(now);
            alertStates.replaceAll(rules.forState());
            audit.checkpointIfDue();
            series.truncateBefore(now.minus(options.seriesRetention()).toEpochMilli());
            series.enforceBudget();
            if (lastRetention == null || !now.isBefore(lastRetention.plus(Duration.ofHours(1)))) {
                RollupRetention.DEFAULT.applyTo(rollups, now);
                events.deleteBefore(now.minus(EVENT_RETENTION));
                lastRetention = now;
            }
        } catch (RuntimeException e) {
            LOG.error("housekeeping failed (will retry in a minute)", e);
        }
    }

    private Labels labelsOf(CheckConfig check) {
        StackConfig c = config;
        var service = c.services().get(check.service());
        return ProbeSeries.checkLabels(c.stack(), check, service == null ? Map.of() : service.labels());
    }

    @Override
    public synchronized ReloadOutcome reload(String trigger) {
        StackLoading.Outcome loaded = StackLoading.load(options.configFile(), notifyClient, clock, defaultUrl(options));
        if (loaded instanceof StackLoading.Outcome.Invalid invalid) {
            List<String> errors = invalid.formatted();
            lastReloadError = errors.size() + " error(s)";
            LOG.warn(
                    "reload ({}) rejected, keeping the running configuration:\n  {}",
                    trigger,
                    String.join("\n  ", errors));
            return new ReloadOutcome.Rejected(invalid.errors().stream()
                    .map(e -> new ConfigProblem(
                            e.file(),
                            e.line(),
                            e.column(),
                            e.path(),
                            e.message(),
                            e.seen().orElse(null),
                            e.expected().orElse(null)))
                    .toList());
        }
        StackConfig next = ((StackLoading.Outcome.Loaded) loaded).config();
        List<RuleGroup> nextGroups = ((StackLoading.Outcome.Loaded) loaded).groups();
        Map<CheckId, CheckConfig> before = new LinkedHashMap<>();
        config.allChecks().forEach(c -> before.put(c.id(), c));
        int added = 0;
        int changed = 0;
        for (CheckConfig c : next.allChecks()) {
            CheckConfig old = before.remove(c.id());
            if (old == null) {
                added++;
            } else if (!old.equals(c)) {
                changed++;
            }
        }
        String oldStack = config.stack();
        config = next;
        seriesSink.reset();
        Instant now = clock.instant();
        markStale(oldStack, before.keySet(), now);
        checks.configure(next, now);
        scrapes.configure(next, now);
        rules.configure(nextGroups, now);
        maintenance.reload(next.maintenance(), next.services().keySet());
        access.reload(next.access());
        statusPage.loop().changed();
        signedLinks = null;
        alerting.configure(alertingConfig((StackLoading.Outcome.Loaded) loaded));
        deployments.configure((StackLoading.Outcome.Loaded) loaded);
        reportCoverage(next, now);
        lastReloadError = "";
        var outcome = new ReloadOutcome.Reloaded(next.allChecks().size(), added, before.size(), changed);
        audit.record(
                "steward",
                trigger,
                "config.reload",
                "stack/" + next.stack(),
                "",
                "{\"checks\":" + next.allChecks().size() + ",\"added\":" + added + ",\"removed\":" + before.size()
                        + ",\"changed\":" + changed + "}");
        LOG.info("reloaded ({}): {}", trigger, outcome);
        return outcome;
    }

    /**
     * Ends the series of removed checks with a staleness marker, as Prometheus does for a target that disappears, so
     * queries stop returning them at once instead of for the 5-minute lookback.
     */
    private void markStale(String stack, java.util.Collection<CheckId> removed, Instant now) {
        long t = now.toEpochMilli();
        for (CheckId id : removed) {
            var matchers = List.of(
                    dev.steward.core.series.LabelMatcher.eq("stack", stack),
                    dev.steward.core.series.LabelMatcher.eq("service", id.service()),
                    dev.steward.core.series.LabelMatcher.eq("check", id.check()));
            for (Labels l : series.series(matchers, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2)) {
                series.append(l, t, dev.steward.core.series.StaleMarker.VALUE);
            }
        }
    }

    @Override
    public StackConfig config() {
        return config;
    }

    @Override
    public Map<CheckId, CheckSnapshot> checks() {
        return checks.snapshot();
    }

    @Override
    public List<ScrapeLoop.TargetStatus> scrapes() {
        return scrapes.status();
    }

    @Override
    public List<Rollup> rollups(CheckId check, Resolution resolution, Instant from, Instant to) {
        return rollups.query(check, resolution, from, to);
    }

    @Override
    public List<CheckEvent> events(CheckId check, Instant from, Instant to, int limit) {
        return events.list(check, from, to, limit);
    }

    @Override
    public String metricsText() {
        return renderMetrics(checks.snapshot(), stats, series.stats(), this::labelsOf)
                + ExpositionWriter.write(console.console().metrics());
    }

    /** The {@code /metrics} text: process, scheduler and store metrics, then every check's latest probe series. */
    static String renderMetrics(
            Map<CheckId, CheckSnapshot> snapshot,
            SchedulerStats stats,
            dev.steward.core.series.SeriesStoreStats seriesStats,
            java.util.function.Function<CheckConfig, Labels> labelsOf) {
        List<MetricFamily> families = new ArrayList<>();
        families.addAll(ProcessMetrics.families());
        families.addAll(EngineMetrics.schedulerFamilies(stats, snapshot.size()));
        families.addAll(EngineMetrics.storeFamilies(seriesStats));
        families.addAll(EngineMetrics.probeFamilies(snapshot, labelsOf));
        return ExpositionWriter.write(families);
    }

    @Override
    public Map<String, ComponentHealth> health() {
        Map<String, ComponentHealth> out = new LinkedHashMap<>();
        out.put(
                "scheduler",
                new ComponentHealth(
                        scheduler.isAlive(), Map.of("checks", config.allChecks().size(), "probes", stats.probes())));
        boolean storeUp;
        String storeDetail;
        try {
            database.withHandle(
                    h -> h.createQuery("select 1").mapTo(Integer.class).one());
            storeUp = true;
            storeDetail = database.toString();
        } catch (RuntimeException e) {
            storeUp = false;
            storeDetail = e.getMessage();
        }
        out.put("store", new ComponentHealth(storeUp, Map.of("database", storeDetail)));
        out.put(
                "config",
                new ComponentHealth(
                        true,
                        Map.of(
                                "file",
                                options.configFile().toString(),
                                "stack",
                                config.stack(),
                                "last_reload_error",
                                lastReloadError)));
        return out;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    /** The web console (tests publish its live updates by hand when the daemon runs without background threads). */
    public dev.steward.console.Console console() {
        return console.console();
    }

    @Override
    public void close() {
        running = false;
        console.close();
        scheduler.interrupt();
        alertingThread.interrupt();
        api.close();
        alerting.close();
        housekeeping.shutdownNow();
        probeThreads.shutdownNow();
        actuationThreads.shutdownNow();
        deployments.close();
        try {
            rollupSink.flushAll();
        } catch (RuntimeException e) {
            LOG.error("could not save the open rollups at shutdown", e);
        }
        try {
            alertStates.replaceAll(rules.forState());
        } catch (RuntimeException e) {
            LOG.error("could not save the alerts' pending state at shutdown", e);
        }
        historySink.close();
        try {
            prober.close();
        } catch (Exception e) {
            LOG.warn("closing probers: {}", e.getMessage());
        }
        scrapeClient.close();
        notifyClient.close();
        database.close();
    }
}
