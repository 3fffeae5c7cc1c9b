package dev.steward.stackfile;

import static dev.steward.stackfile.LoaderFixture.loaded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.config.CheckConfig;
import dev.steward.core.config.ProbeSpec;
import dev.steward.core.config.ProbeSpec.Auth;
import dev.steward.core.config.ProbeSpec.Tls;
import dev.steward.core.config.ScrapeConfig;
import dev.steward.core.config.Secret;
import dev.steward.core.config.ServiceConfig;
import dev.steward.core.config.StackConfig;
import dev.steward.core.expect.Observation;
import dev.steward.core.expect.Value;
import dev.steward.core.expect.Verdict;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackFileLoaderTest {

    /** The example of DESIGN.md, with every probe type and most optional keys added. */
    static final String FULL = """
            stack: enterprise-docs
            defaults: {interval: 20s, fail_after: 2}
            services:
              api:
                description: Public REST API
                depends_on: [db, cache, search]
                labels: {team: backend}
                checks:
                  - name: health
                    http:
                      url: http://127.0.0.1:5000/health
                      headers: {Authorization: "Bearer ${env:API_HEALTH_TOKEN}"}
                    interval: 30s
                    timeout: 10s
                    expect: ['status == 200', 'latency < 200ms', 'body.status == "Healthy"']
                  - name: detailed
                    health: {url: http://127.0.0.1:5000/health/detailed, basic_auth: {username: ops, password: "${file:secrets/basic}"}}
                  - name: post
                    http:
                      url: https://${env:API_HOST}:8443/echo
                      method: post
                      body: '{"ping": true}'
                      follow_redirects: false
                      tls: {insecure_skip_verify: true, ca_file: /etc/ssl/ca.pem}
                      bearer_token: ${env:API_HEALTH_TOKEN}
                    expect: status in [200, 201] and header["Content-Type"] contains "json"
                    fail_after: 5
                    retry_interval: 2s
                    recover_after: 3
                    labels: {tier: edge}
                metrics: {scrape: http://127.0.0.1:5000/metrics, interval: 15s, headers: {X-Scrape-Key: "${env:METRICS_KEY}"}}
              db:
                checks: [{name: ping, postgres: {url: "jdbc:postgresql://127.0.0.1:5432/app", user: app, password: "${env:PG_PASSWORD}", query: "select 1"}}]
              cache:
                checks:
                  - {name: ping, redis: {url: "redis://:${env:REDIS_PASSWORD}@127.0.0.1:6379"}, expect: 'info.used_memory < 512MiB'}
                  - {name: port, tcp: {host: 127.0.0.1, port: 6379, send: "PING\\r\\n", expect: "+PONG", tls: false}, interval: 5s}
                  - {name: addr, tcp: {address: "[::1]:6379"}}
              search:
                checks: [{name: cluster, elasticsearch: {url: http://127.0.0.1:9200, headers: {X-Es: "k=${env:ES_KEY}"}, basic_auth: {username: elastic, password: "${file:/run/secrets/es_password}"}}, expect: ['cluster.status == "green"']}]
              jobs:
                checks:
                  - name: backup-fresh
                    command: {run: "test -n \\"$(find /backups -mmin -10)\\"", env: {SLACK: "${env:SLACK_TOKEN}", MODE: quick}, workdir: /var/backups}
                    expect: exit_code == 0
                  - name: disk
                    command: {run: [/usr/bin/df, --output=pcent, /]}
            rule_files: [rules/*.yml, "alerts/api.yml"]
            """;

    @Test
    void fullExampleLoadsIntoTheExpectedRecords() {
        StackConfig c = loaded(FULL);
        assertThat(c.stack()).isEqualTo("enterprise-docs");
        assertThat(c.services().keySet()).containsExactly("api", "db", "cache", "search", "jobs");
        assertThat(c.ruleFiles()).containsExactly("rules/*.yml", "alerts/api.yml");

        ServiceConfig api = c.services().get("api");
        assertThat(api.description()).isEqualTo("Public REST API");
        assertThat(api.dependsOn()).containsExactly("db", "cache", "search");
        assertThat(api.labels()).isEqualTo(Map.of("team", "backend"));
        assertThat(api.metrics())
                .contains(new ScrapeConfig(
                        URI.create("http://127.0.0.1:5000/metrics"),
                        Duration.ofSeconds(15),
                        Duration.ofSeconds(10),
                        Map.of("X-Scrape-Key", Secret.of("metrics-SECRET", "${env:METRICS_KEY}"))));

        CheckConfig health = api.checks().get(0);
        assertThat(health.id().toString()).isEqualTo("api/health");
        assertThat(health.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(health.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(health.failAfter()).isEqualTo(2);
        assertThat(health.retryInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(health.recoverAfter()).isEqualTo(2);
        assertThat(health.expect()).containsExactly("status == 200", "latency < 200ms", "body.status == \"Healthy\"");
        ProbeSpec.Http http = (ProbeSpec.Http) health.probe();
        assertThat(http.method()).isEqualTo("GET");
        assertThat(http.url()).isEqualTo(URI.create("http://127.0.0.1:5000/health"));
        assertThat(http.followRedirects()).isTrue();
        assertThat(http.tls()).isEqualTo(Tls.DEFAULT);
        assertThat(http.auth()).isEmpty();
        Secret authorization = http.headers().get("Authorization");
        assertThat(authorization.reveal()).isEqualTo("Bearer tok-4f9a-SECRET");
        assertThat(authorization.toString()).isEqualTo("Bearer ${env:API_HEALTH_TOKEN}");

        Observation ok = Observation.builder()
                .fact("status", Value.num(200))
                .fact("latency", Value.dur(Duration.ofMillis(50)))
                .document("body", "{\"status\": \"Healthy\"}")
                .build();
        assertThat(health.condition().orElseThrow().evaluate(ok)).isEqualTo(Verdict.PASS);
        Observation slow = Observation.builder()
                .fact("status", Value.num(200))
                .fact("latency", Value.dur(Duration.ofMillis(250)))
                .build();
        assertThat(health.condition().orElseThrow().evaluate(slow))
                .isEqualTo(new Verdict.Fail("latency < 200ms", "250ms"));

        CheckConfig detailed = api.checks().get(1);
        assertThat(detailed.interval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(detailed.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(detailed.condition()).isEmpty();
        assertThat(detailed.expect()).isEmpty();
        ProbeSpec.Health h = (ProbeSpec.Health) detailed.probe();
        Auth.Basic basic = (Auth.Basic) h.auth().orElseThrow();
        assertThat(basic.username()).isEqualTo("ops");
        assertThat(basic.password().reveal()).isEqualTo("basic-SECRET");
        assertThat(basic.password().toString()).isEqualTo("${file:secrets/basic}");

        CheckConfig post = api.checks().get(2);
        ProbeSpec.Http p = (ProbeSpec.Http) post.probe();
        assertThat(p.method()).isEqualTo("POST");
        assertThat(p.url()).isEqualTo(URI.create("https://127.0.0.1:8443/echo"));
        assertThat(p.body()).contains("{\"ping\": true}");
        assertThat(p.followRedirects()).isFalse();
        assertThat(p.tls()).isEqualTo(new Tls(true, Optional.of(Path.of("/etc/ssl/ca.pem"))));
        assertThat(((Auth.Bearer) p.auth().orElseThrow()).token().reveal()).isEqualTo("tok-4f9a-SECRET");
        assertThat(post.failAfter()).isEqualTo(5);
        assertThat(post.retryInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(post.recoverAfter()).isEqualTo(3);
        assertThat(post.labels()).isEqualTo(Map.of("tier", "edge"));
        assertThat(post.expect())
                .containsExactly("status in [200, 201] and header[\"Content-Type\"] contains \"json\"");

        ProbeSpec.Postgres pg =
                (ProbeSpec.Postgres) c.services().get("db").checks().getFirst().probe();
        assertThat(pg)
                .isEqualTo(new ProbeSpec.Postgres(
                        "jdbc:postgresql://127.0.0.1:5432/app",
                        Optional.of("app"),
                        Optional.of(Secret.of("pg-pw-SECRET", "${env:PG_PASSWORD}")),
                        "select 1"));

        List<CheckConfig> cache = c.services().get("cache").checks();
        ProbeSpec.Redis redis = (ProbeSpec.Redis) cache.get(0).probe();
        assertThat(redis.url().reveal()).isEqualTo("redis://:redis-pw-SECRET@127.0.0.1:6379");
        assertThat(redis.target()).isEqualTo("redis://:${env:REDIS_PASSWORD}@127.0.0.1:6379");
        assertThat(cache.get(1).probe())
                .isEqualTo(new ProbeSpec.Tcp("127.0.0.1", 6379, Optional.of("PING\r\n"), Optional.of("+PONG"), false));
        assertThat(cache.get(1).interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(cache.get(1).timeout())
                .as("default timeout shrinks to a short interval")
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(cache.get(2).probe())
                .isEqualTo(new ProbeSpec.Tcp("::1", 6379, Optional.empty(), Optional.empty(), false));

        ProbeSpec.Elasticsearch es = (ProbeSpec.Elasticsearch)
                c.services().get("search").checks().getFirst().probe();
        assertThat(es.url()).isEqualTo(URI.create("http://127.0.0.1:9200"));
        assertThat(es.headers()).isEqualTo(Map.of("X-Es", Secret.of("k=es-key-SECRET", "k=${env:ES_KEY}")));
        assertThat(((Auth.Basic) es.auth().orElseThrow()).password().reveal()).isEqualTo("es-pw-SECRET");

        List<CheckConfig> jobs = c.services().get("jobs").checks();
        ProbeSpec.Command backup = (ProbeSpec.Command) jobs.get(0).probe();
        assertThat(backup.argv()).containsExactly("/bin/sh", "-c", "test -n \"$(find /backups -mmin -10)\"");
        assertThat(backup.env().get("SLACK").reveal()).isEqualTo("slack-SECRET");
        assertThat(backup.env().get("MODE")).isEqualTo(Secret.plain("quick"));
        assertThat(backup.workdir()).contains(Path.of("/var/backups"));
        assertThat(((ProbeSpec.Command) jobs.get(1).probe()).argv())
                .containsExactly("/usr/bin/df", "--output=pcent", "/");
        assertThat(c.allChecks()).hasSize(10);
    }

    @Test
    void secretsAreRedactedInTheStringFormOfEveryModelRecord() {
        StackConfig c = loaded(FULL);
        String all = c.toString();
        for (String secret : LoaderFixture.SECRET_VALUES) {
            assertThat(all).doesNotContain(secret);
        }
        for (CheckConfig check : c.allChecks()) {
            String shown = check + " " + check.probe() + " " + check.probe().target();
            for (String secret : LoaderFixture.SECRET_VALUES) {
                assertThat(shown).doesNotContain(secret);
            }
        }
        assertThat(all).contains("${env:API_HEALTH_TOKEN}", "${env:PG_PASSWORD}", "${file:/run/secrets/es_password}");
    }

    @Test
    void escapedDollarBraceIsALiteralAndNotAReference() {
        StackConfig c = loaded("""
                stack: s
                services:
                  a:
                    checks:
                      - name: c
                        http: {url: http://h/, headers: {X-Template: "$${env:NOT_A_REF}"}}
                """);
        Secret header =
                ((ProbeSpec.Http) c.allChecks().getFirst().probe()).headers().get("X-Template");
        assertThat(header.reveal()).isEqualTo("${env:NOT_A_REF}");
        assertThat(header.isSecret()).isFalse();
    }

    @Test
    void minimalFileGetsEveryDefault() {
        StackConfig c = loaded("""
                stack: s
                services:
                  a:
                    checks: [{name: c, tcp: {host: localhost, port: 22}}]
                """);
        CheckConfig check = c.allChecks().getFirst();
        assertThat(check.interval()).isEqualTo(CheckConfig.DEFAULT_INTERVAL);
        assertThat(check.timeout()).isEqualTo(CheckConfig.DEFAULT_TIMEOUT);
        assertThat(check.failAfter()).isEqualTo(CheckConfig.DEFAULT_FAIL_AFTER);
        assertThat(check.retryInterval()).isEqualTo(CheckConfig.DEFAULT_RETRY_INTERVAL);
        assertThat(check.recoverAfter()).isEqualTo(CheckConfig.DEFAULT_RECOVER_AFTER);
        assertThat(c.services().get("a").description()).isEmpty();
        assertThat(c.ruleFiles()).isEmpty();
    }

    @Test
    void loadReadsAFileAndResolvesRelativeSecretFilesAgainstItsDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("token"), "from-file\n");
        Path stack = dir.resolve("stack.yml");
        Files.writeString(stack, """
                stack: s
                services:
                  a:
                    checks: [{name: c, http: {url: "http://h/", bearer_token: "${file:token}"}}]
                """);
        LoadResult r = StackFileLoader.fromSystem().load(stack);
        StackConfig c = ((LoadResult.Loaded) r).config();
        Auth.Bearer bearer = (Auth.Bearer)
                ((ProbeSpec.Http) c.allChecks().getFirst().probe()).auth().orElseThrow();
        assertThat(bearer.token().reveal()).isEqualTo("from-file");
    }

    @Test
    void missingFileIsOneErrorNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yml");
        LoadResult r = StackFileLoader.fromSystem().load(missing);
        assertThat(StackFileLoader.format(r))
                .containsExactly(
                        missing + ": cannot read the file (NoSuchFileException); expected a readable stack file");
    }

    @Test
    void secretFilesThatAreNotRegularOrTooLargeAreRejectedWithoutReadingThem(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("big"), new byte[(int) SecretFileReader.MAX_BYTES + 1]);
        Path stack = dir.resolve("stack.yml");
        Files.writeString(stack, """
                stack: s
                services:
                  a:
                    checks:
                      - {name: c, http: {url: "http://h/", bearer_token: "${file:/dev/zero}"}}
                      - {name: d, http: {url: "http://h/", bearer_token: "${file:big}"}}
                """);
        List<ConfigError> errors =
                ((LoadResult.Invalid) StackFileLoader.fromSystem().load(stack)).errors();
        assertThat(errors)
                .extracting(ConfigError::message)
                .containsExactly(
                        "cannot read secret file /dev/zero (not a regular file), referenced in",
                        "cannot read secret file " + dir.resolve("big") + " (larger than 1 MiB), referenced in");
    }
}
