package dev.steward.stackfile;

import static dev.steward.stackfile.LoaderFixture.errors;
import static dev.steward.stackfile.LoaderFixture.onlyError;
import static dev.steward.stackfile.StackFileErrorTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Errors in the on-call sections: all at once, with position, path, the value seen and what was expected. */
class StackFileOnCallErrorTest {
    static final String BROKEN = """
            stack: shop
            services:
              api:
                escalation_policy: {critcal: nope}
            people:
              alice:
                contacts:
                  - email: alice(at)example.com
                  - sms: "+4912345"
                  - {email: a@example.com, slack: "#ops"}
              bob:
                contact: []
              Bad Name:
                contacts: []
            schedules:
              primary:
                time_zone: Europe/Berlinn
                layers:
                  - members: [alice, bobb]
                    rotation: weekly
                    every: 12h
                    handoff: "25:00"
                    handoff_day: mondy
                    start: 2026-02-30
                    restrictions: [{days: [mon, xyz], from: "09:00", to: "17:00"}]
                  - members: []
                    rotation: hourly
                    start: 2026-01-01
                  - members: [alice]
                    rotation: custom
                    every: 30m
                    start: 2026-01-01
                overrides:
                  - {person: alice, from: "2026-12-24T18:00", to: "2026-12-24T17:00"}
                  - {person: alice, from: "christmas", to: "2026-12-24T17:00"}
            escalation_policies:
              primary:
                levels:
                  - targets: [{schedule: primry}, {persn: alice}, {person: alice, receiver: x}]
                    escalate_after: 15 minutes
                repeats: 1
              empty:
                levels: []
            severities:
              critical: {respond_within: 5m, escalation_policy: primary, default: true}
              warning: {respond_within: 0s, escalation_policy: tickets, default: true}
            """;

    static final String F = "/etc/steward/stack.yml:";

