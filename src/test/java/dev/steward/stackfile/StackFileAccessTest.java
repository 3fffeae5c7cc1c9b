package dev.steward.stackfile;

import static dev.steward.stackfile.LoaderFixture.errors;
import static dev.steward.stackfile.LoaderFixture.loaded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.access.Role;
import dev.steward.core.access.User;
import dev.steward.core.config.AccessConfig;
import dev.steward.core.config.StackConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackFileAccessTest {
    static final String STACK = """
            stack: prod
            services: {api: {}}
            """;
    static final String ARGON2 =
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
    static final String BCRYPT = "$2y$05$abcdefghijklmnopqrstuu5P0wK8qnVNrwAafmPqv6C9HC1Gk4o1u";

    @Test
    void withoutAnAccessBlockMetricsAreAnonymousAndThereAreNoUsers() {
        assertThat(loaded(STACK).access()).isEqualTo(AccessConfig.DEFAULTS);
    }

    @Test
    void usersWithArgon2OrBcryptHashesAreRead() {
        StackConfig c = loaded(STACK + """
                access:
                  metrics_anonymous: false
                  users:
                    alice: {role: operator, password_hash: "%s"}
                    bob: {role: viewer, password_hash: '%s'}
                """.formatted(ARGON2, BCRYPT));
        assertThat(c.access().metricsAnonymous()).isFalse();
        assertThat(c.access().users())
                .containsExactly(
                        new User("alice", Role.OPERATOR, ARGON2, User.Source.STACK_FILE),
                        new User("bob", Role.VIEWER, BCRYPT, User.Source.STACK_FILE));
    }

    @Test
    void everyBadUserIsReportedAndAPlainPasswordIsNotEchoed() {
        List<ConfigError> errors = errors(STACK + """
                access:
                  metrics_anonymous: maybe
                  users:
                    Alice: {role: operator, password_hash: "%s"}
                    carol: {role: root, password_hash: "hunter2-plain"}
                    dave: {password: x}
                """.formatted(ARGON2));
        assertThat(errors)
                .extracting(ConfigError::path)
                .containsExactlyInAnyOrder(
                        "access.metrics_anonymous",
                        "access.users.Alice",
                        "access.users.carol.role",
                        "access.users.carol.password_hash",
                        "access.users.dave.password",
                        "access.users.dave.role",
                        "access.users.dave.password_hash");
        assertThat(errors.toString()).doesNotContain("hunter2-plain");
    }

    @Test
    void sessionSettingsHaveDefaultsAndAreChecked() {
        AccessConfig d = loaded(STACK).access();
        assertThat(d.sessionIdle()).hasHours(12);
        assertThat(d.sessionMax()).hasDays(7);
        assertThat(d.secureCookies()).isEqualTo("auto");
        AccessConfig c = loaded(STACK + "access: {session_idle: 30m, session_max: 1d, secure_cookies: always}\n")
                .access();
        assertThat(c.sessionIdle()).hasMinutes(30);
        assertThat(c.sessionMax()).hasDays(1);
        assertThat(c.secureCookies()).isEqualTo("always");
        assertThat(errors(STACK + "access: {session_idle: 2h, session_max: 1h, secure_cookies: sometimes}\n"))
                .extracting(ConfigError::path)
                .containsExactlyInAnyOrder("access.session_max", "access.secure_cookies");
    }

    @Test
    void theConsolesPerformanceQueriesAreParsedAsPromql() {
        StackConfig c = loaded(STACK + """
                console:
                  performance:
                    latency: 'histogram_quantile(0.95, sum by (le) (rate(h_bucket[5m])))'
                    throughput: 'sum(rate(requests_total[5m]))'
                """);
        assertThat(c.console().latency()).hasValue("histogram_quantile(0.95, sum by (le) (rate(h_bucket[5m])))");
        assertThat(c.console().errorRate()).isEmpty();
        LoadResult bad = new StackFileLoader(
                        name -> java.util.Optional.empty(),
                        path -> {
                            throw new java.nio.file.NoSuchFileException(path.toString());
                        },
                        dev.steward.promql.EngineRules.PARSER)
                .parse(STACK + """
                        console:
                          performance: {latency: 'sum(rate(x[5m])', errors: 'x'}
                        """, "stack.yml");
        assertThat(((LoadResult.Invalid) bad).errors())
                .extracting(ConfigError::path)
                .containsExactlyInAnyOrder("console.performance.latency", "console.performance.errors");
    }
}
