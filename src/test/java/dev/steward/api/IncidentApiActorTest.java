package dev.steward.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.access.Principal;
import dev.steward.core.access.Role;
import dev.steward.core.incident.CommandOutcome;
import dev.steward.core.incident.Incident;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who acts on an incident: the body's {@code by}, else the authenticated user or token. */
class IncidentApiActorTest {
    private final List<IncidentApi.Command> commands = new CopyOnWriteArrayList<>();
    private Javalin app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private int start(Optional<Principal> principal) {
        IncidentApi.Backend backend = new IncidentApi.Backend() {
            @Override
            public Instant now() {
                return Instant.parse("2026-12-31T23:59:59Z");
            }

            @Override
            public List<Incident> list(String state, Optional<String> service, int limit) {
                return List.of();
            }

            @Override
            public Optional<Incident> get(String id) {
                return Optional.empty();
            }

            @Override
            public Optional<CommandOutcome> command(String id, IncidentApi.Command command) {
                commands.add(command);
                return Optional.empty();
            }
        };
        app = Javalin.create(cfg -> {
                    cfg.routes.before(ctx -> principal.ifPresent(p -> ctx.attribute(AccessControl.PRINCIPAL, p)));
                    new IncidentApi(backend, Optional.empty()).mount(cfg);
                    cfg.routes.exception(
                            ApiException.class,
                            (e, ctx) -> ctx.status(e.status()).result(e.getMessage()));
                })
                .start("127.0.0.1", 0);
        return app.port();
    }

    private int ack(int port, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/incidents/i-1/ack"))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void withoutByTheAuthenticatedUserActsAndAWrittenByWins() throws Exception {
        int port = start(Optional.of(new Principal("carol", Role.OPERATOR, Principal.Kind.USER)));
        ack(port, "");
        ack(port, "{\"by\": \"alice\"}");
        assertThat(commands)
                .containsExactly(
                        new IncidentApi.Command.Acknowledge("carol"), new IncidentApi.Command.Acknowledge("alice"));
    }

    @Test
    void withoutByAndWithoutCredentialsTheRequestIsRefusedWithTheField() throws Exception {
        int port = start(Optional.of(new Principal("open", Role.ADMIN, Principal.Kind.OPEN)));
        assertThat(ack(port, "{}")).isEqualTo(400);
        assertThat(commands).isEmpty();
    }
}
