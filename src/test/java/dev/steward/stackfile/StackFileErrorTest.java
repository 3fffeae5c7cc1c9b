package dev.steward.stackfile;

import static dev.steward.stackfile.LoaderFixture.errors;
import static dev.steward.stackfile.LoaderFixture.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One test per kind of error: each asserts line, column, path, the value seen and what was expected. */
class StackFileErrorTest {
    static final String CHECK_KEYS =
            "one of name, http, health, tcp, postgres, redis, elasticsearch, command, interval,"
                    + " timeout, expect, fail_after, retry_interval, recover_after, labels, alert, flapping";
    static final String PROBES = "exactly one probe: one of http, health, tcp, postgres, redis, elasticsearch, command";

    /** The 1-based column of {@code token} in line {@code line} of {@code yaml}. */
    static int col(String yaml, int line, String token) {
        int i = yaml.lines().toList().get(line - 1).indexOf(token);
        assertThat(i).as("%s in line %d", token, line).isNotNegative();
        return i + 1;
    }

    static void assertError(
            ConfigError e, int line, int column, String path, String message, String seen, String expected) {
        assertThat(e.file()).isEqualTo("/etc/steward/stack.yml");
        assertThat(e.line()).as("line of %s", e).isEqualTo(line);
        assertThat(e.column()).as("column of %s", e).isEqualTo(column);
        assertThat(e.path()).isEqualTo(path);
        assertThat(e.message()).isEqualTo(message);
        assertThat(e.seen()).isEqualTo(Optional.ofNullable(seen));
        assertThat(e.expected()).isEqualTo(Optional.ofNullable(expected));
    }

    /** A file with one http check whose extra lines are {@code checkLines} (indented for the check). */
    static String check(String... checkLines) {
        StringBuilder b = new StringBuilder("""
                stack: demo
                services:
                  api:
                    checks:
                      - name: health
                """);
        for (String l : checkLines) {
            b.append("        ").append(l).append('\n');
        }
        return b.toString();
    }

    @Test
    void unknownKeyAtTopLevelNamesTheKeyAndTheAllowedKeys() {
        ConfigError e = onlyError("stack: demo\nversion: 2\nservices:\n  api: {}\n");
        assertError(
                e,
                2,
                1,
                "version",
                "unknown key",
                "\"version\"",
                "one of stack, defaults, services, rule_files, rule_groups, alerting, maintenance, access, console, environments, analyses,"
                        + " people, schedules, escalation_policies, severities, status_page");
    }

    @Test
    void unknownKeyInAServiceSuggestsTheClosestKey() {
        ConfigError e = onlyError("stack: demo\nservices:\n  api:\n    check: []\n");
        assertError(
                e,
                4,
                5,
                "services.api.check",
                "unknown key",
                "\"check\"",
                "one of description, depends_on, labels, checks, metrics, escalation_policy, deploy (did you mean \"checks\"?)");
    }

    @Test
    void unknownKeyInACheck() {
        ConfigError e = onlyError(check("http: {url: \"http://127.0.0.1/health\"}", "timeot: 5s"));
        assertError(
                e,
                7,
                9,
                "services.api.checks[0].timeot",
                "unknown key",
                "\"timeot\"",
                CHECK_KEYS + " (did you mean \"timeout\"?)");
    }

    @Test
    void unknownKeyInAProbe() {
        String yaml = check("http: {url: \"http://127.0.0.1/health\", verb: GET}");
        ConfigError e = onlyError(yaml);
        assertError(
                e,
                6,
                col(yaml, 6, "verb"),
                "services.api.checks[0].http.verb",
                "unknown key",
                "\"verb\"",
                "one of url, method, headers, body, follow_redirects, tls, basic_auth, bearer_token");
    }

    @Test
    void invalidDurationIsFormattedOnOneLine() {
        ConfigError e = onlyError(check("http: {url: \"http://127.0.0.1/health\"}", "interval: 30 seconds"));
        assertError(
                e,
                7,
                19,
                "services.api.checks[0].interval",
                "invalid duration",
                "\"30 seconds\"",
                "a duration such as 30s, 5m, 1h30m");
        assertThat(e.format())
                .isEqualTo("/etc/steward/stack.yml:7:19: services.api.checks[0].interval: invalid duration"
                        + " \"30 seconds\"; expected a duration such as 30s, 5m, 1h30m");
    }

