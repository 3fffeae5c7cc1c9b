package dev.steward.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.config.ProbeSpec;
import dev.steward.core.config.ProbeSpec.Tls;
import dev.steward.core.config.Secret;
import dev.steward.core.expect.Observation;
import dev.steward.core.expect.Value;
import dev.steward.core.probe.ProbeObservation;
import dev.steward.core.probe.Prober;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProbeDispatcherTest {

    /** A fake that answers with its own name, so the test sees which prober got the spec. */
    static <S extends ProbeSpec> Prober<S> answering(String name) {
        return (spec, timeout) -> ProbeObservation.answered(
                timeout, Observation.builder().fact("prober", Value.text(name)).build());
    }

    @Test
    void routesEverySpecTypeToItsOwnProber() throws Exception {
        List<String> closed = new ArrayList<>();
        List<ProbeSpec> specs = List.of(
                new ProbeSpec.Http(
                        "GET",
                        URI.create("http://a/"),
                        Map.of(),
                        Optional.empty(),
                        true,
                        Tls.DEFAULT,
                        Optional.empty()),
                new ProbeSpec.Health(URI.create("http://a/health"), Map.of(), Tls.DEFAULT, Optional.empty()),
                new ProbeSpec.Tcp("a", 1, Optional.empty(), Optional.empty(), false),
                new ProbeSpec.Postgres("jdbc:postgresql://a/b", Optional.empty(), Optional.empty(), "select 1"),
                new ProbeSpec.Redis(Secret.plain("redis://a")),
                new ProbeSpec.Elasticsearch(URI.create("http://a:9200"), Map.of(), Optional.empty()),
                new ProbeSpec.Command(List.of("/bin/true"), Map.of(), Optional.of(Path.of("/"))));

        try (ProbeDispatcher dispatcher = new ProbeDispatcher(
                answering("http"),
                answering("health"),
                answering("tcp"),
                answering("postgres"),
                answering("redis"),
                answering("elasticsearch"),
                answering("command"),
                () -> closed.add("shared"))) {
            for (ProbeSpec spec : specs) {
                assertThat(dispatcher
                                .probe(spec, Duration.ofSeconds(1))
                                .observation()
                                .fact("prober"))
                        .contains(Value.text(spec.type()));
            }
        }
        assertThat(closed).containsExactly("shared");
    }

    @Test
    void theRealDispatcherRunsACommand() throws Exception {
        try (ProbeDispatcher dispatcher = ProbeDispatcher.create(InstantSource.system())) {
            ProbeObservation result = dispatcher.probe(
                    new ProbeSpec.Command(List.of("/bin/true"), Map.of(), Optional.empty()), Duration.ofSeconds(1));

            assertThat(result.observation().fact("exit_code")).contains(Value.num(0));
        }
    }
}
