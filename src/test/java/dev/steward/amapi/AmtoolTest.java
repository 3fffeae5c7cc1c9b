package dev.steward.amapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.steward.core.silence.InMemorySilenceStore;
import dev.steward.core.silence.Silence;
import dev.steward.core.silence.SilenceMatcher;
import dev.steward.core.silence.SilenceState;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alertmanager's own client, Debian's {@code amtool}, against Steward's Alertmanager API. amtool computes silence
 * times from its own clock, so this server runs on the system clock.
 */
class AmtoolTest {
    private static final Path AMTOOL = Path.of("/usr/bin/amtool");

    private final InMemorySilenceStore store = new InMemorySilenceStore();
    private Javalin app;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void needsAmtool() {
        assumeTrue(
                Files.isExecutable(AMTOOL),
                "amtool not found at /usr/bin/amtool: install the prometheus-alertmanager package");
    }

    @BeforeEach
    void start() {
        app = AlertmanagerApiTest.serve(
                store, InstantSource.system(), () -> UUID.randomUUID().toString());
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private Run amtool(String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(AMTOOL.toString(), "--alertmanager.url=http://127.0.0.1:" + app.port()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("HOME", Files.createTempDirectory("amtool-home").toString());
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("amtool finished").isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static String ok(Run r) {
        assertThat(r.exit())
                .as("amtool exit; stderr: " + r.err() + " stdout: " + r.out())
                .isZero();
        return r.out();
    }

    @Test
    void silenceAddCreatesAnActiveSilenceOfTheAskedLength() throws Exception {
        Instant before = Instant.now();
        String id = ok(amtool("silence", "add", "alertname=X", "--comment=c", "--author=a", "--duration=1h"))
                .strip();

        Silence s = store.loadAll().getFirst();
        assertThat(s.id()).isEqualTo(id);
        assertThat(s.matchers()).containsExactly(SilenceMatcher.equal("alertname", "X"));
        assertThat(s.createdBy()).isEqualTo("a");
        assertThat(s.comment()).isEqualTo("c");
        assertThat(Duration.between(s.startsAt(), s.endsAt()))
                .isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
        assertThat(s.startsAt()).isAfterOrEqualTo(before.minusSeconds(5));
    }

    @Test
    void silenceQueryListsSilencesAndFiltersByMatcher() throws Exception {
        String x = ok(amtool("silence", "add", "alertname=X", "--comment=c", "--author=a", "--duration=1h"))
                .strip();
        String y = ok(amtool("silence", "add", "alertname=~Y.*", "env!=dev", "--comment=why", "--author=b"))
                .strip();

        String table = ok(amtool("silence", "query"));
        assertThat(table).contains(x, y, "alertname=\"X\"", "alertname=~\"Y.*\"", "env!=\"dev\"", "why");
        assertThat(ok(amtool("silence", "query", "-q", "alertname=X")).strip()).isEqualTo(x);
        assertThat(ok(amtool("silence", "query", "-o", "json"))).contains("\"id\":\"" + x + "\"");
    }

    @Test
    void silenceExpireEndsTheSilence() throws Exception {
        String id = ok(amtool("silence", "add", "alertname=X", "--comment=c", "--author=a", "--duration=1h"))
                .strip();

        ok(amtool("silence", "expire", id));

        Silence s = store.loadAll().getFirst();
        assertThat(s.state(Instant.now().plusMillis(1))).isEqualTo(SilenceState.EXPIRED);
        assertThat(ok(amtool("silence", "query", "-q")).strip()).isEmpty();
        assertThat(ok(amtool("silence", "query", "-q", "--expired")).strip()).isEqualTo(id);
    }

    @Test
    void silenceUpdateOfTheEndKeepsTheId() throws Exception {
        String id = ok(amtool("silence", "add", "alertname=X", "--comment=c", "--author=a", "--duration=1h"))
                .strip();

        String table = ok(amtool("silence", "update", id, "--duration=3h"));

        assertThat(table).contains(id);
        Silence s = store.loadAll().getFirst();
        assertThat(store.loadAll()).hasSize(1);
        assertThat(Duration.between(Instant.now(), s.endsAt()))
                .isBetween(Duration.ofMinutes(170), Duration.ofMinutes(181));
    }

    @Test
    void silenceAddWithoutACommentIsRefused() throws Exception {
        Run r = amtool("silence", "add", "alertname=X", "--author=a", "--duration=1h", "--comment=");

        assertThat(r.exit()).isNotZero();
        assertThat(store.loadAll()).isEmpty();
    }

    @Test
    void alertAddIsListedAndShownSilencedWhileASilenceMatches() throws Exception {
        ok(amtool("alert", "add", "alertname=DiskFull", "instance=db1", "--annotation=summary=disk almost full"));

        String active = ok(amtool("alert", "query"));
        assertThat(active).contains("DiskFull", "disk almost full");

        ok(amtool("silence", "add", "alertname=DiskFull", "--comment=c", "--author=a", "--duration=1h"));
        assertThat(ok(amtool("alert", "query"))).doesNotContain("DiskFull");
        assertThat(ok(amtool("alert", "query", "--silenced"))).contains("DiskFull");
    }

    @Test
    void statusCommandsReadTheConfigAndCluster() throws Exception {
        assertThat(ok(amtool("config", "show"))).contains("route: {receiver: default}");
        assertThat(ok(amtool("cluster", "show"))).containsIgnoringCase("disabled");
    }
}