    @Test
    void durationWithoutAUnitSaysTheUnitIsRequired() {
        ConfigError e = onlyError(check("http: {url: \"http://127.0.0.1/health\"}", "interval: 30"));
        assertError(
                e,
                7,
                19,
                "services.api.checks[0].interval",
                "invalid duration (a unit is required)",
                "\"30\"",
                "a duration such as 30s, 5m, 1h30m");
    }

    @Test
    void zeroAndNegativeDurationsAreRejected() {
        List<ConfigError> es =
                errors(check("http: {url: \"http://127.0.0.1/health\"}", "interval: 0s", "retry_interval: -5s"));
        assertThat(es).hasSize(2);
        assertError(
                es.get(0),
                7,
                19,
                "services.api.checks[0].interval",
                "duration must be greater than zero:",
                "0s",
                "a duration such as 30s");
        assertError(
                es.get(1),
                8,
                25,
                "services.api.checks[0].retry_interval",
                "duration must be greater than zero:",
                "-5s",
                "a duration such as 30s");
    }

    @Test
    void timeoutLongerThanTheIntervalIsAnError() {
        ConfigError e = onlyError(check("http: {url: \"http://127.0.0.1/health\"}", "interval: 5s", "timeout: 10s"));
        assertError(
                e,
                8,
                18,
                "services.api.checks[0].timeout",
                "timeout longer than the interval:",
                "10s > 5s",
                "a timeout no longer than the interval");
    }

    @Test
    void timeoutFromDefaultsLongerThanTheCheckIntervalPointsAtTheInterval() {
        String yaml = check("http: {url: \"http://127.0.0.1/health\"}", "interval: 5s")
                .replace("services:", "defaults: {timeout: 10s}\nservices:");
        ConfigError e = onlyError(yaml);
        assertError(
                e,
                8,
                19,
                "services.api.checks[0].interval",
                "timeout longer than the interval (timeout 10s from defaults):",
                "10s > 5s",
                "a timeout no longer than the interval");
    }

    @Test
    void urlWithTheWrongSchemeOrNoHostIsRejected() {
        String yaml = check("http: {url: \"ftp://127.0.0.1/health\"}")
                + "      - name: other\n        health: {url: \"http:///x\"}\n";
        List<ConfigError> es = errors(yaml);
        assertThat(es).hasSize(2);
        assertError(
                es.get(0),
                6,
                col(yaml, 6, "\"ftp"),
                "services.api.checks[0].http.url",
                "invalid URL",
                "\"ftp://127.0.0.1/health\"",
                "an http:// or https:// URL with a host");
        assertError(
                es.get(1),
                8,
                col(yaml, 8, "\"http"),
                "services.api.checks[1].health.url",
                "invalid URL",
                "\"http:///x\"",
                "an http:// or https:// URL with a host");
    }

    @Test
    void postgresAndRedisUrlsNeedTheirSchemes() {
        String yaml = check("postgres: {url: \"postgresql://127.0.0.1/app\"}")
                + "      - name: cache\n        redis: {url: \"http://127.0.0.1:6379\"}\n";
        List<ConfigError> es = errors(yaml);
        assertThat(es).hasSize(2);
        assertError(
                es.get(0),
                6,
                col(yaml, 6, "\"postgresql"),
                "services.api.checks[0].postgres.url",
                "invalid URL",
                "\"postgresql://127.0.0.1/app\"",
                "a JDBC URL such as jdbc:postgresql://127.0.0.1:5432/app");
        assertError(
                es.get(1),
                8,
                col(yaml, 8, "\"http"),
                "services.api.checks[1].redis.url",
                "invalid URL",
                "\"http://127.0.0.1:6379\"",
                "a redis:// or rediss:// URL with a host");
    }

