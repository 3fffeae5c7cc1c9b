package dev.steward.probe.redis;

import dev.steward.core.config.ProbeSpec;
import dev.steward.core.expect.Observation;
import dev.steward.core.expect.Value;
import dev.steward.core.probe.Failure;
import dev.steward.core.probe.FailureKind;
import dev.steward.core.probe.ProbeObservation;
import dev.steward.core.probe.Prober;
import dev.steward.probe.FailureClassifier;
import dev.steward.probe.TimeBox;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The {@code redis} probe. Facts: {@code latency} and everything {@link RedisInfo} reads from {@code INFO}. A reply to
 * {@code PING} other than {@code PONG} is PROTOCOL; a refused {@code AUTH} ({@code WRONGPASS}, {@code NOAUTH}) is
 * CONNECT with the server's message. Connect and read timeouts are the check's timeout in milliseconds, and a {@link
 * TimeBox} bounds the rest (name resolution).
 */
public final class RedisProber implements Prober<ProbeSpec.Redis> {

    @Override
    public ProbeObservation probe(ProbeSpec.Redis spec, Duration timeout) {
        long start = System.nanoTime();
        URI uri;
        try {
            uri = URI.create(spec.url().reveal());
        } catch (IllegalArgumentException e) {
            return ProbeObservation.failed(
                    elapsed(start), Failure.of(FailureKind.PROTOCOL, "not a Redis URL: " + spec.url()));
        }
        String target = display(uri);
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        return TimeBox.run("probe-redis", target, timeout, start, abort -> {
            try (Jedis jedis = new Jedis(uri, millis, millis)) {
                abort.onAbandon(jedis);
                return pingAndInfo(jedis, target, start);
            } catch (JedisException e) {
                return ProbeObservation.failed(elapsed(start), classify(e, target));
            }
        });
    }

    private static ProbeObservation pingAndInfo(Jedis jedis, String target, long start) {
        String pong = jedis.ping();
        if (!"PONG".equalsIgnoreCase(pong)) {
            Failure failure = new Failure(
                    FailureKind.PROTOCOL,
                    target + " did not answer PING with PONG",
                    Optional.empty(),
                    Optional.ofNullable(pong));
            return new ProbeObservation(elapsed(start), Observation.EMPTY, Optional.of(failure), List.of());
        }
        Observation.Builder facts = Observation.builder();
        RedisInfo.addFacts(jedis.info(), facts);
        Duration latency = elapsed(start);
        return ProbeObservation.answered(
                latency, facts.fact("latency", Value.dur(latency)).build());
    }

    static Failure classify(JedisException e, String target) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String upper = message.toUpperCase(Locale.ROOT);
        if (e instanceof JedisDataException) {
            boolean auth = upper.startsWith("WRONGPASS")
                    || upper.startsWith("NOAUTH")
                    || upper.contains("AUTH")
                    || upper.startsWith("NOPERM");
            return auth
                    ? Failure.of(FailureKind.CONNECT, target + " refused authentication: " + message)
                    : Failure.of(FailureKind.PROTOCOL, target + " answered with an error: " + message);
        }
        if (e instanceof JedisConnectionException && e.getCause() != null) {
            return FailureClassifier.classify(e.getCause(), target);
        }
        if (upper.contains("UNKNOWN REPLY")) {
            return Failure.of(FailureKind.PROTOCOL, target + " does not speak the Redis protocol: " + message);
        }
        return Failure.of(FailureKind.CONNECT, "connection to " + target + " failed: " + message);
    }

    /** The URL without credentials. */
    static String display(URI uri) {
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        String path = uri.getPath() == null ? "" : uri.getPath();
        return uri.getScheme() + "://" + uri.getHost() + port + path;
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