    @Test
    void everyErrorOfEverySectionIsReportedAtOnce() {
        assertThat(errors(BROKEN))
                .extracting(ConfigError::format)
                .containsExactly(
                        F + "4:25: services.api.escalation_policy.critcal: unknown severity \"critcal\"; expected a"
                                + " severity defined under severities: one of critical, warning (did you mean"
                                + " \"critical\"?)",
                        F + "4:34: services.api.escalation_policy.critcal: unknown escalation policy \"nope\";"
                                + " expected an escalation policy defined under escalation_policies: one of primary,"
                                + " empty",
                        F + "8:16: people.alice.contacts[0].email: invalid email address \"alice(at)example.com\";"
                                + " expected an e-mail address such as alice@example.com",
                        F + "9:9: people.alice.contacts[1].sms: unknown key \"sms\"; expected one of email, slack,"
                                + " webhook, pagerduty",
                        F + "10:9: people.alice.contacts[2]: wrong number of contact methods: 2; expected a mapping"
                                + " with one contact method: email, slack, webhook, pagerduty",
                        F + "12:5: people.bob.contact: unknown key \"contact\"; expected one of contacts (did you"
                                + " mean \"contacts\"?)",
                        F + "12:5: people.bob.contacts: missing required key \"contacts\"; expected a list of contact"
                                + " methods such as [{email: alice@example.com}, {slack: \"@alice\"}]",
                        F + "13:3: people[\"Bad Name\"]: invalid person name \"Bad Name\"; expected a name of"
                                + " lower-case letters, digits, '-' and '_' such as api or db-primary",
                        F + "17:16: schedules.primary.time_zone: invalid time zone \"Europe/Berlinn\"; expected an"
                                + " IANA time zone such as Europe/Berlin, America/New_York or UTC",
                        F + "19:26: schedules.primary.layers[0].members[1]: unknown person \"bobb\"; expected a"
                                + " person defined under people: one of alice, bob (did you mean \"bob\"?)",
                        F + "21:9: schedules.primary.layers[0].every: key not used here \"every\"; expected only"
                                + " with rotation: custom",
                        F + "22:18: schedules.primary.layers[0].handoff: invalid time \"25:00\"; expected a time"
                                + " of day as HH:MM such as 09:00",
                        F + "23:22: schedules.primary.layers[0].handoff_day: invalid weekday \"mondy\"; expected a"
                                + " weekday such as monday or mon",
                        F + "24:16: schedules.primary.layers[0].start: invalid date \"2026-02-30\"; expected a date"
                                + " such as 2026-01-05",
                        F + "25:37: schedules.primary.layers[0].restrictions[0].days[1]: invalid weekday \"xyz\";"
                                + " expected a weekday such as monday or mon",
                        F + "26:18: schedules.primary.layers[1].members: no members; expected at least one person",
                        F + "27:19: schedules.primary.layers[1].rotation: unknown rotation \"hourly\"; expected"
                                + " daily, weekly or custom",
                        F + "31:16: schedules.primary.layers[2].every: turn too short 30m; expected a turn length of"
                                + " at least 1h",
                        F + "34:55: schedules.primary.overrides[0].to: override ends before it starts:"
                                + " 2026-12-24T18:00:00Z .. 2026-12-24T17:00:00Z; expected to later than from",
                        F + "35:31: schedules.primary.overrides[1].from: invalid date-time \"christmas\"; expected a"
                                + " date-time such as 2026-12-24T18:00 (in the schedule's time zone),"
                                + " 2026-12-24T18:00+01:00 or 2026-12-24T17:00:00Z",
                        F + "39:30: escalation_policies.primary.levels[0].targets[0].schedule: unknown schedule"
                                + " \"primry\"; expected a schedule defined under schedules: one of primary (did you"
                                + " mean \"primary\"?)",
                        F + "39:40: escalation_policies.primary.levels[0].targets[1].persn: unknown key \"persn\";"
                                + " expected one of person, schedule, receiver (did you mean \"person\"?)",
                        F + "39:55: escalation_policies.primary.levels[0].targets[2]: wrong number of targets: 2;"
                                + " expected a mapping with one of person, schedule, receiver",
                        F + "40:25: escalation_policies.primary.levels[0].escalate_after: invalid duration"
                                + " \"15 minutes\"; expected a duration such as 30s, 5m, 1h30m",
                        F + "41:5: escalation_policies.primary.repeats: unknown key \"repeats\"; expected one of"
                                + " levels, repeat (did you mean \"repeat\"?)",
                        F + "43:13: escalation_policies.empty.levels: no levels; expected at least one level",
                        F + "46:29: severities.warning.respond_within: duration must be greater than zero: 0s;"
                                + " expected a duration such as 30s",
                        F + "46:52: severities.warning.escalation_policy: unknown escalation policy \"tickets\";"
                                + " expected an escalation policy defined under escalation_policies: one of primary,"
                                + " empty",
                        F + "46:70: severities.warning.default: second default severity \"warning\"; expected one"
                                + " default severity (already critical)");
    }

    @Test
    void aSecondPersonWithTheSameNameIsADuplicateKey() {
        ConfigError e = onlyError("""
                stack: shop
                services: {api: {}}
                people:
                  alice: {contacts: [{email: a@example.com}]}
                  alice: {contacts: [{email: b@example.com}]}
                """);

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.message()).isEqualTo("duplicate key");
    }

    @Test
    void severitiesWithoutADefaultAreAnError() {
        String yaml = """
                stack: shop
                services: {api: {}}
                escalation_policies: {p: {levels: [{targets: [{receiver: ops}]}]}}
                severities:
                  critical: {respond_within: 5m, escalation_policy: p}
                """;

        assertError(
                onlyError(yaml),
                5,
                3,
                "severities",
                "no default severity",
                null,
                "one severity with default: true (it applies to alerts without a severity label)");
    }

    @Test
    void aReferenceWhenNothingOfThatKindIsDefinedSaysNoneAre() {
        String yaml = """
                stack: shop
                services: {api: {}}
                escalation_policies: {p: {levels: [{targets: [{person: alice}]}]}}
                """;

        assertError(
                onlyError(yaml),
                3,
                56,
                "escalation_policies.p.levels[0].targets[0].person",
                "unknown person",
                "\"alice\"",
                "a person defined under people (none are)");
    }

    @Test
    void missingRequiredKeysOfALayerAreEachReported() {
        String yaml = """
                stack: shop
                services: {api: {}}
                schedules: {s: {time_zone: UTC, layers: [{name: only}]}}
                """;

        assertThat(errors(yaml))
                .extracting(ConfigError::message)
                .containsExactlyInAnyOrder(
                        "missing required key \"members\"",
                        "missing required key \"start\"",
                        "missing required key \"rotation\"");
    }
}