    @Test
    void portOutOfRangeOrNotANumberIsRejected() {
        String yaml = check("tcp: {host: db, port: 70000}") + "      - name: b\n        tcp: {host: db, port: \"80\"}\n"
                + "      - name: c\n        tcp: {address: \"db:0\"}\n";
        List<ConfigError> es = errors(yaml);
        assertThat(es).hasSize(3);
        assertError(
                es.get(0),
                6,
                col(yaml, 6, "70000"),
                "services.api.checks[0].tcp.port",
                "out of range:",
                "70000",
                "a port number from 1 to 65535");
        assertError(
                es.get(1),
                8,
                col(yaml, 8, "\"80\""),
                "services.api.checks[1].tcp.port",
                "wrong type:",
                "\"80\"",
                "a port number from 1 to 65535");
        assertError(
                es.get(2),
                10,
                col(yaml, 10, "\"db:0\""),
                "services.api.checks[2].tcp.address",
                "invalid port in address",
                "\"db:0\"",
                "host:port with a port number from 1 to 65535");
    }

    @Test
    void duplicateServiceKeyIsAnErrorInsteadOfSilentlyKeepingOne() {
        ConfigError e = onlyError("stack: demo\nservices:\n  api: {}\n  db: {}\n  api: {description: again}\n");
        assertError(
                e, 5, 3, "services.api", "duplicate key", "\"api\"", "each key once in a mapping (first at line 3)");
    }

    @Test
    void duplicateCheckNameWithinAServiceIsAnError() {
        String yaml =
                check("tcp: {host: db, port: 5432}") + "      - name: health\n        tcp: {host: db, port: 5433}\n";
        ConfigError e = onlyError(yaml);
        assertError(
                e,
                7,
                15,
                "services.api.checks[1].name",
                "duplicate check name",
                "\"health\"",
                "check names unique within a service (first at services.api.checks[0])");
    }

    @Test
    void dependencyOnAnUnknownServiceIsAnError() {
        String yaml = "stack: demo\nservices:\n  api:\n    depends_on: [cache, db]\n  cache: {}\n";
        ConfigError e = onlyError(yaml);
        assertError(
                e,
                4,
                col(yaml, 4, "db]"),
                "services.api.depends_on[1]",
                "unknown service",
                "\"db\"",
                "one of the services of this file: api, cache");
    }

    @Test
    void dependencyCycleIsNamed() {
        String yaml = "stack: demo\nservices:\n  api:\n    depends_on: [db]\n  db:\n    depends_on: [queue]\n"
                + "  queue:\n    depends_on: [api]\n  self:\n    depends_on: [self]\n";
        List<ConfigError> es = errors(yaml);
        assertThat(es).hasSize(2);
        assertError(
                es.get(0),
                8,
                18,
                "services.queue.depends_on[0]",
                "dependency cycle:",
                "api -> db -> queue -> api",
                "depends_on without cycles");
        assertError(
                es.get(1),
                10,
                18,
                "services.self.depends_on[0]",
                "dependency cycle:",
                "self -> self",
                "depends_on without cycles");
    }

    @Test
    void badExpectPointsAtTheOffendingCharacterInsideTheYamlString() {
        String yaml = check("http: {url: \"http://127.0.0.1/health\"}", "expect: ['status == 200', 'latency <']");
        ConfigError e = onlyError(yaml);
        int closingQuote = yaml.lines().toList().get(6).lastIndexOf('\'') + 1;
        assertError(
                e,
                7,
                closingQuote,
                "services.api.checks[0].expect[1]",
                "invalid condition: found end of input at column 10 of",
                "\"latency <\"",
                "a value after '<'");
    }

    @Test
    void badExpectPositionAccountsForEscapesInDoubleQuotedYaml() {
        String yaml =
                check("http: {url: \"http://127.0.0.1/health\"}", "expect: \"body.status == \\\"Healthy\\\" and\"");
        ConfigError e = onlyError(yaml);
        int closingQuote = yaml.lines().toList().get(6).lastIndexOf('"') + 1;
        assertError(
                e,
                7,
                closingQuote,
                "services.api.checks[0].expect",
                "invalid condition: found end of input at column 29 of",
                "\"body.status == \\\"Healthy\\\" and\"",
                "a condition such as status == 200");
    }

