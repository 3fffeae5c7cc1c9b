package dev.steward.demo.farm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TargetFarmTest {

    private static HttpResponse<String> get(HttpClient client, java.net.URI url, Duration timeout) throws Exception {
        var request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersTargetsOnEveryListenerAndHoldsHangingOnes() throws Exception {
        try (var farm = TargetFarm.start(2, 0);
                var client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build()) {
            assertThat(farm.baseUrls())
                    .hasSize(2)
                    .allSatisfy(u -> assertThat(u.getHost()).isEqualTo("127.0.0.1"));
            for (var base : farm.baseUrls()) {
                for (int n = 0; n < 5; n++) {
                    var response = get(client, base.resolve("/t/" + n), Duration.ofSeconds(5));
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.body()).isEqualTo("ok\n");
                }
            }
            assertThat(farm.answered()).isEqualTo(10);
            assertThat(get(client, farm.baseUrls().getFirst().resolve("/other"), Duration.ofSeconds(5))
                            .statusCode())
                    .isEqualTo(404);

            var hang = farm.baseUrls().getFirst().resolve("/hang/1");
            assertThatThrownBy(() -> get(client, hang, Duration.ofMillis(200)))
                    .isInstanceOf(HttpTimeoutException.class);
        }
    }

    @Test
    void refusesAPortRangeBeyond65535() {
        assertThatThrownBy(() -> TargetFarm.start(3, 65534)).hasMessageContaining("ports=3, basePort=65534");
    }
}
