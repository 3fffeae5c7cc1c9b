package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code steward oncall who} and {@code steward oncall gaps} through the real command line. */
class OnCallCommandTest {
    /** alice and bob by week from Monday 2 November 2026, carol in office hours on top; mia cannot be reached. */
    static final String STACK = """
            stack: shop
            services:
              api:
                escalation_policy: {critical: api-primary}
              db: {}
            people:
              alice: {contacts: [{slack: "@alice"}, {email: alice@example.com}]}
              bob: {contacts: [{pagerduty: "R0UTINGKEY"}]}
              carol: {contacts: [{email: carol@example.com}]}
              mia: {contacts: []}
            schedules:
              primary:
                time_zone: Europe/Berlin
                layers:
                  - {name: base, members: [alice, bob], rotation: weekly, handoff_day: monday, start: 2026-11-02}
                  - {name: office, members: [carol], rotation: daily, start: 2026-11-02, restrictions: [{days: [mon, tue, wed, thu, fri], from: "09:00", to: "17:00"}]}
            escalation_policies:
              primary:
                levels:
                  - {targets: [{schedule: primary}], escalate_after: 15m}
                  - {targets: [{person: carol}, {receiver: ops-slack}], escalate_after: 5m}
                repeat: 1
              api-primary:
                levels:
                  - {targets: [{person: mia}, {schedule: primary}], escalate_after: 10m}
            severities:
              critical: {respond_within: 5m, escalation_policy: primary}
              warning: {respond_within: 24h, escalation_policy: primary, default: true}
            """;

    @TempDir
    Path dir;

