package dev.steward.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.check.CheckState;
import dev.steward.core.config.CheckConfig;
import dev.steward.core.config.CheckId;
import dev.steward.core.config.StackConfig;
import dev.steward.core.probe.Failure;
import dev.steward.core.probe.FailureKind;
import dev.steward.engine.CheckSnapshot;
import dev.steward.stackfile.LoadResult;
import dev.steward.stackfile.StackFileLoader;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The overview's model and what its live stream sends: only what changed, once, and the same text for everyone. */
class LiveUpdatesTest {
    private static final Instant T0 = Instant.parse("2026-12-31T23:59:58Z");
    private static final StackConfig STACK = load("""
            stack: shop
            services:
              api:
                depends_on: [db]
                checks:
                  - {name: health, tcp: {host: 127.0.0.1, port: 1}}
                  - {name: "v2_health", tcp: {host: 127.0.0.1, port: 2}}
              db:
                checks: [{name: ping, tcp: {host: 127.0.0.1, port: 3}}]
            """);

    private final Map<CheckId, CheckSnapshot> checks = new LinkedHashMap<>();
    private final Views views = new Views(null, () -> "shop", "test");

    private static StackConfig load(String yaml) {
        LoadResult r = new StackFileLoader(name -> Optional.empty(), path -> {
                    throw new NoSuchFileException(path.toString());
                })
                .parse(yaml, "stack.yml");
        if (!(r instanceof LoadResult.Loaded loaded)) {
            throw new IllegalArgumentException(String.join("\n", StackFileLoader.format(r)));
        }
        return loaded.config();
    }

    private void set(String service, String check, CheckState state) {
        CheckConfig c = STACK.allChecks().stream()
                .filter(x -> x.id().equals(new CheckId(service, check)))
                .findFirst()
                .orElseThrow();
        checks.put(c.id(), new CheckSnapshot(c, state, Optional.empty(), Optional.empty(), false));
    }

    private Overview overview() {
        return Overview.build(
                STACK,
                checks,
                s -> Optional.empty(),
                List.of(),
                OptionalDouble.of(0.99951),
                Map.of(),
                Overview.ServiceFigures.NONE,
                T0);
    }

    private void allUp() {
        set("api", "health", new CheckState.Up(T0, 0, Optional.empty()));
        set("api", "v2_health", new CheckState.Up(T0, 0, Optional.empty()));
        set("db", "ping", new CheckState.Up(T0, 0, Optional.empty()));
    }

    private static CheckState.Down down(String why) {
        return new CheckState.Down(T0, Failure.of(FailureKind.CONNECT, why), 0);
    }

    @Test
    void theOverviewSaysWhatIsDownAndWhyAndCountsIt() {
        allUp();
        set("db", "ping", down("connection refused"));
        Overview o = overview();
        assertThat(o.summary().status()).isEqualTo("down");
        assertThat(o.summary().reason()).contains("db down");
        assertThat(o.summary().failing()).isEqualTo(1);
        assertThat(o.summary().uptime()).isEqualTo("99.95 %");
        Overview.ServiceRow api = o.rows().getFirst();
        assertThat(api.name()).isEqualTo("api");
        Overview.Cell odd = api.cells().get(1);
        assertThat(odd.domId()).matches("c-[A-Za-z0-9_-]+");
        assertThat(odd.href()).isEqualTo("/ui/checks/api/v2_health");
        assertThat(o.rows().get(1).cells().getFirst().reason()).contains("connection refused");
    }

    @Test
    void eachPublishSendsOnlyWhatChangedSinceTheLastOne() {
        allUp();
        LiveUpdates live = new LiveUpdates(this::overview, views);
        assertThat(live.snapshot())
                .as("nothing published yet: pages build their own")
                .isEmpty();
        String first = live.publish();
        assertThat(live.snapshot())
                .hasValueSatisfying(s -> assertThat(s.generation()).isEqualTo(1));
        assertThat(first).contains("hx-swap-oob=\"true\"").doesNotContain("\n");
        assertThat(live.publish()).as("nothing changed").isEmpty();
        assertThat(live.snapshot().orElseThrow().generation())
                .as("same generation, fresh overview")
                .isEqualTo(1);

        set("db", "ping", down("connection refused"));
        String update = live.publish();
        String dbCell = Overview.domId(new CheckId("db", "ping"));
        assertThat(update).contains("id=\"" + dbCell + "\"").contains("cell down");
        assertThat(update)
                .as("the unchanged api checks are not sent again")
                .doesNotContain(Overview.domId(new CheckId("api", "health")));
        assertThat(update).as("the panels changed: the stack is down").contains("id=\"system-panel\"");
        assertThat(live.generation()).isEqualTo(2);
    }

    @Test
    void aViewerThatConnectsLateFirstGetsWhatChangedAfterItsPageWasRendered() {
        allUp();
        LiveUpdates live = new LiveUpdates(this::overview, views);
        live.publish();
        long rendered = live.generation();
        set("api", "health", down("refused"));
        live.publish();
        String catchUp = live.catchUp(rendered);
        assertThat(catchUp)
                .contains(Overview.domId(new CheckId("api", "health")))
                .contains("cell down");
        assertThat(catchUp).doesNotContain(Overview.domId(new CheckId("db", "ping")));
        assertThat(live.catchUp(live.generation())).isEmpty();
    }
}
