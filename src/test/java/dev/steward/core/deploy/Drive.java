package dev.steward.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drives one deployment by hand: a clock moved by the test, the policy's calls, and everything they returned. The
 * plan: a canary of 10 % (pause 1 min, irreversible when asked), 50 % (until promoted), then promotion to 100 %, each
 * judged by analysis {@code a} (error ratio above 1 % fails; 30 s interval, 2 samples, no failure, inconclusive or
 * insufficient measurement tolerated, one query error tolerated), then a 2-minute validation window judged by it too.
 */
final class Drive {
    static final Instant START = Instant.parse("2028-02-29T23:59:30Z");
    static final Duration INTERVAL = Duration.ofSeconds(30);
    static final Observation GOOD = Observation.QUIET.withMetrics(Map.of("errors", QueryResult.of(0.001)));
    static final Observation BAD = Observation.QUIET.withMetrics(Map.of("errors", QueryResult.of(0.2)));
    static final Observation UNCLEAR = Observation.QUIET.withMetrics(Map.of("errors", QueryResult.of(0.005)));
    static final Observation NO_DATA = Observation.QUIET.withMetrics(Map.of("errors", QueryResult.of()));
    static final Observation ERROR =
            Observation.QUIET.withMetrics(Map.of("errors", new QueryResult.Error("connection refused")));
    static final Observation BLOCKED = Observation.QUIET.withCriticalIncidents(List.of("inc-1"));
    static final Observation UNHEALTHY = GOOD.withUnhealthy(List.of("api/health"));
    static final Actuation.Result APPLIED = new Actuation.Result.Applied(Duration.ofMillis(40), "ok");
    static final Actuation.Result RETRYABLE = new Actuation.Result.Failed("timeout", true, "", Optional.empty());
    static final Actuation.Result BROKEN = new Actuation.Result.Failed("image not found", false, "", Optional.of(1));

    Instant now = START;
    Deployment deployment;
    final List<DeploymentStep> steps = new ArrayList<>();
    final List<Actuation> issued = new ArrayList<>();
    CommandOutcome lastCommand;

    Drive(DeployConfig config) {
        this(config, START.plusSeconds(60), Duration.ZERO);
    }

    private Drive(DeployConfig config, Instant at, Duration ahead) {
        deployment = DeploymentPolicy.create(
                "d1",
                "api",
                "production",
                "v2",
                "v1",
                Map.of("team", "web"),
                Plans.compile(config, DeploySettings.NONE),
                at,
                ahead,
                "alice",
                START);
    }

    /** A deployment scheduled an hour after {@link #START}, announced {@code ahead} before it starts. */
    static Drive scheduled(Duration ahead) {
        return new Drive(config(false), START.plus(Duration.ofHours(1)), ahead);
    }

    Drive(boolean irreversible) {
        this(config(irreversible));
    }

    Drive() {
        this(false);
    }

    /** Blue-green with the same analysis; blue is kept warm 10 minutes after success. */
    static Drive blueGreen() {
        DeployConfig c = config(false);
        return new Drive(new DeployConfig(
                c.provider(), new Strategy.BlueGreen(Duration.ofMinutes(10)), c.gates(), c.analyses(), List.of()));
    }

    /** Blue-green driven to success: deploy green, switch, validate; blue still warm. */
    Drive blueGreenSucceeded() {
        analysing().after(INTERVAL).step(GOOD);
        after(INTERVAL).step(GOOD);
        actuated(APPLIED);
        after(INTERVAL).step(GOOD);
        after(INTERVAL).step(GOOD);
        for (int i = 0; i < 4; i++) {
            after(INTERVAL).step(GOOD);
        }
        assertThat(kind()).isEqualTo(StateKind.SUCCEEDED);
        return this;
    }

    static AnalysisTemplate analysis() {
        return new AnalysisTemplate(
                "a",
                List.of(new AnalysisMetric(
                        "errors",
                        "sum(rate(errors_total[1m]))",
                        Condition.parse("result < 0.002"),
                        Condition.parse("result > 0.01"))),
                List.of(),
                INTERVAL,
                0,
                0,
                1,
                0,
                2);
    }