    @Test
    void badExpectInAPlainScalarPointsAtTheCharacter() {
        String yaml = check("http: {url: \"http://127.0.0.1/health\"}", "expect: status = 200");
        ConfigError e = onlyError(yaml);
        assertError(
                e,
                7,
                col(yaml, 7, "= 200"),
                "services.api.checks[0].expect",
                "invalid condition: found '=' at column 8 of",
                "\"status = 200\"",
                "'==' to compare");
    }

    @Test
    void expectNamingAFactTheProbeDoesNotHaveIsAnError() {
        String yaml = check("tcp: {host: db, port: 5432}", "expect: ['latency < 1s', '\"stauts\" == stauts']");
        ConfigError e = onlyError(yaml);
        assertError(
                e,
                7,
                col(yaml, 7, "== stauts") + 3,
                "services.api.checks[0].expect[1]",
                "unknown fact \"stauts\" for a check of type tcp in",
                "\"\\\"stauts\\\" == stauts\"",
                "one of latency, reply");
    }

    @Test
    void missingEnvironmentVariableIsNamedAtTheReference() {
        String yaml = check("http: {url: \"http://h/\", headers: {Authorization: \"Bearer ${env:NOPE_TOKEN}\"}}");
        ConfigError e = onlyError(yaml);
        assertError(
                e,
                6,
                col(yaml, 6, "${env:NOPE"),
                "services.api.checks[0].http.headers.Authorization",
                "environment variable NOPE_TOKEN is not set, referenced in",
                "\"Bearer ${env:NOPE_TOKEN}\"",
                "the variable to be set in Steward's environment");
    }

    @Test
    void unreadableSecretFileIsNamedWithoutAnyValue() {
        String yaml = check("postgres: {url: \"jdbc:postgresql://db/app\", password: \"${file:/run/secrets/nope}\"}");
        ConfigError e = onlyError(yaml);
        assertError(
                e,
                6,
                col(yaml, 6, "${file"),
                "services.api.checks[0].postgres.password",
                "cannot read secret file /run/secrets/nope (NoSuchFileException), referenced in",
                "\"${file:/run/secrets/nope}\"",
                "a readable file");
    }

    @Test
    void unknownKindOfReferenceIsAnError() {
        String yaml = check("redis: {url: \"redis://:${vault:kv/redis}@h:6379\"}");
        ConfigError e = onlyError(yaml);
        assertError(
                e,
                6,
                col(yaml, 6, "${vault"),
                "services.api.checks[0].redis.url",
                "unknown reference ${vault:kv/redis}",
                "\"redis://:${vault:kv/redis}@h:6379\"",
                "${env:NAME} or ${file:/path} (or $${ for a literal ${)");
    }

    @Test
    void twoProbeTypesInOneCheckIsAnError() {
        String yaml = check("http: {url: \"http://h/\"}", "tcp: {host: h, port: 80}");
        ConfigError e = onlyError(yaml);
        assertError(e, 7, 9, "services.api.checks[0].tcp", "more than one probe:", "http, tcp", PROBES);
    }

    @Test
    void checkWithoutAProbeIsAnError() {
        ConfigError e = onlyError(check("interval: 10s"));
        assertError(e, 5, 9, "services.api.checks[0]", "missing probe", null, PROBES);
    }

    @Test
    void wrongTypesNameWhatWasFoundAndWhatWasExpected() {
        String yaml = check("tcp: {host: h, port: 80}", "labels: [a, b]", "fail_after: three", "expect: {a: 1}")
                + "  db:\n    checks: {name: x}\n";
        List<ConfigError> es = errors(yaml);
        assertThat(es).hasSize(4);
        assertError(
                es.get(0),
                7,
                17,
                "services.api.checks[0].labels",
                "wrong type:",
                "a list",
                "a mapping of label names to values");
        assertError(
                es.get(1),
                8,
                21,
                "services.api.checks[0].fail_after",
                "wrong type:",
                "\"three\"",
                "a whole number from 1 to 1000");
        assertError(
                es.get(2),
                9,
                17,
                "services.api.checks[0].expect",
                "wrong type:",
                "a mapping",
                "a condition such as 'status == 200', or a list of them");
        assertError(es.get(3), 11, 13, "services.db.checks", "wrong type:", "a mapping", "a list of checks");
    }

