package dev.steward.actuate;

import dev.steward.core.deploy.Actuation;
import dev.steward.core.deploy.Actuation.Action;
import dev.steward.notify.SecretResolver;
import dev.steward.stackfile.SecretFileReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Tools for building providers in tests: a fixed environment, a fixed clock, a hand-driven ticker, recorded pauses. */
public final class TestTools {
    public static final Instant NOW = Instant.parse("2028-02-29T23:59:58Z");

    public final AtomicLong nanos = new AtomicLong(1_000);
    public final List<Duration> pauses = new CopyOnWriteArrayList<>();
    public final ActuatorTools tools;

    public TestTools(Map<String, String> env) {
        SecretResolver secrets = SecretResolver.of(
                name -> Optional.ofNullable(env.get(name)), SecretFileReader.fileSystem(), Path.of("/"));
        tools = new ActuatorTools(secrets, InstantSource.fixed(NOW), nanos::get, pauses::add, "stack.yml");
    }

    public TestTools() {
        this(Map.of("DEPLOY_TOKEN", "s3cret"));
    }

    public static Actuation request(Action action, String version, int weight) {
        return new Actuation(action, "api", "prod", version, "1.0.0", weight, 0, 1, Map.of("team", "backend"));
    }
}