    static DeployConfig config(boolean irreversible) {
        Strategy.Canary canary = new Strategy.Canary(List.of(
                new CanaryStep(
                        Optional.of(10),
                        Optional.empty(),
                        new Pause.For(Duration.ofMinutes(1)),
                        Optional.empty(),
                        irreversible),
                new CanaryStep(Optional.of(50), Optional.empty(), new Pause.UntilPromoted(), Optional.empty(), false)));
        Gates gates = new Gates(Gates.Before.ALL, List.of("a"), Duration.ofMinutes(2), Optional.of("a"));
        return new DeployConfig(
                new ProviderSpec("command", Map.of(), "services.api.deploy.provider"),
                canary,
                gates,
                Map.of("a", analysis()),
                List.of());
    }

    static Plan plan(boolean irreversible) {
        return Plans.compile(config(irreversible), DeploySettings.NONE);
    }

    StateKind kind() {
        return deployment.kind();
    }

    DeploymentStep step(Observation o) {
        return record(DeploymentPolicy.step(deployment, o, now));
    }

    DeploymentStep actuated(Actuation.Result r) {
        return record(DeploymentPolicy.actuated(deployment, r, now));
    }

    CommandOutcome command(Trigger t) {
        lastCommand = DeploymentPolicy.command(deployment, t, "bob", "", now);
        if (lastCommand instanceof CommandOutcome.Applied a) {
            record(a.step());
        }
        return lastCommand;
    }

    DeploymentStep recover() {
        return record(DeploymentPolicy.recover(deployment, now));
    }

    Drive after(Duration d) {
        now = now.plus(d);
        return this;
    }

    private DeploymentStep record(DeploymentStep s) {
        steps.add(s);
        issued.addAll(s.actuations());
        deployment = s.deployment();
        return s;
    }

    DeploymentEvent lastEvent() {
        return deployment.timeline().getLast();
    }

    // ---- getting into each state by driving, not by constructing it ----

    Drive scheduled() {
        assertThat(kind()).isEqualTo(StateKind.SCHEDULED);
        return this;
    }

    Drive checking() {
        after(Duration.ofSeconds(60)).step(BLOCKED);
        assertThat(kind()).isEqualTo(StateKind.CHECKING);
        return this;
    }

    /** Step 1 issued, its outcome awaited. */
    Drive progressing() {
        checking().step(Observation.QUIET);
        assertThat(kind()).isEqualTo(StateKind.PROGRESSING);
        return this;
    }

    /** Step 1 applied, analysing. */
    Drive analysing() {
        progressing().actuated(APPLIED);
        assertThat(kind()).isEqualTo(StateKind.ANALYSING);
        return this;
    }

    /** Measures twice with good data, the pause of step 1 runs out: step 2 issued. */
    Drive passStep() {
        after(INTERVAL).step(GOOD);
        after(INTERVAL).step(GOOD);
        return this;
    }

    /** Step 2 passed, waiting for promotion. */
    Drive awaitingPromotion() {
        analysing().passStep().actuated(APPLIED);
        after(INTERVAL).step(GOOD);
        after(INTERVAL).step(GOOD);
        assertThat(DeploymentPolicy.awaitingPromotion(deployment)).isTrue();
        return this;
    }

    /** In step 3 (promotion to 100 %), analysing. */
    Drive lastStep() {
        awaitingPromotion().command(Trigger.PROMOTE);
        step(GOOD).deployment();
        actuated(APPLIED);
        assertThat(kind()).isEqualTo(StateKind.ANALYSING);
        return this;
    }

    Drive validating() {
        lastStep();
        after(INTERVAL).step(GOOD);
        after(INTERVAL).step(GOOD);
        assertThat(kind()).isEqualTo(StateKind.VALIDATING);
        return this;
    }

    Drive succeeded() {
        validating();
        for (int i = 0; i < 4; i++) {
            after(INTERVAL).step(GOOD);
        }
        assertThat(kind()).isEqualTo(StateKind.SUCCEEDED);
        return this;
    }

    /** A failing measurement in step 1: the rollback is issued at once. */
    Drive rollingBack() {
        analysing().after(INTERVAL).step(BAD);
        assertThat(kind()).isEqualTo(StateKind.ROLLING_BACK);
        return this;
    }

    Drive frozen() {
        analysing().after(INTERVAL).step(BAD);
        assertThat(kind()).isEqualTo(StateKind.FROZEN);
        return this;
    }

    Drive paused() {
        analysing().command(Trigger.PAUSE);
        assertThat(kind()).isEqualTo(StateKind.PAUSED);
        return this;
    }
}
