package dev.steward.stackfile;

import static dev.steward.stackfile.LoaderFixture.loaded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.config.StackConfig;
import dev.steward.core.oncall.Contact;
import dev.steward.core.oncall.ContactKind;
import dev.steward.core.oncall.EscalationPolicy;
import dev.steward.core.oncall.Layer;
import dev.steward.core.oncall.OnCall;
import dev.steward.core.oncall.Restriction;
import dev.steward.core.oncall.Rotation;
import dev.steward.core.oncall.Schedule;
import dev.steward.core.oncall.ScheduleOverride;
import dev.steward.core.oncall.ServiceEscalation;
import dev.steward.core.oncall.Severity;
import dev.steward.core.oncall.Target;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The on-call sections of a valid stack file, and what they load to. */
class StackFileOnCallTest {
    static final String ONCALL = """
            stack: shop
            services:
              api:
                escalation_policy: {critical: api-primary}
                checks: [{name: health, http: {url: "http://127.0.0.1:1/health"}}]
              web:
                escalation_policy: api-primary
            people:
              alice:
                contacts:
                  - slack: "@alice"
                  - email: alice@example.com
              bob:
                contacts: [{pagerduty: "${env:API_HEALTH_TOKEN}"}, {webhook: "https://hooks.example.com/bob"}]
              carol:
                contacts: [{email: carol@example.com}]
            schedules:
              primary:
                time_zone: Europe/Berlin
                layers:
                  - name: weekly
                    members: [alice, bob]
                    rotation: weekly
                    handoff: "09:00"
                    handoff_day: monday
                    start: 2026-01-05
                  - members: [carol]
                    rotation: custom
                    every: 12h
                    handoff: "8:30"
                    start: 2026-01-01
                    time_zone: America/New_York
                    restrictions:
                      - {days: [mon, tue, wed, thu, friday], from: "09:00", to: "17:00"}
                      - {from: "22:00", to: "06:00"}
                overrides:
                  - {person: carol, from: "2026-12-24T18:00", to: "2026-12-27T09:00:00+01:00"}
            escalation_policies:
              primary:
                levels:
                  - targets: [{schedule: primary}]
                    escalate_after: 15m
                  - targets: [{person: carol}, {receiver: ops-slack}]
                repeat: 2
              api-primary:
                levels: [{targets: [{person: alice}], escalate_after: 5m}]
            severities:
              critical: {respond_within: 5m, escalation_policy: primary, default: true}
              warning: {respond_within: 24h, escalation_policy: api-primary}
            """;

    @Test
    void everyOnCallSectionLoadsIntoTheStackConfig() {
        OnCall oncall = loaded(ONCALL).oncall();

        assertThat(oncall.people().get("alice").contacts())
                .containsExactly(
                        Contact.of(ContactKind.SLACK, "@alice"), Contact.of(ContactKind.EMAIL, "alice@example.com"));
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(oncall.schedules().get("primary"))
                .isEqualTo(new Schedule(
                        "primary",
                        berlin,
                        List.of(
                                new Layer(
                                        "weekly",
                                        List.of("alice", "bob"),
                                        new Rotation.Weekly(DayOfWeek.MONDAY),
                                        LocalTime.of(9, 0),
                                        berlin,
                                        LocalDate.of(2026, 1, 5),
                                        List.of()),
                                new Layer(
                                        "layer-2",
                                        List.of("carol"),
                                        new Rotation.Custom(Duration.ofHours(12)),
                                        LocalTime.of(8, 30),
                                        ZoneId.of("America/New_York"),
                                        LocalDate.of(2026, 1, 1),
                                        List.of(
                                                new Restriction(
                                                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                                                        LocalTime.of(9, 0),
                                                        LocalTime.of(17, 0)),
                                                new Restriction(
                                                        Restriction.EVERY_DAY,
                                                        LocalTime.of(22, 0),
                                                        LocalTime.of(6, 0))))),
                        List.of(new ScheduleOverride(
                                "carol",
                                Instant.parse("2026-12-24T17:00:00Z"),
                                Instant.parse("2026-12-27T08:00:00Z")))));
        assertThat(oncall.policies().get("primary"))
                .isEqualTo(new EscalationPolicy(
                        "primary",
                        List.of(
                                new EscalationPolicy.Level(
                                        Duration.ofMinutes(15), List.of(new Target.Schedule("primary"))),
                                new EscalationPolicy.Level(
                                        Duration.ofMinutes(30),
                                        List.of(new Target.Person("carol"), new Target.Receiver("ops-slack")))),
                        2));
        assertThat(oncall.severities().values())
                .containsExactly(
                        new Severity("critical", Duration.ofMinutes(5), "primary"),
                        new Severity("warning", Duration.ofHours(24), "api-primary"));
        assertThat(oncall.defaultSeverity()).contains("critical");
        assertThat(oncall.services())
                .isEqualTo(Map.of(
                        "api",
                        new ServiceEscalation(Optional.empty(), Map.of("critical", "api-primary")),
                        "web",
                        ServiceEscalation.forAll("api-primary")));
        assertThat(oncall.receivers()).isEqualTo(Set.of("ops-slack"));
    }

    @Test
    void aSecretContactAddressIsResolvedForUseAndShownAsWritten() {
        Contact pagerduty =
                loaded(ONCALL).oncall().people().get("bob").contacts().getFirst();

        assertThat(pagerduty.address().reveal()).isEqualTo("tok-4f9a-SECRET");
        assertThat(pagerduty.toString()).isEqualTo("pagerduty ${env:API_HEALTH_TOKEN}");
        assertThat(pagerduty.working()).isTrue();
    }

    @Test
    void aWeeklyRotationWithoutAHandOffDayHandsOffOnTheWeekdayOfItsStart() {
        StackConfig c = loaded("""
                stack: shop
                services: {api: {}}
                people: {alice: {contacts: []}}
                schedules:
                  s: {time_zone: UTC, layers: [{members: [alice], rotation: weekly, start: 2028-02-29}]}
                """);

        Layer layer = c.oncall().schedules().get("s").layers().getFirst();
        assertThat(layer.rotation()).isEqualTo(new Rotation.Weekly(DayOfWeek.TUESDAY));
        assertThat(layer.handoff()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void timesAndDatesMayBeWrittenUnquotedAndOverridesAsLocalTimesWithASpace() {
        StackConfig c = loaded("""
                stack: shop
                services: {api: {}}
                people: {alice: {contacts: [{email: a@example.com}]}}
                schedules:
                  s:
                    time_zone: Europe/Berlin
                    layers:
                      - {members: [alice], rotation: daily, handoff: 9:00, start: 2026-01-05, restrictions: [{from: 09:00, to: 17:30}]}
                    overrides: [{person: alice, from: 2026-12-24T18:00, to: 2026-12-25 09:00}]
                """);

        Schedule s = c.oncall().schedules().get("s");
        assertThat(s.layers().getFirst().restrictions().getFirst().to()).isEqualTo(LocalTime.of(17, 30));
        assertThat(s.overrides().getFirst().to()).isEqualTo(Instant.parse("2026-12-25T08:00:00Z"));
    }

    @Test
    void aFileWithoutOnCallSectionsHasAnEmptyOnCall() {
        StackConfig c = loaded("stack: shop\nservices: {api: {}}\n");

        assertThat(c.oncall()).isEqualTo(OnCall.EMPTY);
    }
}
