package dev.steward.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.deploy.Actuation;
import dev.steward.core.deploy.CanaryStep;
import dev.steward.core.deploy.DeployConfig;
import dev.steward.core.deploy.DeploySettings;
import dev.steward.core.deploy.Deployment;
import dev.steward.core.deploy.DeploymentEvent;
import dev.steward.core.deploy.Gates;
import dev.steward.core.deploy.InMemoryDeploymentStore;
import dev.steward.core.deploy.Pause;
import dev.steward.core.deploy.ProviderSpec;
import dev.steward.core.deploy.QueryResult;
import dev.steward.core.deploy.StateKind;
import dev.steward.core.deploy.Strategy;
import dev.steward.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * The deployment loop with actuations that do not finish within the tick: they wait in a queue the test runs by hand,
 * as a slow rollout on its own thread would, while the loop keeps ticking; their results come back on a later tick.
 */
class DeploymentLoopTest {
    private static final Instant T0 = Instant.parse("2027-05-01T08:00:00Z");
    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryDeploymentStore store = new InMemoryDeploymentStore();
    private final Deque<Runnable> slow = new ArrayDeque<>();
    private final Executor later = slow::add;
    private final List<Actuation> applied = new ArrayList<>();
    private final List<String> recorded = new ArrayList<>();
    private final List<String> unhealthy = new ArrayList<>();

    private final DeploymentSensors sensors = new DeploymentSensors() {
        @Override
        public List<String> unhealthy(String service) {
            return List.copyOf(unhealthy);
        }

        @Override
        public List<String> criticalIncidents(String service) {
            return List.of();
        }

        @Override
        public Optional<String> freezingWindow(String service, Instant now) {
            return Optional.empty();
        }

        @Override
        public QueryResult query(String promql, Instant now) {
            return QueryResult.of(0);
        }
    };

    private final DeploymentListener listener = new DeploymentListener() {
        @Override
        public void created(Deployment d) {
            recorded.add("created " + d.id());
        }

        @Override
        public void stored(Deployment d, List<DeploymentEvent> events, String source) {
            events.forEach(e -> recorded.add(source + " " + e.trigger().label()));
        }
    };

    /** One canary step of 25 % (30 s), then promotion; 1 min of validation. */
    private static DeployConfig config() {
        return new DeployConfig(
                new ProviderSpec("command", Map.of(), "services.api.deploy.provider"),
                new Strategy.Canary(List.of(new CanaryStep(
                        Optional.of(25),
                        Optional.empty(),
                        new Pause.For(Duration.ofSeconds(30)),
                        Optional.empty(),
                        false))),
                new Gates(Gates.Before.ALL, List.of(), Duration.ofMinutes(1), Optional.empty()),
                Map.of(),
                List.of());
    }

    private DeploymentLoop loop() {
        DeploymentLoop loop = new DeploymentLoop(store, sensors, listener, later, clock, () -> "dep-1");
        loop.configure(
                Map.of("api", new DeploymentLoop.Deployable(config(), this::apply, Map.of())), DeploySettings.NONE);
        return loop;
    }

    private Actuation.Result apply(Actuation a) {
        applied.add(a);
        return new Actuation.Result.Applied(Duration.ofMinutes(5), "rolled out");
    }

    private Deployment start(DeploymentLoop loop) {
        var started = loop.start(new Deployments.StartRequest("api", "prod", "2.0", Optional.of("1.0"), "alice"));
        return ((Deployments.Started.Created) started).deployment();
    }

    @Test
    void aFinishedActuationMakesTheLoopDueAtOnceSoItsResultDoesNotWaitForTheNextTimer() {
        DeploymentLoop loop = loop();
        start(loop);
        assertThat(loop.nextDue()).isEmpty();

        clock.advance(Duration.ofMillis(40));
        slow.pop().run();

        assertThat(loop.nextDue()).contains(clock.instant());
        loop.runDue(clock.instant());
        assertThat(loop.get("dep-1").orElseThrow().kind()).isEqualTo(StateKind.ANALYSING);
        assertThat(loop.nextDue()).isPresent().get().isNotEqualTo(clock.instant());
    }