    @Test
    void labelNamesMustBeValidAndNotReserved() {
        String yaml = "stack: demo\nservices:\n  api:\n    labels: {team-name: a, service: b, __x: c, ok_1: d}\n";
        List<ConfigError> es = errors(yaml);
        String expected = "a label name matching [a-zA-Z_][a-zA-Z0-9_]* other than stack, service, check and __*";
        assertThat(es).hasSize(3);
        assertError(
                es.get(0),
                4,
                col(yaml, 4, "team-name"),
                "services.api.labels.team-name",
                "invalid label name",
                "\"team-name\"",
                expected);
        assertError(
                es.get(1),
                4,
                col(yaml, 4, "service"),
                "services.api.labels.service",
                "reserved label name",
                "\"service\"",
                expected);
        assertError(
                es.get(2),
                4,
                col(yaml, 4, "__x"),
                "services.api.labels.__x",
                "reserved label name",
                "\"__x\"",
                expected);
    }

    @Test
    void namesMustBeLowerCaseIdentifiers() {
        String yaml =
                "stack: Demo Stack\nservices:\n  API: {}\n  ok:\n    checks: [{name: \"Bad Name\", tcp: {host: h, port: 1}}]\n";
        List<ConfigError> es = errors(yaml);
        assertThat(es).hasSize(3);
        assertError(es.get(0), 1, 8, "stack", "invalid stack name", "\"Demo Stack\"", NodeReader.NAME_EXPECTED);
        assertError(es.get(1), 3, 3, "services.API", "invalid service name", "\"API\"", NodeReader.NAME_EXPECTED);
        assertError(
                es.get(2),
                5,
                col(yaml, 5, "\"Bad"),
                "services.ok.checks[0].name",
                "invalid check name",
                "\"Bad Name\"",
                NodeReader.NAME_EXPECTED);
    }

    @Test
    void missingRequiredKeysAreReportedAtTheirMapping() {
        List<ConfigError> es = errors("defaults: {interval: 10s}\n");
        assertThat(es).hasSize(2);
        assertError(es.get(0), 1, 1, "stack", "missing required key \"stack\"", null, NodeReader.NAME_EXPECTED);
        assertError(
                es.get(1),
                1,
                1,
                "services",
                "missing required key \"services\"",
                null,
                "a mapping of service names to services");
        ConfigError url = onlyError(check("http: {method: GET}"));
        assertError(
                url,
                6,
                15,
                "services.api.checks[0].http.url",
                "missing required key \"url\"",
                null,
                "an http:// or https:// URL");
    }

