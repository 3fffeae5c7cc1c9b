package dev.steward.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    @Test
    void aBasePortGivesApiSearchAndFrontendConsecutivePorts() {
        var options = DemoOptions.defaults().withBasePort(9300);
        assertThat(options.portOf(DemoService.API)).isEqualTo(9300);
        assertThat(options.portOf(DemoService.SEARCH)).isEqualTo(9301);
        assertThat(options.portOf(DemoService.FRONTEND)).isEqualTo(9302);
    }

    @Test
    void noBasePortMeansEphemeralPorts() {
        for (DemoService service : DemoService.values()) {
            assertThat(DemoOptions.defaults().portOf(service)).isZero();
        }
    }

    @Test
    void refusesABasePortWithoutRoomForFourServices() {
        assertThatThrownBy(() -> DemoOptions.defaults().withBasePort(65533))
                .hasMessageContaining("was 65533")
                .hasMessageContaining("1..65532");
        assertThat(DemoOptions.defaults().withBasePort(65532).checkoutPort()).isEqualTo(65535);
        assertThatThrownBy(() -> new DemoOptions(0, Duration.ofMillis(-1))).hasMessageContaining("PT-0.001S");
    }
}