    private String write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("stack.yml"), yaml).toString();
    }

    @Test
    void whoAnswersWhoIsPagedForACriticalOnTheApiAtThreeOnSundayMorning() throws Exception {
        String file = write(STACK);

        Cli cli = Cli.run(
                "oncall",
                "who",
                "--config",
                file,
                "--at",
                "2026-11-29T03:00 Europe/Berlin",
                "--service",
                "api",
                "--severity",
                "critical");

        assertThat(cli.exitCode()).as(cli.transcript()).isZero();
        assertThat(cli.out()).isEqualTo("""
                        critical on api at 2026-11-29T02:00:00Z (Sun 2026-11-29 03:00 CET)
                        severity critical; policy api-primary from service api; respond within 5m
                        +0s     2026-11-29T02:00:00Z (Sun 2026-11-29 03:00 CET)  level 1
                                person mia: nobody (mia has no working contact method)
                                schedule primary: bob via pagerduty R0UTINGKEY
                        """);
    }

    @Test
    void whoWithoutSeverityUsesTheDefaultSeverityAndWalksEveryLevelAndRepeat() throws Exception {
        String file = write(STACK);

        Cli cli = Cli.run("oncall", "who", "--config", file, "--at", "2026-11-23T07:50:00Z");

        assertThat(cli.exitCode()).as(cli.transcript()).isZero();
        assertThat(cli.out()).isEqualTo("""
                        warning at 2026-11-23T07:50:00Z
                        no severity label: default severity warning; policy primary from severity warning; respond within 1d
                        +0s     2026-11-23T07:50:00Z  level 1
                                schedule primary: alice via slack @alice, email alice@example.com
                        +15m    2026-11-23T08:05:00Z  level 2
                                person carol: carol via email carol@example.com
                                receiver ops-slack (Alertmanager receiver)
                        +20m    2026-11-23T08:10:00Z  level 1 (repeat 1)
                                schedule primary: carol via email carol@example.com
                        +35m    2026-11-23T08:25:00Z  level 2 (repeat 1)
                                person carol: carol via email carol@example.com
                                receiver ops-slack (Alertmanager receiver)
                        """);
    }

    @Test
    void whoAsJsonListsStepsWithOffsetsAndContacts() throws Exception {
        String file = write(STACK);

        Cli cli = Cli.run(
                "oncall",
                "who",
                "--config",
                file,
                "--at",
                "2026-11-29T03:00:00+01:00",
                "--severity",
                "critical",
                "--format",
                "json");

        assertThat(cli.exitCode()).as(cli.transcript()).isZero();
        JsonNode doc = JsonMapper.builder().build().readTree(cli.out());
        assertThat(doc.get("at").asString()).isEqualTo("2026-11-29T02:00:00Z");
        assertThat(doc.get("escalation_policy").asString()).isEqualTo("primary");
        assertThat(doc.get("steps")).hasSize(4);
        JsonNode first = doc.get("steps").get(0).get("recipients").get(0);
        assertThat(first.get("name").asString()).isEqualTo("bob");
        assertThat(first.get("via").asString()).isEqualTo("schedule primary");
        assertThat(first.get("contacts").get(0).get("kind").asString()).isEqualTo("pagerduty");
        assertThat(doc.get("steps").get(3).get("offset").asString()).isEqualTo("35m");
        assertThat(doc.get("pages_nobody").asBoolean()).isFalse();
    }

    @Test
    void aLocalTimeSkippedBySpringForwardMeansTheInstantTheClocksJump() throws Exception {
        String file = write(STACK);

        Cli cli = Cli.run("oncall", "who", "--config", file, "--at", "2027-03-28T02:30 Europe/Berlin");

        assertThat(cli.exitCode()).as(cli.transcript()).isZero();
        assertThat(cli.out()).startsWith("warning at 2027-03-28T01:00:00Z (Sun 2027-03-28 03:00 CEST)\n");
    }

    @Test
    void whoRefusesAnUnreadableTimeAnUnknownServiceAndAnUnknownSeverity() throws Exception {
        String file = write(STACK);

        Cli time = Cli.run("oncall", "who", "--config", file, "--at", "2026-11-29T03:00");
        Cli service = Cli.run("oncall", "who", "--config", file, "--at", "now", "--service", "apx");
        Cli severity = Cli.run("oncall", "who", "--config", file, "--at", "now", "--severity", "crit");

        assertThat(time.exitCode()).isEqualTo(2);
        assertThat(time.err()).startsWith("--at 2026-11-29T03:00: invalid time; expected now, an RFC 3339 time");
        assertThat(service.exitCode()).isEqualTo(2);
        assertThat(service.err())
                .isEqualTo("--service apx: no such service in " + file + "; expected one of api, db\n");
        assertThat(severity.exitCode()).isEqualTo(2);
        assertThat(severity.err())
                .isEqualTo("--severity crit: no such severity in " + file + "; expected one of critical, warning\n");
    }

    @Test
    void anInvalidConfigExitsTwoWithEveryError() throws Exception {
        String file = write(STACK.replace("{schedule: primary}], escalate_after: 15m", "{schedule: primry}]"));

        Cli who = Cli.run("oncall", "who", "--config", file, "--at", "now");
        Cli gaps = Cli.run("oncall", "gaps", "--config", file);

        assertThat(who.exitCode()).isEqualTo(2);
        assertThat(who.err()).contains("unknown schedule \"primry\"").endsWith("1 error\n");
        assertThat(gaps.exitCode()).isEqualTo(2);
    }

    @Test
    void gapsListsEveryProblemOverTheHorizonAndExitsOne() throws Exception {
        String file = write(STACK);

        Cli cli = Cli.run("oncall", "gaps", "--config", file, "--from", "2026-10-30T00:00Z", "--days", "7");

        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(1);
        assertThat(cli.out()).isEqualTo("""
                        person mia: no working contact method
                        schedule primary: nobody on call 2026-10-30T00:00:00Z (Fri 2026-10-30 01:00 CET) to 2026-11-02T08:00:00Z (Mon 2026-11-02 09:00 CET), 3d8h
                        escalation policy api-primary level 1: pages nobody 2026-10-30T00:00:00Z to 2026-11-02T08:00:00Z, 3d8h
                        escalation policy primary level 1: pages nobody 2026-10-30T00:00:00Z to 2026-11-02T08:00:00Z, 3d8h
                        4 problems over 7 days from 2026-10-30T00:00:00Z
                        receivers named (defined in the Alertmanager configuration, not checked here): ops-slack
                        """);
    }

    @Test
    void gapsOfAFullyCoveredConfigurationExitZero() throws Exception {
        String file = write(STACK.replace("  mia: {contacts: []}\n", "").replace("{person: mia}, ", ""));

        Cli cli = Cli.run("oncall", "gaps", "--config", file, "--from", "2026-12-31T23:00 Europe/Berlin");

        assertThat(cli.exitCode()).as(cli.transcript()).isZero();
        assertThat(cli.out()).startsWith("0 problems over 14 days from 2026-12-31T22:00:00Z\n");
    }

    @Test
    void gapsAsJsonNamesEachProblemsType() throws Exception {
        String file = write(STACK);

        Cli cli = Cli.run(
                "oncall", "gaps", "--config", file, "--from", "2026-10-30T00:00Z", "--days", "7", "--format", "json");

        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(1);
        JsonNode doc = JsonMapper.builder().build().readTree(cli.out());
        assertThat(doc.get("covered").asBoolean()).isFalse();
        assertThat(doc.get("problems").valueStream().map(p -> p.get("type").asString()))
                .containsExactly("unreachable", "schedule_gap", "level_uncovered", "level_uncovered");
        assertThat(doc.get("problems").get(1).get("length").asString()).isEqualTo("3d8h");
        assertThat(doc.get("receivers").get(0).asString()).isEqualTo("ops-slack");
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        String file = write(STACK);

        assertThat(Cli.run("oncall").exitCode()).isEqualTo(2);
        assertThat(Cli.run("oncall", "gaps", "--config", file, "--days", "0").exitCode())
                .isEqualTo(2);
        assertThat(Cli.run("oncall", "gaps", "--config", file, "--from", "soon").exitCode())
                .isEqualTo(2);
        assertThat(Cli.run("oncall", "who", "--config", file, "--format", "yaml")
                        .exitCode())
                .isEqualTo(2);
    }
}
