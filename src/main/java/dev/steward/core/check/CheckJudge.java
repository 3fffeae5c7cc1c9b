package dev.steward.core.check;

import dev.steward.core.config.CheckConfig;
import dev.steward.core.config.ProbeSpec;
import dev.steward.core.expect.Condition;
import dev.steward.core.expect.Value;
import dev.steward.core.expect.Verdict;
import dev.steward.core.probe.ComponentStatus;
import dev.steward.core.probe.Failure;
import dev.steward.core.probe.FailureKind;
import dev.steward.core.probe.ProbeObservation;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Judges what a probe observed. A probe that got no answer has failed already. Otherwise the check's {@code expect}
 * conditions decide when given (an ASSERTION failure); without them, the probe type's default rule decides (a STATUS
 * failure): HTTP status 2xx, a healthy health document, exit code 0, an Elasticsearch cluster that is not red.
 */
public final class CheckJudge {
    private CheckJudge() {}

    public static ProbeResult judge(CheckConfig check, ProbeObservation seen, Instant at) {
        Optional<Failure> failure = seen.failure().or(() -> verdict(check, seen));
        return failure.<ProbeResult>map(
                        f -> new ProbeResult.Failed(at, seen.latency(), seen.observation(), seen.components(), f))
                .orElseGet(() -> new ProbeResult.Passed(at, seen.latency(), seen.observation(), seen.components()));
    }

    private static Optional<Failure> verdict(CheckConfig check, ProbeObservation seen) {
        if (check.condition().isPresent()) {
            Condition condition = check.condition().get();
            return switch (condition.evaluate(seen.observation())) {
                case Verdict.Pass p -> Optional.empty();
                case Verdict.Fail f ->
                    Optional.of(new Failure(
                            FailureKind.ASSERTION,
                            "expected " + f.condition(),
                            Optional.of(f.condition()),
                            Optional.of(f.seen())));
            };
        }
        return defaultVerdict(check.probe(), seen);
    }

    private static Optional<Failure> defaultVerdict(ProbeSpec spec, ProbeObservation seen) {
        var facts = seen.observation();
        return switch (spec) {
            case ProbeSpec.Http h -> httpStatus(facts.fact("status"));
            case ProbeSpec.Health h -> healthVerdict(seen);
            case ProbeSpec.Elasticsearch e -> elasticsearchVerdict(facts);
            case ProbeSpec.Command c ->
                facts.fact("exit_code")
                        .filter(v -> !(v instanceof Value.Num n && n.value() == 0))
                        .map(v -> statusFailure("exit_code == 0", v));
            case ProbeSpec.Tcp t -> Optional.empty();
            case ProbeSpec.Postgres p -> Optional.empty();
            case ProbeSpec.Redis r -> Optional.empty();
        };
    }

    /** An answer that is not cluster health (a 401 error document) fails; so does a red cluster. */
    private static Optional<Failure> elasticsearchVerdict(dev.steward.core.expect.Observation facts) {
        Optional<Failure> status = httpStatus(facts.fact("status"));
        if (status.isPresent()) {
            return status;
        }
        Optional<Value> cluster = facts.fact("cluster.status");
        if (cluster.isEmpty()) {
            return Optional.of(Failure.of(FailureKind.PROTOCOL, "the answer has no cluster status"));
        }
        return cluster.filter(v -> v.equals(Value.text("red"))).map(v -> statusFailure("cluster.status != \"red\"", v));
    }

    private static Optional<Failure> httpStatus(Optional<Value> status) {
        if (status.isEmpty()) {
            return Optional.of(Failure.of(FailureKind.PROTOCOL, "no HTTP status in the answer"));
        }
        Value v = status.get();
        boolean ok = v instanceof Value.Num n && n.value() >= 200 && n.value() < 300;
        return ok ? Optional.empty() : Optional.of(statusFailure("status is 2xx", v));
    }

    private static Optional<Failure> healthVerdict(ProbeObservation seen) {
        Optional<Value> healthy = seen.observation().fact("health.healthy");
        if (healthy.isPresent() && healthy.get().equals(Value.bool(true))) {
            return Optional.empty();
        }
        String unhealthy = seen.components().stream()
                .filter(c -> !c.healthy())
                .map(ComponentStatus::name)
                .collect(Collectors.joining(", "));
        String status =
                seen.observation().fact("health.status").map(Value::toString).orElse("<missing>");
        if (unhealthy.isEmpty()) {
            return Optional.of(new Failure(
                    FailureKind.STATUS,
                    "health status " + status,
                    Optional.of("health status is healthy"),
                    Optional.of(status)));
        }
        // no condition, so the description names the components: "status: unhealthy: db (seen "Unhealthy")"
        return Optional.of(
                new Failure(FailureKind.STATUS, "unhealthy: " + unhealthy, Optional.empty(), Optional.of(status)));
    }

    private static Failure statusFailure(String expected, Value seen) {
        return new Failure(
                FailureKind.STATUS, "expected " + expected, Optional.of(expected), Optional.of(seen.toString()));
    }
}
