package dev.steward.probe.elasticsearch;

import dev.steward.core.config.ProbeSpec;
import dev.steward.core.expect.Observation;
import dev.steward.core.expect.Value;
import dev.steward.core.probe.Failure;
import dev.steward.core.probe.FailureKind;
import dev.steward.core.probe.ProbeObservation;
import dev.steward.core.probe.Prober;
import dev.steward.probe.http.FetchOutcome;
import dev.steward.probe.http.FetchRequest;
import dev.steward.probe.http.HttpAnswer;
import dev.steward.probe.http.HttpFetcher;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code elasticsearch} probe. Facts: the HTTP facts of the fetch ({@code status}, {@code latency}, ...), the
 * document {@code cluster} (the raw JSON, so any path such as {@code cluster.number_of_pending_tasks} works in {@code
 * expect}) and, as typed facts, {@code cluster.status} (Text), {@code cluster.cluster_name} (Text) and the numbers in
 * {@link #NUMBERS}. A body that is not JSON is PROTOCOL; a JSON error document (a 401 from a secured cluster) is an
 * answer with {@code status} and no {@code cluster.status}, for the core to judge.
 */
public final class ElasticsearchProber implements Prober<ProbeSpec.Elasticsearch> {
    /** The numeric fields of {@code _cluster/health} reported as {@code cluster.<field>}. */
    public static final List<String> NUMBERS = List.of(
            "active_shards_percent_as_number",
            "number_of_nodes",
            "number_of_data_nodes",
            "active_primary_shards",
            "active_shards",
            "relocating_shards",
            "initializing_shards",
            "unassigned_shards",
            "delayed_unassigned_shards",
            "number_of_pending_tasks",
            "number_of_in_flight_fetch",
            "task_max_waiting_in_queue_millis");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpFetcher fetcher;

    /** @param fetcher the shared fetcher; this prober does not close it */
    public ElasticsearchProber(HttpFetcher fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    @Override
    public ProbeObservation probe(ProbeSpec.Elasticsearch spec, Duration timeout) {
        URI health = healthUrl(spec.url());
        FetchRequest request = FetchRequest.get(health, spec.headers(), ProbeSpec.Tls.DEFAULT, spec.auth());
        return switch (fetcher.fetch(request, timeout)) {
            case FetchOutcome.Failed(Duration latency, var failure) -> ProbeObservation.failed(latency, failure);
            case FetchOutcome.Answered(HttpAnswer answer) -> read(health, answer);
        };
    }

    /** {@code <url>/_cluster/health}, unless the URL already names that endpoint (to add parameters such as {@code
     * ?local=true}). */
    static URI healthUrl(URI base) {
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        if (path.endsWith("/_cluster/health")) {
            return base;
        }
        String query = base.getRawQuery() == null ? "" : "?" + base.getRawQuery();
        String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + prefix + "/_cluster/health" + query);
    }

    private static ProbeObservation read(URI health, HttpAnswer answer) {
        Observation.Builder facts = answer.facts();
        JsonNode root;
        try {
            root = JSON.readTree(answer.body());
        } catch (JacksonException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            Failure failure = Failure.of(
                    FailureKind.PROTOCOL,
                    HttpFetcher.display(health) + " answered " + answer.status() + " with no JSON object");
            return new ProbeObservation(answer.latency(), facts.build(), Optional.of(failure), List.of());
        }
        facts.document("cluster", answer.body());
        text(root, "status").ifPresent(s -> facts.fact("cluster.status", Value.text(s)));
        text(root, "cluster_name").ifPresent(s -> facts.fact("cluster.cluster_name", Value.text(s)));
        for (String field : NUMBERS) {
            JsonNode n = root.path(field);
            if (n.isNumber()) {
                facts.fact("cluster." + field, Value.num(n.doubleValue()));
            }
        }
        if (root.path("timed_out").isBoolean()) {
            facts.fact("cluster.timed_out", Value.bool(root.get("timed_out").booleanValue()));
        }
        return ProbeObservation.answered(answer.latency(), facts.build());
    }

    private static Optional<String> text(JsonNode root, String field) {
        JsonNode n = root.path(field);
        return n.isString() ? Optional.of(n.stringValue()) : Optional.empty();
    }
}
