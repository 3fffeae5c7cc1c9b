package dev.steward.core.oncall;

import static dev.steward.core.oncall.OnCallFixture.ALICE;
import static dev.steward.core.oncall.OnCallFixture.oncall;
import static dev.steward.core.oncall.RotationTest.z;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Resolving targets to people and choosing the severity and policy of an alert. */
class OnCallTest {
    static final OnCall ONCALL = oncall(Map.of(
            "api",
            new ServiceEscalation(Optional.of("api"), Map.of("warning", "tickets")),
            "web",
            ServiceEscalation.forAll("api")));

    @Test
    void aScheduleResolvesToWhoeverIsOnCallWithTheirWorkingContactsInOrder() {
        Recipient r = ONCALL.resolve(new Target.Schedule("primary"), z("2026-11-02T08:00:00Z"));

        assertThat(r)
                .isEqualTo(new Recipient.Reached(
                        ALICE,
                        new Target.Schedule("primary"),
                        List.of(ALICE.contacts().get(1), ALICE.contacts().get(2))));
        assertThat(ONCALL.onCall("primary", z("2026-11-03T08:00:00Z")).map(Person::name))
                .contains("bob");
    }

    @Test
    void aScheduleWithNobodyOnCallAndAPersonWithoutWorkingContactsResolveToNobodyWithTheReason() {
        assertThat(ONCALL.resolve(new Target.Schedule("primary"), z("2026-11-01T12:00:00Z")))
                .isEqualTo(new Recipient.Nobody(new Target.Schedule("primary"), "nobody on call in schedule primary"));
        assertThat(ONCALL.resolve(new Target.Person("mia"), z("2026-11-01T12:00:00Z")))
                .isEqualTo(new Recipient.Nobody(new Target.Person("mia"), "mia has no working contact method"));
        assertThat(ONCALL.resolve(new Target.Receiver("ops"), z("2026-11-01T12:00:00Z")))
                .isEqualTo(new Recipient.Receiver("ops", new Target.Receiver("ops")));
    }

    @Test
    void theSeverityLabelPicksTheSeverityAndItsPolicy() {
        EscalationChoice c =
                ONCALL.choose(Optional.empty(), Optional.of("critical")).orElseThrow();

        assertThat(c.severity().name()).isEqualTo("critical");
        assertThat(c.policy().name()).isEqualTo("primary");
        assertThat(c.reason()).isEqualTo("severity critical; policy primary from severity critical");
    }

    @Test
    void aMissingOrUnknownSeverityLabelMeansTheDefaultSeverity() {
        assertThat(ONCALL.choose(Optional.empty(), Optional.empty())
                        .orElseThrow()
                        .reason())
                .isEqualTo("no severity label: default severity warning; policy tickets from severity warning");
        assertThat(ONCALL.choose(Optional.empty(), Optional.of("crit"))
                        .orElseThrow()
                        .reason())
                .isEqualTo("unknown severity crit: default severity warning; policy tickets from severity warning");
    }

    @Test
    void aServicesPolicyForTheSeverityWinsOverItsPolicyForAllWhichWinsOverTheSeveritysOwn() {
        assertThat(ONCALL.choose(Optional.of("api"), Optional.of("warning"))
                        .orElseThrow()
                        .policy()
                        .name())
                .isEqualTo("tickets");
        assertThat(ONCALL.choose(Optional.of("api"), Optional.of("critical"))
                        .orElseThrow()
                        .reason())
                .isEqualTo("severity critical; policy api from service api");
        assertThat(ONCALL.choose(Optional.of("web"), Optional.of("warning"))
                        .orElseThrow()
                        .policy()
                        .name())
                .isEqualTo("api");
        assertThat(ONCALL.choose(Optional.of("db"), Optional.of("critical"))
                        .orElseThrow()
                        .policy()
                        .name())
                .isEqualTo("primary");
    }

    @Test
    void withoutSeveritiesNothingIsChosen() {
        assertThat(OnCall.EMPTY.choose(Optional.of("api"), Optional.of("critical")))
                .isEmpty();
        assertThat(OnCall.EMPTY.isEmpty()).isTrue();
    }
}
