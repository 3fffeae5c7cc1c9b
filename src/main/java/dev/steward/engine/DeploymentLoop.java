package dev.steward.engine;

import dev.steward.core.deploy.Actuation;
import dev.steward.core.deploy.Actuator;
import dev.steward.core.deploy.CommandOutcome;
import dev.steward.core.deploy.DeployConfig;
import dev.steward.core.deploy.DeploySettings;
import dev.steward.core.deploy.Deployment;
import dev.steward.core.deploy.DeploymentPolicy;
import dev.steward.core.deploy.DeploymentStep;
import dev.steward.core.deploy.DeploymentStore;
import dev.steward.core.deploy.StateKind;
import dev.steward.core.deploy.Trigger;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the deployments in flight. When a deployment is due it observes (see {@link DeploymentObserver}), steps the
 * policy and saves before it acts; the step's actuations go to the service's provider on {@code actuations} (a virtual
 * thread each in the daemon, so a five-minute rollout never holds the tick) and their results come back through a
 * queue, handed to the policy on the next {@link #runDue} and saved again. Every stored event goes to the {@link
 * DeploymentListener}. Operator commands and new deployments come in through {@link Deployments}.
 */
public final class DeploymentLoop implements Deployments {
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentLoop.class);
    private static final int MAX_PASSES = 8;
    private static final java.time.Duration IDLE_RETRY = java.time.Duration.ofSeconds(1);
    private static final String LOOP = "deployment";
    private static final String API = "api";

    /** A service that can be deployed: its {@code deploy:} section, the provider built from it, its labels. */
    public record Deployable(DeployConfig config, Actuator actuator, Map<String, String> labels) {}

    private record Finished(String id, List<Actuation.Result> results) {}

    private final DeploymentStore store;
    private final DeploymentObserver observer;
    private final DeploymentListener listener;
    private final Executor actuations;
    private final InstantSource clock;
    private final java.util.function.Supplier<String> ids;
    private volatile Map<String, Deployable> services = Map.of();
    private volatile DeploySettings settings = DeploySettings.NONE;
    private final Map<String, Deployment> active = new LinkedHashMap<>();
    private final Map<String, Optional<Instant>> due = new HashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    /** The provider each in-flight actuation runs on, by deployment id. */
    private final Map<String, Actuator> inFlightOn = new HashMap<>();
    /** Providers replaced by a reload, closed once idle. */
    private final List<Actuator> retired = new ArrayList<>();

    private final ConcurrentLinkedQueue<Finished> finished = new ConcurrentLinkedQueue<>();

    public DeploymentLoop(
            DeploymentStore store,
            DeploymentSensors sensors,
            DeploymentListener listener,
            Executor actuations,
            InstantSource clock,
            java.util.function.Supplier<String> ids) {
        this.store = store;
        this.observer = new DeploymentObserver(sensors, store);
        this.listener = listener;
        this.actuations = actuations;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * The deployable services and the stack's settings (at start and on every reload). A provider that the new
     * configuration replaced is closed once no actuation is running on it.
     */
    public synchronized void configure(Map<String, Deployable> next, DeploySettings nextSettings) {
        Set<Actuator> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        next.values().forEach(d -> kept.add(d.actuator()));
        services.values().stream()
                .map(Deployable::actuator)
                .filter(a -> !kept.contains(a))
                .forEach(retired::add);
        this.services = Map.copyOf(next);
        this.settings = nextSettings;
        closeRetired();
    }

    /** Closes every provider still held, replaced or current (when the daemon stops). */
    public synchronized void close() {
        services.values().forEach(d -> retired.add(d.actuator()));
        services = Map.of();
        closeIdle(retired, Set.of());
        retired.clear();
    }

    private void closeRetired() {
        Set<Actuator> busy = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        busy.addAll(inFlightOn.values());
        closeIdle(retired, busy);
    }

    private static void closeIdle(List<Actuator> retired, Set<Actuator> busy) {
        List<Actuator> idle = retired.stream().filter(a -> !busy.contains(a)).toList();
        retired.removeAll(idle);
        for (Actuator a : idle) {
            if (a instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("closing a replaced deploy provider: {}", e.toString());
                }
            }
        }
    }

    /** After a start: every deployment the store holds as active goes through {@link DeploymentPolicy#recover}. */
    public synchronized int recover(Instant now) {
        List<Deployment> stored = store.loadActive();
        for (Deployment d : stored) {
            active.put(d.id(), d);
            apply(DeploymentPolicy.recover(d, now), LOOP);
        }
        return stored.size();
    }

    /** Feeds back finished actuations and steps every deployment due at {@code now}; returns the steps taken. */
    public synchronized int runDue(Instant now) {
        int steps = 0;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            steps += drain(now);
            List<String> dueNow = active.keySet().stream()
                    .filter(id -> !inFlight.contains(id))
                    .filter(id -> due.getOrDefault(id, Optional.empty())
                            .filter(at -> !at.isAfter(now))
                            .isPresent())
                    .toList();
            if (dueNow.isEmpty() && finished.isEmpty()) {
                break;
            }
            for (String id : dueNow) {
                stepNow(active.get(id), now);
                steps++;
            }
        }
        return steps;
    }

    /**
     * When a deployment is due next: now while an actuation's result waits to be taken (the daemon also wakes its
     * scheduler when one finishes, so a rollback is on the timeline as soon as the provider is done, not up to a
     * scheduler pause later), else the earliest due instant of those not waiting for a provider; empty when none is.
     */
    public synchronized Optional<Instant> nextDue() {
        if (!finished.isEmpty()) {
            return Optional.of(clock.instant());
        }
        return due.entrySet().stream()
                .filter(e -> !inFlight.contains(e.getKey()))
                .flatMap(e -> e.getValue().stream())
                .min(Instant::compareTo);
    }

    private void stepNow(Deployment d, Instant now) {
        Deployable s = services.get(d.service());
        var observation = observer.observe(d, Optional.ofNullable(s).map(Deployable::config), settings, now);
        apply(DeploymentPolicy.step(d, observation, now), LOOP);
    }

    private int drain(Instant now) {
        int n = 0;
        for (Finished f = finished.poll(); f != null; f = finished.poll()) {
            inFlight.remove(f.id());
            if (inFlightOn.remove(f.id()) != null && !retired.isEmpty()) {
                closeRetired();
            }
            for (Actuation.Result r : f.results()) {
                Deployment d = active.get(f.id());
                if (d != null) {
                    apply(DeploymentPolicy.actuated(d, r, now), LOOP);
                    n++;
                }
            }
        }
        return n;
    }

    /** Saves what the policy decided (durable before acting), tells the listener, then issues the actuations. */
    private void apply(DeploymentStep step, String source) {
        Deployment d = step.deployment();
        Deployment current = active.get(d.id());
        Deployment saved = step.changed() || current == null || !current.state().equals(d.state()) ? store.save(d) : d;
        // a deployment that just finished stays until the results of its last actuations (a cleanup) are back
        if (DeploymentStore.active(saved) || !step.actuations().isEmpty()) {
            active.put(saved.id(), saved);
            due.put(saved.id(), notAgainAtOnce(step));
        } else {
            active.remove(saved.id());
            due.remove(saved.id());
        }
        if (step.changed()) {
            listener.stored(saved, step.events(), source);
        }
        if (!step.actuations().isEmpty()) {
            issue(saved, step.actuations());
        }
    }

    /**
     * When a step changed nothing, stepping again at the same instant would change nothing either: a due instant that
     * has already come is moved a second on, so a policy that keeps answering "now" cannot spin the scheduler.
     */
    private Optional<Instant> notAgainAtOnce(DeploymentStep step) {
        Instant now = clock.instant();
        return step.nextDueAt().map(at -> !step.changed() && !at.isAfter(now) ? now.plus(IDLE_RETRY) : at);
    }

    private void issue(Deployment d, List<Actuation> requests) {
        Optional<Actuator> actuator =
                Optional.ofNullable(services.get(d.service())).map(Deployable::actuator);
        inFlight.add(d.id());
        actuator.ifPresent(a -> inFlightOn.put(d.id(), a));
        actuations.execute(() -> finished.offer(new Finished(d.id(), run(d.service(), actuator, requests))));
    }

    private static List<Actuation.Result> run(String service, Optional<Actuator> actuator, List<Actuation> requests) {
        List<Actuation.Result> out = new ArrayList<>();
        for (Actuation a : requests) {
            try {
                out.add(actuator.map(p -> p.apply(a))
                        .orElseGet(() -> new Actuation.Result.Failed(
                                service + " has no deploy provider in the running configuration",
                                false,
                                "",
                                Optional.empty())));
            } catch (RuntimeException e) {
                LOG.error("the provider of {} failed on {}", service, a.action(), e);
                out.add(new Actuation.Result.Failed(
                        "the provider failed: " + e.getMessage(), false, "", Optional.empty()));
            }
        }
        return out;
    }

    // ---- Deployments: the API's side

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public synchronized Started start(StartRequest r) {
        Instant now = clock.instant();
        Deployable s = services.get(r.service());
        List<Problem> problems = StartChecks.problems(r, s, services.keySet(), settings, now);
        Optional<String> stable = r.stableVersion().or(() -> lastSucceeded(r.service(), r.environment()));
        if (problems.isEmpty() && stable.isEmpty()) {
            problems = List.of(new Problem(
                    "stable_version",
                    "",
                    "the version to roll back to: no earlier deployment of " + r.service() + " to " + r.environment()
                            + " succeeded"));
        }
        if (!problems.isEmpty()) {
            return new Started.Invalid(problems);
        }
        for (Deployment d : active.values()) {
            if (d.service().equals(r.service()) && d.environment().equals(r.environment())) {
                return new Started.Conflict(
                        "deployment " + d.id() + " of " + d.service() + " " + d.version() + " to " + d.environment()
                                + " is " + d.kind().label() + "; finish, abort or roll it back first",
                        d.id());
            }
        }
        var plan = dev.steward.core.deploy.Plans.compile(s.config(), settings)
                .withTraffic(s.actuator().traffic(r.service()));
        Deployment created = store.save(DeploymentPolicy.create(
                ids.get(),
                r.service(),
                r.environment(),
                r.version(),
                stable.orElseThrow(),
                s.labels(),
                plan,
                r.startAt().filter(now::isBefore).orElse(now),
                s.config().announceAhead(),
                r.by(),
                now));
        active.put(created.id(), created);
        listener.created(created);
        stepNow(created, now);
        return new Started.Created(active.getOrDefault(created.id(), created));
    }

    private Optional<String> lastSucceeded(String service, String environment) {
        return store.list(Optional.of(service), 1000).stream()
                .filter(d -> d.environment().equals(environment) && d.kind() == StateKind.SUCCEEDED)
                .map(Deployment::version)
                .findFirst();
    }

    @Override
    public synchronized List<Deployment> list(
            Optional<String> service, Optional<String> environment, Optional<StateKind> state, int limit) {
        List<Deployment> out = new ArrayList<>(active.values());
        Set<String> seen = new HashSet<>(active.keySet());
        for (Deployment d : store.list(service, Math.max(limit, 1) + active.size())) {
            if (seen.add(d.id())) {
                out.add(d);
            }
        }
        return out.stream()
                .filter(d -> service.map(d.service()::equals).orElse(true))
                .filter(d -> environment.map(d.environment()::equals).orElse(true))
                .filter(d -> state.map(k -> d.kind() == k).orElse(true))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Optional<Deployment> get(String id) {
        return Optional.ofNullable(active.get(id)).or(() -> store.get(id));
    }

    @Override
    public synchronized Optional<CommandOutcome> command(String id, Trigger command, String by, String reason) {
        Optional<Deployment> d = get(id);
        if (d.isEmpty()) {
            return Optional.empty();
        }
        CommandOutcome outcome = DeploymentPolicy.command(d.get(), command, by, reason, clock.instant());
        if (outcome instanceof CommandOutcome.Applied a) {
            apply(a.step(), API);
            return Optional.of(new CommandOutcome.Applied(new DeploymentStep(
                    get(id).orElseThrow(),
                    a.step().events(),
                    a.step().actuations(),
                    a.step().nextDueAt())));
        }
        return Optional.of(outcome);
    }
}
