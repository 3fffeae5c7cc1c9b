package dev.steward.probe.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.config.ProbeSpec;
import dev.steward.core.config.Secret;
import dev.steward.core.expect.Value;
import dev.steward.core.probe.FailureKind;
import dev.steward.core.probe.ProbeObservation;
import dev.steward.probe.ClosedPort;
import dev.steward.probe.LocalHttpServer;
import dev.steward.probe.SilentServer;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class RedisProberTest {
    static final Duration TIMEOUT = Duration.ofMillis(800);
    static final Duration MARGIN = Duration.ofMillis(250);

    final RedisProber prober = new RedisProber();

    static void assumeRedis() {
        try (Socket s = new Socket("127.0.0.1", 6379)) {
            // reachable
        } catch (IOException e) {
            Assumptions.abort("Redis is not listening on 127.0.0.1:6379 (install and start redis-server)");
        }
    }

    static ProbeSpec.Redis redis(String url) {
        return new ProbeSpec.Redis(Secret.plain(url));
    }

    @Test
    void reportsInfoFieldsAndTheHitRatio() {
        assumeRedis();

        ProbeObservation result = prober.probe(redis("redis://127.0.0.1:6379"), TIMEOUT);

        assertThat(result.failure()).isEmpty();
        var facts = result.observation();
        assertThat(facts.fact("info.redis_version"))
                .hasValueSatisfying(v -> assertThat(v).isInstanceOf(Value.Text.class));
        assertThat(facts.fact("info.used_memory"))
                .hasValueSatisfying(v -> assertThat(v).isInstanceOf(Value.Num.class));
        assertThat(facts.fact("info.used_memory_human"))
                .hasValueSatisfying(v -> assertThat(v).isInstanceOf(Value.Text.class));
        double hits = ((Value.Num) facts.fact("info.keyspace_hits").orElseThrow()).value();
        double misses = ((Value.Num) facts.fact("info.keyspace_misses").orElseThrow()).value();
        double expected = hits + misses == 0 ? 1 : hits / (hits + misses);
        assertThat(facts.fact("info.keyspace_hit_ratio")).contains(Value.num(expected));
        assertThat(facts.fact("latency")).contains(Value.dur(result.latency()));
    }

    @Test
    void selectsTheDatabaseOfTheUrl() {
        assumeRedis();

        assertThat(prober.probe(redis("redis://127.0.0.1:6379/2"), TIMEOUT).failure())
                .isEmpty();
    }

    @Test
    void aWrongPortIsAConnectFailure() {
        int port = ClosedPort.pick();

        ProbeObservation result = prober.probe(redis("redis://127.0.0.1:" + port), TIMEOUT);

        assertThat(result.failure()).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.CONNECT);
            assertThat(f.message()).contains("127.0.0.1:" + port);
        });
    }

    @Test
    void aRefusedPasswordIsAConnectFailureWithoutThePassword() {
        assumeRedis();

        ProbeObservation result = prober.probe(
                new ProbeSpec.Redis(Secret.of("redis://:not-the-password@127.0.0.1:6379", "${env:REDIS_URL}")),
                TIMEOUT);

        assertThat(result.failure()).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.CONNECT);
            assertThat(f.message()).contains("redis://127.0.0.1:6379").doesNotContain("not-the-password");
        });
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithinTheTimeout() throws IOException {
        try (SilentServer silent = new SilentServer()) {
            long start = System.nanoTime();

            ProbeObservation result = prober.probe(redis("redis://127.0.0.1:" + silent.port()), TIMEOUT);

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(result.failure())
                    .hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(FailureKind.TIMEOUT));
            assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.plus(MARGIN));
        }
    }

    @Test
    void anHttpServerIsNotRedis() {
        try (LocalHttpServer http = LocalHttpServer.http().json("/", 200, "{}")) {
            ProbeObservation result =
                    prober.probe(redis("redis://127.0.0.1:" + http.uri("/").getPort()), TIMEOUT);

            assertThat(result.failure())
                    .hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(FailureKind.PROTOCOL));
        }
    }
}