    @Test
    void aSlowActuationDoesNotHoldTheTickAndItsResultIsTakenOnALaterTick() {
        DeploymentLoop loop = loop();
        Deployment d = start(loop);
        assertThat(d.kind()).isEqualTo(StateKind.PROGRESSING);
        assertThat(store.get("dep-1").orElseThrow().kind()).isEqualTo(StateKind.PROGRESSING);
        assertThat(applied).isEmpty();
        assertThat(loop.nextDue()).isEmpty();

        clock.advance(Duration.ofSeconds(10));
        loop.runDue(clock.instant());
        assertThat(loop.get("dep-1").orElseThrow().kind()).isEqualTo(StateKind.PROGRESSING);

        slow.pop().run();
        assertThat(applied).extracting(Actuation::action).containsExactly(Actuation.Action.DEPLOY);
        loop.runDue(clock.instant());
        assertThat(loop.get("dep-1").orElseThrow().kind()).isEqualTo(StateKind.ANALYSING);
        assertThat(store.get("dep-1").orElseThrow().kind()).isEqualTo(StateKind.ANALYSING);
        assertThat(recorded)
                .containsExactly(
                        "created dep-1",
                        "deployment started",
                        "deployment before-gates-passed",
                        "deployment step-issued",
                        "deployment step-applied");
    }

    @Test
    void aCommandWhileAStepIsInFlightWinsAndTheLateResultChangesNothing() {
        DeploymentLoop loop = loop();
        start(loop);

        var outcome = loop.command("dep-1", dev.steward.core.deploy.Trigger.ABORT, "bob", "wrong build");
        assertThat(outcome).get().isInstanceOf(dev.steward.core.deploy.CommandOutcome.Applied.class);
        slow.pop().run();
        loop.runDue(clock.instant());

        Deployment d = loop.get("dep-1").orElseThrow();
        assertThat(d.kind()).isEqualTo(StateKind.ABORTED);
        assertThat(recorded).contains("api abort").doesNotContain("deployment step-applied");
        assertThat(loop.list(Optional.empty(), Optional.empty(), Optional.of(StateKind.ABORTED), 10))
                .extracting(Deployment::id)
                .containsExactly("dep-1");
    }

    @Test
    void aRestartRecoversAStepInFlightAsPausedAndPaged() {
        start(loop());

        DeploymentLoop restarted = loop();
        assertThat(restarted.recover(clock.instant())).isEqualTo(1);

        Deployment d = restarted.get("dep-1").orElseThrow();
        assertThat(d.kind()).isEqualTo(StateKind.PAUSED);
        assertThat(d.timeline().getLast().page()).isTrue();
        assertThat(recorded).endsWith("deployment restarted");
    }

    @Test
    void aFailingHealthCheckDuringTheAnalysisRollsBack() {
        DeploymentLoop loop = loop();
        start(loop);
        slow.pop().run();
        loop.runDue(clock.instant());
        unhealthy.add("api/health");

        clock.advance(Duration.ofSeconds(30));
        loop.runDue(clock.instant());
        slow.pop().run();
        loop.runDue(clock.instant());

        assertThat(applied)
                .extracting(Actuation::action)
                .containsExactly(Actuation.Action.DEPLOY, Actuation.Action.ROLLBACK);
        assertThat(loop.get("dep-1").orElseThrow().kind()).isEqualTo(StateKind.ROLLING_BACK);
        assertThat(loop.get("dep-1").orElseThrow().timeline())
                .anySatisfy(e -> assertThat(e.reason()).contains("api/health"));
    }

    /** A provider that counts its closes, as a Kubernetes client's would free its connections. */
    private final class ClosingProvider implements dev.steward.core.deploy.Actuator, AutoCloseable {
        int closed;

        @Override
        public Actuation.Result apply(Actuation a) {
            return DeploymentLoopTest.this.apply(a);
        }

        @Override
        public void close() {
            closed++;
        }
    }

    @Test
    void aProviderReplacedByAReloadIsClosedOnceTheActuationRunningOnItIsBackAndTheRestWhenTheLoopCloses() {
        DeploymentLoop loop = loop();
        ClosingProvider first = new ClosingProvider();
        ClosingProvider second = new ClosingProvider();
        ClosingProvider third = new ClosingProvider();
        DeployConfig config = config();
        loop.configure(Map.of("api", new DeploymentLoop.Deployable(config, first, Map.of())), DeploySettings.NONE);
        start(loop); // its first step now runs on the first provider

        loop.configure(Map.of("api", new DeploymentLoop.Deployable(config, second, Map.of())), DeploySettings.NONE);
        assertThat(first.closed).as("closed while its step runs").isZero();
        slow.pop().run();
        loop.runDue(clock.instant());
        assertThat(first.closed).isEqualTo(1);

        loop.configure(Map.of("api", new DeploymentLoop.Deployable(config, third, Map.of())), DeploySettings.NONE);
        assertThat(second.closed).as("idle when replaced").isEqualTo(1);
        loop.close();
        assertThat(List.of(first.closed, second.closed, third.closed)).containsExactly(1, 1, 1);
    }
}
