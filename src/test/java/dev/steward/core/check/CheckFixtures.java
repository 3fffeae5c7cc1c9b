package dev.steward.core.check;

import dev.steward.core.config.CheckConfig;
import dev.steward.core.config.ProbeSpec;
import dev.steward.core.expect.Observation;
import dev.steward.core.expect.Value;
import dev.steward.core.probe.Failure;
import dev.steward.core.probe.FailureKind;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builders for check configurations and results in tests. */
public final class CheckFixtures {
    private CheckFixtures() {}

    public static ProbeSpec.Http httpSpec(String url) {
        return new ProbeSpec.Http(
                "GET", URI.create(url), Map.of(), Optional.empty(), true, ProbeSpec.Tls.DEFAULT, Optional.empty());
    }

    public static CheckConfig check(String service, String name) {
        return check(service, name, 3, 2);
    }

    public static CheckConfig check(String service, String name, int failAfter, int recoverAfter) {
        return new CheckConfig(
                service,
                name,
                httpSpec("http://127.0.0.1:1/" + name),
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                List.of(),
                Optional.empty(),
                failAfter,
                Duration.ofSeconds(5),
                recoverAfter,
                Map.of());
    }

    public static ProbeResult passed(Instant at) {
        Observation o = Observation.builder().fact("status", Value.num(200)).build();
        return new ProbeResult.Passed(at, Duration.ofMillis(12), o, List.of());
    }

    public static ProbeResult failed(Instant at) {
        return new ProbeResult.Failed(
                at,
                Duration.ofMillis(3),
                Observation.EMPTY,
                List.of(),
                Failure.of(FailureKind.CONNECT, "connection refused by 127.0.0.1:1"));
    }
}
