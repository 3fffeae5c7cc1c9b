package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.access.Role;
import dev.steward.password.Argon2PasswordHasher;
import dev.steward.store.jdbc.Database;
import dev.steward.store.jdbc.JdbcAccessStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code steward user add} and {@code steward token create|list|revoke} against a real SQLite store. */
class AccessCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String stdin, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void userAddReadsThePasswordFromStandardInputAndStoresOnlyItsHash() {
        String data = dir.toString();
        assertThat(run("correct horse battery\n", "user", "add", "ann", "--role", "operator", "--data", data))
                .isZero();
        assertThat(err.toString()).contains("added ann (operator)");
        try (Database db = Database.sqlite(dir)) {
            var ann = new JdbcAccessStore(db).user("ann").orElseThrow();
            assertThat(ann.role()).isEqualTo(Role.OPERATOR);
            assertThat(ann.passwordHash()).startsWith("$argon2id$").doesNotContain("correct horse");
            assertThat(new Argon2PasswordHasher().matches("correct horse battery", ann.passwordHash()))
                    .isTrue();
        }
        assertThat(run("another password\n", "user", "add", "ann", "--role", "viewer", "--data", data))
                .isEqualTo(1);
        assertThat(err.toString()).contains("user ann exists");
    }

    @Test
    void userAddRefusesShortPasswordsUnknownRolesAndBadNames() {
        String data = dir.toString();
        assertThat(run("short\n", "user", "add", "ann", "--role", "viewer", "--data", data))
                .isEqualTo(2);
        assertThat(run("long enough pw\n", "user", "add", "ann", "--role", "root", "--data", data))
                .isEqualTo(2);
        assertThat(run("long enough pw\n", "user", "add", "Ann Smith", "--role", "viewer", "--data", data))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains(
                        "at least 8 characters",
                        "--role root: expected viewer, operator or admin",
                        "user name Ann Smith");
    }

    @Test
    void tokenCreatePrintsTheTokenOnceListShowsNoSecretAndRevokeDeletes() {
        String data = dir.toString();
        assertThat(run("", "token", "create", "--name", "ci", "--role", "admin", "--expires", "30d", "--data", data))
                .isZero();
        String token = out.toString().strip();
        assertThat(token).matches("stw_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        assertThat(err.toString()).contains("shown once");
        String id = token.substring(4, 16);

        out.getBuffer().setLength(0);
        assertThat(run("", "token", "list", "--data", data)).isZero();
        assertThat(out.toString()).contains(id, "admin", "ci").doesNotContain(token.substring(17));

        assertThat(run("", "token", "revoke", id, "--data", data)).isZero();
        assertThat(run("", "token", "revoke", id, "--data", data)).isEqualTo(1);
        assertThat(run("", "token", "create", "--name", "x", "--role", "viewer", "--expires", "soon", "--data", data))
                .isEqualTo(2);
    }

    @Test
    void theCliSendsStewardTokenAsABearerToken() {
        var plain = ApiClient.authorized(HttpRequest.newBuilder(URI.create("http://127.0.0.1/")), null)
                .build();
        var withToken = ApiClient.authorized(HttpRequest.newBuilder(URI.create("http://127.0.0.1/")), " stw_abc_def\n")
                .build();
        assertThat(plain.headers().firstValue("Authorization")).isEmpty();
        assertThat(withToken.headers().firstValue("Authorization")).contains("Bearer stw_abc_def");
    }
}
