package dev.steward.probe;

import dev.steward.core.config.ProbeSpec;
import dev.steward.core.probe.ProbeObservation;
import dev.steward.core.probe.Prober;
import dev.steward.probe.command.CommandProber;
import dev.steward.probe.elasticsearch.ElasticsearchProber;
import dev.steward.probe.health.HealthProber;
import dev.steward.probe.http.HttpFetcher;
import dev.steward.probe.http.HttpProber;
import dev.steward.probe.postgres.PostgresProber;
import dev.steward.probe.redis.RedisProber;
import dev.steward.probe.tcp.TcpProber;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Routes each probe spec to the prober of its type. Safe for concurrent use; one instance serves the whole daemon and
 * {@link #close()} releases what the probers share (the HTTP clients and their connections).
 */
public final class ProbeDispatcher implements Prober<ProbeSpec>, AutoCloseable {
    private final Prober<ProbeSpec.Http> http;
    private final Prober<ProbeSpec.Health> health;
    private final Prober<ProbeSpec.Tcp> tcp;
    private final Prober<ProbeSpec.Postgres> postgres;
    private final Prober<ProbeSpec.Redis> redis;
    private final Prober<ProbeSpec.Elasticsearch> elasticsearch;
    private final Prober<ProbeSpec.Command> command;
    private final AutoCloseable shared;

    /**
     * The real probers, sharing one {@link HttpFetcher}.
     *
     * @param clock wall time, for certificate expiry
     */
    public static ProbeDispatcher create(InstantSource clock) {
        HttpFetcher fetcher = new HttpFetcher(clock);
        return new ProbeDispatcher(
                new HttpProber(fetcher),
                new HealthProber(fetcher),
                new TcpProber(),
                new PostgresProber(),
                new RedisProber(),
                new ElasticsearchProber(fetcher),
                new CommandProber(),
                fetcher);
    }

    /**
     * Any probers (fakes in tests, decorated ones in production).
     *
     * @param shared closed by {@link #close()}: what the probers share
     */
    public ProbeDispatcher(
            Prober<ProbeSpec.Http> http,
            Prober<ProbeSpec.Health> health,
            Prober<ProbeSpec.Tcp> tcp,
            Prober<ProbeSpec.Postgres> postgres,
            Prober<ProbeSpec.Redis> redis,
            Prober<ProbeSpec.Elasticsearch> elasticsearch,
            Prober<ProbeSpec.Command> command,
            AutoCloseable shared) {
        this.http = Objects.requireNonNull(http, "http");
        this.health = Objects.requireNonNull(health, "health");
        this.tcp = Objects.requireNonNull(tcp, "tcp");
        this.postgres = Objects.requireNonNull(postgres, "postgres");
        this.redis = Objects.requireNonNull(redis, "redis");
        this.elasticsearch = Objects.requireNonNull(elasticsearch, "elasticsearch");
        this.command = Objects.requireNonNull(command, "command");
        this.shared = Objects.requireNonNull(shared, "shared");
    }

    @Override
    public ProbeObservation probe(ProbeSpec spec, Duration timeout) {
        return switch (spec) {
            case ProbeSpec.Http s -> http.probe(s, timeout);
            case ProbeSpec.Health s -> health.probe(s, timeout);
            case ProbeSpec.Tcp s -> tcp.probe(s, timeout);
            case ProbeSpec.Postgres s -> postgres.probe(s, timeout);
            case ProbeSpec.Redis s -> redis.probe(s, timeout);
            case ProbeSpec.Elasticsearch s -> elasticsearch.probe(s, timeout);
            case ProbeSpec.Command s -> command.probe(s, timeout);
        };
    }

    @Override
    public void close() throws Exception {
        shared.close();
    }
}
