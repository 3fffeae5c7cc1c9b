package dev.steward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckoutServiceTest {

    private final DemoHttp http = new DemoHttp();
    private DemoStack demo;

    @BeforeEach
    void start() {
        demo = DemoStack.start(DemoOptions.defaults().withoutTraffic());
    }

    @AfterEach
    void stop() {
        demo.close();
        http.close();
    }

    private URI url(String path) {
        return demo.checkoutUrl().resolve(path);
    }

    private int deploy(String body) throws Exception {
        return http.post(url("/deploy"), body).statusCode();
    }

    /** Sends {@code n} requests and counts the answers by {@code version code}. */
    private Map<String, Integer> traffic(int n) throws Exception {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < n; i++) {
            var response = http.get(url("/checkout"));
            String version = DemoHttp.json(response).path("version").asString();
            seen.merge(version + " " + response.statusCode(), 1, Integer::sum);
        }
        return seen;
    }

    @Test
    void aCanaryAtTwentyPercentServesOneRequestInFiveAndABadVersionFailsOneOfItsRequestsInFive() throws Exception {
        assertThat(deploy("{\"action\":\"deploy\",\"version\":\"2.0.0-bad\",\"weight\":20}"))
                .isEqualTo(200);

        Map<String, Integer> seen = traffic(100);

        assertThat(seen)
                .containsOnly(
                        Map.entry("1.0.0 200", 80), Map.entry("2.0.0-bad 200", 16), Map.entry("2.0.0-bad 503", 4));
        assertThat(http.get(url("/metrics")).body())
                .contains(
                        "http_requests_total{handler=\"/checkout\",role=\"canary\",version=\"2.0.0-bad\",code=\"503\"} 4")
                .contains(
                        "http_requests_total{handler=\"/checkout\",role=\"stable\",version=\"1.0.0\",code=\"200\"} 80");
    }

    @Test
    void setWeightPromoteAndRollbackMoveTheSplitAndAnUnknownActionIsRefused() throws Exception {
        deploy("{\"action\":\"deploy\",\"version\":\"1.1.0\",\"weight\":20}");
        deploy("{\"action\":\"set_weight\",\"version\":\"1.1.0\",\"weight\":50}");
        assertThat(traffic(10)).containsOnly(Map.entry("1.0.0 200", 5), Map.entry("1.1.0 200", 5));

        assertThat(deploy("{\"action\":\"promote\",\"version\":\"1.1.0\"}")).isEqualTo(200);
        assertThat(traffic(4)).containsOnly(Map.entry("1.1.0 200", 4));

        deploy("{\"action\":\"deploy\",\"version\":\"1.2.0\",\"weight\":50}");
        assertThat(deploy("{\"action\":\"rollback\",\"version\":\"1.2.0\",\"stable_version\":\"1.1.0\"}"))
                .isEqualTo(200);
        assertThat(deploy("{\"action\":\"cleanup\",\"stable_version\":\"1.1.0\"}"))
                .isEqualTo(200);
        var split = DemoHttp.json(http.get(url("/deploy")));
        assertThat(split.path("stable").asString()).isEqualTo("1.1.0");
        assertThat(split.path("canary").isNull()).isTrue();
        assertThat(split.path("weight").asInt()).isZero();

        var unknown = http.post(url("/deploy"), "{\"action\":\"explode\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("explode").contains("set_weight");
        assertThat(http.post(url("/deploy"), "not json").statusCode()).isEqualTo(400);
    }
}
