package dev.steward.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultControllerTest {

    private final FaultController faults = new FaultController();

    @Test
    void refusesAFaultTheServiceDoesNotAccept() {
        assertThatThrownBy(() -> faults.inject(DemoService.FRONTEND, new Fault.ClusterStatus("red")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frontend")
                .hasMessageContaining("status")
                .hasMessageContaining("[down, error, slow]");
        assertThat(faults.active()).isEmpty();
    }

    @Test
    void tellsListenersEveryChangeInOrder() {
        var seen = new ArrayList<String>();
        faults.addListener((service, fault) ->
                seen.add(service.id() + "=" + fault.map(Fault::kind).orElse("none")));
        faults.inject(DemoService.API, new Fault.Down());
        faults.inject(DemoService.API, new Fault.ServerError());
        faults.inject(DemoService.SEARCH, new Fault.ClusterStatus("yellow"));
        faults.clearAll();
        assertThat(seen).containsExactly("api=down", "api=error", "search=status", "api=none", "search=none");
    }

    @Test
    void keepsOneFaultPerService() {
        faults.inject(DemoService.API, new Fault.Slow(Duration.ofMillis(10)));
        faults.inject(DemoService.API, new Fault.Dependency("cache", "Degraded"));
        assertThat(faults.active())
                .containsExactly(Map.entry(DemoService.API, new Fault.Dependency("cache", "Degraded")));
        assertThat(faults.current(DemoService.SEARCH)).isEqualTo(Optional.empty());
    }

    @Test
    void aHeldRequestIsReleasedByTheNextChange() throws Exception {
        faults.inject(DemoService.API, new Fault.Slow(Duration.ofSeconds(30)));
        var holder = Thread.ofVirtual().start(() -> {
            try {
                faults.holdIfSlow(DemoService.API);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        awaitHeld(faults, 1);
        faults.clear(DemoService.API);
        assertThat(holder.join(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void aChangeToAnotherServiceDoesNotReleaseAHeldRequest() throws Exception {
        faults.inject(DemoService.API, new Fault.Slow(Duration.ofSeconds(30)));
        var holder = Thread.ofVirtual().start(() -> {
            try {
                faults.holdIfSlow(DemoService.API);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        awaitHeld(faults, 1);
        faults.inject(DemoService.SEARCH, new Fault.ClusterStatus("red"));
        assertThat(holder.join(Duration.ofMillis(100))).isFalse();
        assertThat(faults.held()).isEqualTo(1);
        faults.inject(DemoService.API, new Fault.ServerError());
        assertThat(holder.join(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void holdsNothingWhenTheServiceIsNotSlow() throws Exception {
        faults.inject(DemoService.API, new Fault.ServerError());
        faults.holdIfSlow(DemoService.API);
        faults.holdIfSlow(DemoService.SEARCH);
        assertThat(faults.held()).isZero();
    }

    /** Waits (bounded) until {@code count} requests are held: a hand-off between threads, not a timer. */
    static void awaitHeld(FaultController faults, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (faults.held() < count) {
            assertThat(System.nanoTime()).as("requests held by slow").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void faultParametersAreValidated() {
        assertThatThrownBy(() -> new Fault.Slow(Duration.ZERO)).hasMessageContaining("was 0 ms");
        assertThatThrownBy(() -> new Fault.ClusterStatus("green")).hasMessageContaining("[yellow, red]");
        assertThatThrownBy(() -> new Fault.Dependency("queue", "Unhealthy"))
                .hasMessageContaining("[database, cache, search]");
        assertThat(new Fault.Dependency("search", "Degraded").parameters()).containsOnlyKeys("entry", "status");
    }
}
