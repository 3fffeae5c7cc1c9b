package dev.steward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrafficGeneratorTest {

    @Test
    void closeEndsTheLoopEvenBetweenRounds() {
        var generator = TrafficGenerator.start(URI.create("http://127.0.0.1:9/api/documents"), Duration.ofHours(1));
        assertThat(generator.running()).isTrue();
        generator.close();
        assertThat(generator.running()).isFalse();
    }

    @Test
    void closingTheStackStopsItsTraffic() {
        var demo = DemoStack.start(DemoOptions.defaults());
        var traffic = demo.traffic().orElseThrow();
        assertThat(traffic.running()).isTrue();
        demo.close();
        assertThat(traffic.running()).isFalse();
    }
}
