package dev.steward.probe.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.config.ProbeSpec;
import dev.steward.core.config.ProbeSpec.Auth;
import dev.steward.core.config.Secret;
import dev.steward.core.expect.Value;
import dev.steward.core.probe.FailureKind;
import dev.steward.core.probe.ProbeObservation;
import dev.steward.probe.ClosedPort;
import dev.steward.probe.LocalHttpServer;
import dev.steward.probe.http.HttpFetcher;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No Elasticsearch server runs on the build machines (it is not packaged in Debian), so these tests serve real
 * {@code _cluster/health} documents, as Elasticsearch 8 writes them, from an in-process HTTP server.
 */
class ElasticsearchProberTest {
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    static final String GREEN = """
            {"cluster_name":"docs","status":"green","timed_out":false,"number_of_nodes":3,\
            "number_of_data_nodes":3,"active_primary_shards":12,"active_shards":24,"relocating_shards":0,\
            "initializing_shards":0,"unassigned_shards":0,"unassigned_primary_shards":0,\
            "delayed_unassigned_shards":0,"number_of_pending_tasks":0,"number_of_in_flight_fetch":0,\
            "task_max_waiting_in_queue_millis":0,"active_shards_percent_as_number":100.0}""";

    static final String YELLOW = """
            {"cluster_name":"docs","status":"yellow","timed_out":false,"number_of_nodes":1,\
            "number_of_data_nodes":1,"active_primary_shards":12,"active_shards":12,"relocating_shards":0,\
            "initializing_shards":0,"unassigned_shards":12,"unassigned_primary_shards":0,\
            "delayed_unassigned_shards":0,"number_of_pending_tasks":0,"number_of_in_flight_fetch":0,\
            "task_max_waiting_in_queue_millis":0,"active_shards_percent_as_number":50.0}""";

    static final String RED = """
            {"cluster_name":"docs","status":"red","timed_out":false,"number_of_nodes":2,\
            "number_of_data_nodes":2,"active_primary_shards":10,"active_shards":20,"relocating_shards":0,\
            "initializing_shards":1,"unassigned_shards":3,"unassigned_primary_shards":2,\
            "delayed_unassigned_shards":0,"number_of_pending_tasks":4,"number_of_in_flight_fetch":0,\
            "task_max_waiting_in_queue_millis":1250,"active_shards_percent_as_number":83.33333333333334}""";

    static final String UNAUTHORIZED = """
            {"error":{"root_cause":[{"type":"security_exception","reason":"missing authentication credentials for \
            REST request [/_cluster/health]"}],"type":"security_exception","reason":"missing authentication \
            credentials for REST request [/_cluster/health]"},"status":401}""";

    static LocalHttpServer green;
    static LocalHttpServer yellow;
    static LocalHttpServer red;
    static LocalHttpServer secured;
    static LocalHttpServer notEs;
    static HttpFetcher fetcher;
    static ElasticsearchProber prober;

    @BeforeAll
    static void start() {
        green = LocalHttpServer.http().json("/_cluster/health", 200, GREEN);
        yellow = LocalHttpServer.http().json("/_cluster/health", 200, YELLOW);
        red = LocalHttpServer.http().json("/es/_cluster/health", 503, RED);
        String credentials =
                "Basic " + Base64.getEncoder().encodeToString("elastic:changeme".getBytes(StandardCharsets.UTF_8));
        secured = LocalHttpServer.http().route("/_cluster/health", ex -> {
            boolean ok = credentials.equals(ex.getRequestHeaders().getFirst("Authorization"));
            LocalHttpServer.reply(ex, ok ? 200 : 401, "application/json", ok ? GREEN : UNAUTHORIZED);
        });
        notEs = LocalHttpServer.http()
                .route("/_cluster/health", ex -> LocalHttpServer.reply(ex, 200, "text/html", "<h1>nginx</h1>"));
        fetcher = new HttpFetcher(InstantSource.system());
        prober = new ElasticsearchProber(fetcher);
    }