    @Test
    void unsupportedHttpMethodIsRejected() {
        String yaml = check("http: {url: \"http://h/\", method: FETCH}");
        ConfigError e = onlyError(yaml);
        assertError(
                e,
                6,
                col(yaml, 6, "FETCH"),
                "services.api.checks[0].http.method",
                "unsupported HTTP method",
                "\"FETCH\"",
                "one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
    }

    @Test
    void credentialsInTwoPlacesAreRejected() {
        String yaml = check("http: {url: \"http://h/\", basic_auth: {username: u, password: p}, bearer_token: t}");
        ConfigError e = onlyError(yaml);
        assertError(
                e,
                6,
                col(yaml, 6, "bearer_token"),
                "services.api.checks[0].http.bearer_token",
                "basic_auth and bearer_token both set",
                null,
                "at most one of them");
    }

    @Test
    void invalidYamlIsReportedWithItsPosition() {
        ConfigError e = onlyError("stack: demo\nservices: [a\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.message()).startsWith("invalid YAML: ");
        assertThat(e.expected()).isEmpty();
    }

    @Test
    void emptyFileAndSecondDocumentAreErrors() {
        assertError(onlyError(""), 0, 0, "", "the file is empty", null, "a mapping with stack and services");
        assertError(
                onlyError("stack: a\nservices: {a: {}}\n---\nstack: b\n"),
                4,
                1,
                "",
                "a second YAML document",
                null,
                "one document per file");
        assertThat(onlyError("").format())
                .isEqualTo("/etc/steward/stack.yml: the file is empty; expected a mapping with stack and services");
    }

    @Test
    void everyErrorOfAFileIsReportedInFileOrder() {
        String yaml = """
                stack: demo
                colour: blue
                defaults: {interval: 1 minute}
                services:
                  api:
                    depends_on: [ghost]
                    checks:
                      - name: a
                        http: {url: "gopher://h"}
                        expect: 'status =='
                      - name: b
                        tcp: {host: h, port: 0}
                        interval: 10s
                        timeout: 20s
                  db:
                    labels: {__meta: x}
                    metrics: {scrape: http://h/metrics, interval: 5s, timeout: 6s}
                    checks:
                      - name: c
                        postgres: {url: "jdbc:postgresql://db/app", password: "${env:MISSING_PW}"}
                      - name: c
                        command: {run: []}
                """;
        List<ConfigError> es = errors(yaml);
        assertThat(es)
                .extracting(ConfigError::path)
                .containsExactly(
                        "colour",
                        "defaults.interval",
                        "services.api.depends_on[0]",
                        "services.api.checks[0].http.url",
                        "services.api.checks[0].expect",
                        "services.api.checks[1].tcp.port",
                        "services.api.checks[1].timeout",
                        "services.db.labels.__meta",
                        "services.db.metrics.timeout",
                        "services.db.checks[0].postgres.password",
                        "services.db.checks[1].name",
                        "services.db.checks[1].command.run");
        assertThat(es).extracting(ConfigError::line).isSorted();
    }

    @Test
    void errorsNeverShowResolvedSecretValues() {
        String yaml = check(
                        "redis: {url: \"http://:${env:REDIS_PASSWORD}@h:6379\"}",
                        "expect: 'info.x == \"${env:PG_PASSWORD}\" and'")
                + "      - name: b\n        http: {url: \"${env:API_HEALTH_TOKEN}\", headers: {\"bad header\": \"${env:SLACK_TOKEN}\"}}\n";
        List<ConfigError> es = errors(yaml);
        assertThat(es).hasSizeGreaterThanOrEqualTo(3);
        for (ConfigError e : es) {
            for (String secret : LoaderFixture.SECRET_VALUES) {
                assertThat(e.format()).doesNotContain(secret);
                assertThat(e.toString()).doesNotContain(secret);
            }
        }
    }

    @Test
    void emptyCommandIsRejectedAsTextAndAsAList() {
        String yaml = check("command: {run: \"  \"}") + "      - name: b\n        command: {run: []}\n";
        List<ConfigError> es = errors(yaml);
        assertThat(es).hasSize(2);
        assertError(
                es.get(0),
                6,
                col(yaml, 6, "\"  \""),
                "services.api.checks[0].command.run",
                "empty command",
                null,
                "at least the program to run");
        assertError(
                es.get(1),
                8,
                col(yaml, 8, "[]"),
                "services.api.checks[1].command.run",
                "empty command",
                null,
                "at least the program to run");
    }

    @Test
    void headersEnvironmentNamesAndAddressesAreChecked() {
        String yaml = check("http: {url: \"http://h/\", headers: {\"Bad Header\": x}}")
                + "      - name: b\n        command: {run: [ls], env: {1X: y}}\n"
                + "      - name: c\n        tcp: {address: \"justahost\"}\n"
                + "      - name: d\n        tcp: {address: \"h:1\", port: 2}\n";
        List<ConfigError> es = errors(yaml);
        assertThat(es).hasSize(4);
        assertError(
                es.get(0),
                6,
                col(yaml, 6, "\"Bad"),
                "services.api.checks[0].http.headers[\"Bad Header\"]",
                "invalid header name",
                "\"Bad Header\"",
                "an HTTP header name such as X-Api-Key");
        assertError(
                es.get(1),
                8,
                col(yaml, 8, "1X"),
                "services.api.checks[1].command.env.1X",
                "invalid environment variable name",
                "\"1X\"",
                "a name such as API_TOKEN");
        assertError(
                es.get(2),
                10,
                col(yaml, 10, "\"justahost"),
                "services.api.checks[2].tcp.address",
                "invalid address",
                "\"justahost\"",
                "host:port with a port number from 1 to 65535");
        assertError(
                es.get(3),
                12,
                col(yaml, 12, "address"),
                "services.api.checks[3].tcp.address",
                "address and port both set",
                null,
                "either address or host and port");
    }
}
