package dev.steward.amapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.series.Labels;
import dev.steward.core.silence.InMemorySilenceStore;
import dev.steward.core.silence.SetOutcome;
import dev.steward.core.silence.SilenceLimits;
import dev.steward.core.silence.SilenceMatcher;
import dev.steward.core.silence.SilenceRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SilenceRegistryTest {
    private static final Instant T0 = Instant.parse("2027-03-28T00:59:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final InMemorySilenceStore store = new InMemorySilenceStore();
    private final AtomicInteger n = new AtomicInteger();

    private SilenceRegistry registry() {
        return new SilenceRegistry(store, now::get, SilenceLimits.DEFAULT, () -> "id-" + n.incrementAndGet());
    }

    private static SilenceRequest request(String id, String alertname, Instant end) {
        return new SilenceRequest(
                id, List.of(SilenceMatcher.equal("alertname", alertname)), null, end, "alice", "maintenance");
    }

    @Test
    void everyChangeIsInTheStoreAndAFreshRegistrySeesIt() {
        SilenceRegistry r = registry();
        r.set(request(null, "A", T0.plusSeconds(3600)));
        now.set(T0.plusSeconds(60));
        SetOutcome replaced = r.set(request("id-1", "B", T0.plusSeconds(3600)));

        assertThat(replaced).isInstanceOf(SetOutcome.Created.class);
        assertThat(store.loadAll()).hasSize(2);
        SilenceRegistry reloaded = registry();
        assertThat(reloaded.silenced(Labels.of("alertname", "A"))).isEmpty();
        assertThat(reloaded.silenced(Labels.of("alertname", "B"))).containsExactly("id-2");
    }

    @Test
    void refusedRequestsLeaveTheStoreUntouched() {
        SilenceRegistry r = registry();

        r.set(request(null, "A", T0.minusSeconds(1)));
        r.set(request("missing", "A", T0.plusSeconds(60)));

        assertThat(store.loadAll()).isEmpty();
    }

    @Test
    void longEndedSilencesAreDroppedFromTheStore() {
        SilenceRegistry r = registry();
        r.set(request(null, "A", T0.plusSeconds(60)));
        r.set(request(null, "B", T0.plusSeconds(7200)));
        now.set(T0.plusSeconds(60).plus(Duration.ofHours(120)).plusSeconds(1));

        assertThat(r.dropEndedBefore(Duration.ofHours(120))).isEqualTo(1);
        assertThat(store.loadAll()).extracting(s -> s.id()).containsExactly("id-2");
    }
}