    @AfterAll
    static void stop() {
        fetcher.close();
        for (LocalHttpServer s : new LocalHttpServer[] {green, yellow, red, secured, notEs}) {
            s.close();
        }
    }

    static ProbeObservation probe(URI url) {
        return prober.probe(new ProbeSpec.Elasticsearch(url, Map.of(), Optional.empty()), TIMEOUT);
    }

    @Test
    void reportsAGreenClusterAndItsNumbers() {
        ProbeObservation result = probe(green.uri(""));

        assertThat(result.failure()).isEmpty();
        var facts = result.observation();
        assertThat(facts.fact("status")).contains(Value.num(200));
        assertThat(facts.fact("cluster.status")).contains(Value.text("green"));
        assertThat(facts.fact("cluster.cluster_name")).contains(Value.text("docs"));
        assertThat(facts.fact("cluster.active_shards_percent_as_number")).contains(Value.num(100));
        assertThat(facts.fact("cluster.number_of_nodes")).contains(Value.num(3));
        assertThat(facts.fact("cluster.number_of_data_nodes")).contains(Value.num(3));
        assertThat(facts.fact("cluster.unassigned_shards")).contains(Value.num(0));
        assertThat(facts.document("cluster")).contains(GREEN);
    }

    @Test
    void reportsAYellowClusterWithItsUnassignedShards() {
        ProbeObservation result = probe(yellow.uri("/"));

        assertThat(result.failure()).isEmpty();
        assertThat(result.observation().fact("cluster.status")).contains(Value.text("yellow"));
        assertThat(result.observation().fact("cluster.unassigned_shards")).contains(Value.num(12));
        assertThat(result.observation().fact("cluster.active_shards_percent_as_number"))
                .contains(Value.num(50));
    }

    @Test
    void aRedClusterServedWith503IsAnAnswerForTheCoreToJudge() {
        ProbeObservation result = probe(red.uri("/es"));

        assertThat(result.failure()).isEmpty();
        assertThat(result.observation().fact("status")).contains(Value.num(503));
        assertThat(result.observation().fact("cluster.status")).contains(Value.text("red"));
        assertThat(result.observation().fact("cluster.task_max_waiting_in_queue_millis"))
                .contains(Value.num(1250));
    }

    @Test
    void sendsCredentialsToASecuredCluster() {
        var auth = new Auth.Basic("elastic", Secret.of("changeme", "${env:ES_PASSWORD}"));

        ProbeObservation withAuth =
                prober.probe(new ProbeSpec.Elasticsearch(secured.uri(""), Map.of(), Optional.of(auth)), TIMEOUT);
        ProbeObservation without = probe(secured.uri(""));

        assertThat(withAuth.observation().fact("cluster.status")).contains(Value.text("green"));
        assertThat(without.failure()).isEmpty();
        assertThat(without.observation().fact("status")).contains(Value.num(401));
        assertThat(without.observation().fact("cluster.status")).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIsAProtocolFailure() {
        ProbeObservation result = probe(notEs.uri(""));

        assertThat(result.failure()).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.PROTOCOL);
            assertThat(f.message()).contains("/_cluster/health");
        });
    }

    @Test
    void anUnreachableClusterIsAConnectFailure() {
        ProbeObservation result = probe(URI.create("http://127.0.0.1:" + ClosedPort.pick()));

        assertThat(result.failure())
                .hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(FailureKind.CONNECT));
    }

    @Test
    void keepsAUrlThatAlreadyNamesTheHealthEndpoint() {
        assertThat(ElasticsearchProber.healthUrl(URI.create("http://es:9200/_cluster/health?local=true")))
                .isEqualTo(URI.create("http://es:9200/_cluster/health?local=true"));
        assertThat(ElasticsearchProber.healthUrl(URI.create("http://es:9200")))
                .isEqualTo(URI.create("http://es:9200/_cluster/health"));
        assertThat(ElasticsearchProber.healthUrl(URI.create("https://es.example:9243/search/?level=indices")))
                .isEqualTo(URI.create("https://es.example:9243/search/_cluster/health?level=indices"));
    }
}
