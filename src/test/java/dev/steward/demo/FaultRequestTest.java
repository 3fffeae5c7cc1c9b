package dev.steward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultRequestTest {

    private static FaultRequest.Valid valid(String body) {
        var outcome = FaultRequest.parse(body);
        assertThat(outcome).isInstanceOf(FaultRequest.Valid.class);
        return (FaultRequest.Valid) outcome;
    }

    private static List<FaultRequest.FieldError> errors(String body) {
        var outcome = FaultRequest.parse(body);
        assertThat(outcome).isInstanceOf(FaultRequest.Invalid.class);
        return ((FaultRequest.Invalid) outcome).errors();
    }

    @Test
    void parsesEveryFaultKind() {
        assertThat(valid("{\"service\":\"api\",\"fault\":\"down\"}").fault()).contains(new Fault.Down());
        assertThat(valid("{\"service\":\"frontend\",\"fault\":\"error\"}").fault())
                .contains(new Fault.ServerError());
        assertThat(valid("{\"service\":\"api\",\"fault\":\"slow\",\"latency_ms\":3000}")
                        .fault())
                .contains(new Fault.Slow(Duration.ofSeconds(3)));
        assertThat(valid("{\"service\":\"search\",\"fault\":\"status\",\"status\":\"red\"}")
                        .fault())
                .contains(new Fault.ClusterStatus("red"));
        assertThat(valid("{\"service\":\"api\",\"fault\":\"dependency\",\"entry\":\"database\"}")
                        .fault())
                .contains(new Fault.Dependency("database", "Unhealthy"));
        var clear = valid("{\"service\":\"search\",\"fault\":\"clear\"}");
        assertThat(clear.service()).isEqualTo(DemoService.SEARCH);
        assertThat(clear.fault()).isEqualTo(Optional.empty());
    }

    @Test
    void rejectsAnUnknownServiceListingTheServices() {
        var errors = errors("{\"service\":\"db\",\"fault\":\"down\"}");
        assertThat(errors)
                .containsExactly(new FaultRequest.FieldError(
                        "service", "\"db\"", "a demo service", List.of("api", "search", "frontend")));
    }

    @Test
    void rejectsAFaultTheServiceDoesNotAcceptListingThoseItDoes() {
        var errors = errors("{\"service\":\"frontend\",\"fault\":\"status\",\"status\":\"red\"}");
        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst().field()).isEqualTo("fault");
        assertThat(errors.getFirst().value()).isEqualTo("\"status\"");
        assertThat(errors.getFirst().allowed()).containsExactly("down", "error", "slow", "clear");
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        var errors = errors("{\"service\":\"api\",\"fault\":\"slow\",\"latency_ms\":\"fast\",\"colour\":\"red\"}");
        assertThat(errors).extracting(FaultRequest.FieldError::field).containsExactly("colour", "latency_ms");
        assertThat(errors.get(1).value()).isEqualTo("\"fast\"");
        assertThat(errors.get(1).expected()).contains("1 to 60000");
        assertThat(errors.get(0).allowed()).containsExactly("service", "fault", "latency_ms");
    }

    @Test
    void describesEachErrorWithFieldExpectationAllowedValuesAndValueSeen() {
        var errors = errors("{\"service\":\"search\",\"fault\":\"status\",\"status\":\"purple\"}");
        assertThat(FaultRequest.describe(errors))
                .isEqualTo("status: expected a cluster status [yellow, red], was \"purple\"");
    }

    @Test
    void rejectsMissingOrOutOfRangeLatency() {
        assertThat(errors("{\"service\":\"api\",\"fault\":\"slow\"}").getFirst().value())
                .isNull();
        assertThat(errors("{\"service\":\"api\",\"fault\":\"slow\",\"latency_ms\":0}")
                        .getFirst()
                        .value())
                .isEqualTo("0");
        assertThat(errors("{\"service\":\"api\",\"fault\":\"slow\",\"latency_ms\":60001}")
                        .getFirst()
                        .field())
                .isEqualTo("latency_ms");
        assertThat(errors("{\"service\":\"api\",\"fault\":\"slow\",\"latency_ms\":2.5}")
                        .getFirst()
                        .field())
                .isEqualTo("latency_ms");
    }

    @Test
    void rejectsAClusterStatusOtherThanYellowOrRed() {
        var error = errors("{\"service\":\"search\",\"fault\":\"status\",\"status\":\"purple\"}")
                .getFirst();
        assertThat(error.field()).isEqualTo("status");
        assertThat(error.allowed()).containsExactly("yellow", "red");
    }

    @Test
    void rejectsAnUnknownDependencyEntryOrStatus() {
        var errors = errors("{\"service\":\"api\",\"fault\":\"dependency\",\"entry\":\"queue\",\"status\":\"Sick\"}");
        assertThat(errors).extracting(FaultRequest.FieldError::field).containsExactly("entry", "status");
        assertThat(errors.get(0).allowed()).containsExactly("database", "cache", "search");
        assertThat(errors.get(1).allowed()).containsExactly("Unhealthy", "Degraded");
    }

    @Test
    void rejectsABodyThatIsNotAJsonObject() {
        assertThat(errors("service=api").getFirst().field()).isEqualTo("$");
        assertThat(errors("[1,2]").getFirst().value()).isEqualTo("[1,2]");
        assertThat(errors("").getFirst().field()).isEqualTo("$");
    }
}
