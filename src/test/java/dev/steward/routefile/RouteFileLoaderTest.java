package dev.steward.routefile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.route.Route;
import dev.steward.core.series.Labels;
import dev.steward.stackfile.ConfigError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteFileLoaderTest {
    static String resource(String name) {
        try (InputStream in = RouteFileLoaderTest.class.getResourceAsStream("/routefile/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static RouteConfig loaded(String text, String name) {
        RouteFileResult r = RouteFileLoader.read(text, name);
        assertThat(r).as("%s", r).isInstanceOf(RouteFileResult.Loaded.class);
        return ((RouteFileResult.Loaded) r).config();
    }

    static List<String> errors(String text) {
        RouteFileResult r = RouteFileLoader.read(text, "am.yml");
        assertThat(r).as("%s", r).isInstanceOf(RouteFileResult.Invalid.class);
        return ((RouteFileResult.Invalid) r)
                .errors().stream().map(ConfigError::format).toList();
    }

    @Test
    void loadsATypicalTeamConfiguration() {
        RouteConfig c = loaded(resource("team.yml"), "team.yml");
        assertThat(c.receivers())
                .containsOnlyKeys(
                        "team-mail",
                        "audit",
                        "team-frontend",
                        "team-frontend-slack",
                        "frontend-pager",
                        "team-db",
                        "db-pager",
                        "default-pager");
        assertThat(c.receivers()
                        .get("db-pager")
                        .integrations()
                        .get("pagerduty_configs")
                        .getFirst())
                .containsEntry("routing_key", "def456")
                .containsEntry("severity", "critical");
        Route tree = c.tree();
        assertThat(tree.groupBy()).containsExactlyInAnyOrder("alertname", "cluster", "service");
        Route frontend = tree.routes().get(1);
        Route pager = frontend.routes().getFirst();
        assertThat(pager.groupWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(pager.repeatInterval()).isEqualTo(Duration.ofHours(3));
        assertThat(tree.routes().getFirst().groupByAll()).isTrue();
        assertThat(frontend.routes().get(1).muteTimeIntervals()).containsExactly("nights");
        assertThat(c.inhibitRules()).hasSize(2);
        assertThat(c.inhibitRules().get(1).target().toString()).isEqualTo("{alertname=~\"Instance.*\"}");
        assertThat(c.timeIntervals().get("nights").contains(Instant.parse("2024-07-01T21:30:00Z")))
                .isTrue(); // 23:30 in Berlin
        assertThat(c.timeIntervals().get("nights").contains(Instant.parse("2024-07-01T12:00:00Z")))
                .isFalse();
        assertThat(c.global()).containsEntry("resolve_timeout", "5m");
        assertThat(c.templates()).containsExactly("/etc/alertmanager/templates/*.tmpl");
    }

    @Test
    void loadsAnOnCallConfigurationWithActiveAndMuteTimeIntervals() {
        RouteConfig c = loaded(resource("oncall.yml"), "oncall.yml");
        assertThat(c.tree().groupByAll()).isTrue();
        assertThat(c.timeIntervals()).containsOnlyKeys("business-hours", "maintenance");
        var policy = c.groupPolicy();
        Route chat = c.tree().routes().getFirst().routes().getFirst();
        Route pager = c.tree().routes().getFirst().routes().get(1);
        Instant mondayNoonNewYork = Instant.parse("2024-03-11T16:00:00Z");
        Instant sunday3amUtc = Instant.parse("2024-03-10T03:00:00Z");
        assertThat(policy.timeMuted(chat, mondayNoonNewYork)).isFalse();
        assertThat(policy.timeMuted(pager, mondayNoonNewYork)).isTrue();
        assertThat(policy.timeMuted(chat, sunday3amUtc)).isTrue();
        assertThat(policy.timeMuted(pager, sunday3amUtc)).isTrue();
        assertThat(policy.timeMuted(pager, Instant.parse("2024-12-31T12:00:00Z")))
                .isTrue();
        assertThat(policy.timeMuted(pager, Instant.parse("2024-12-30T12:00:00Z")))
                .isFalse();
        assertThat(policy.sendResolved().test("pager")).isTrue();
        assertThat(policy.sendResolved().test("chat-ops")).isTrue();
        assertThat(policy.sendResolved().test("blackhole")).isFalse();
        assertThat(c.tree().match(Labels.of("env", "prod", "severity", "page")))
                .extracting(Route::receiver)
                .containsExactly("chat-ops", "pager");
    }

    @Test
    void reportsEveryErrorAtOnceWithLineAndColumn() {
        String text = """
                route:
                  receiver: nobody
                  matchers: ['a="b"']
                  group_interval: 0s
                  group_wait: soon
                  routes:
                    - matchers: ['severity=="x"']
                      mute_time_intervals: [weekends]
                      group_by: ['...', 'cluster']
                      contnue: true
                    - match_re: {service: '(unclosed'}
                receivers:
                  - name: a
                    opsgenie_configs: [{api_key: k}]
                  - name: a
                inhibit_rules:
                  - source_matchers: ['x!']
                    target_matchers: ['y']
                    equal: ['bad-label']
                time_intervals:
                  - name: broken
                    time_intervals:
                      - weekdays: ['friday:monday']
                        times: [{start_time: '17:00', end_time: '09:00'}]
                        days_of_month: ['0']
                        location: Mars/Olympus
                """;
        assertThat(errors(text))
                .containsExactlyInAnyOrder(
                        "am.yml:3:13: route.matchers: the root route must not have matchers; expected no matchers",
                        "am.yml:2:13: route.receiver: no receiver named \"nobody\"; expected one of a",
                        "am.yml:4:19: route.group_interval: must not be zero 0s; expected a duration > 0",
                        "am.yml:5:15: route.group_wait: invalid duration \"soon\"; expected "
                                + "a Prometheus duration such as 30s, 5m, 1h30m, 0s",
                        "am.yml:10:7: route.routes[0].contnue: unknown field \"contnue\"; expected one of receiver, "
                                + "group_by, continue, matchers, match, match_re, group_wait, group_interval, "
                                + "repeat_interval, mute_time_intervals, active_time_intervals, routes",
                        "am.yml:7:18: route.routes[0].matchers: matcher value contains an unescaped double quote in "
                                + "\"severity==\"x\"\"; expected a matcher such as severity=\"critical\" or "
                                + "service=~\"api|db\"",
                        "am.yml:8:29: route.routes[0].mute_time_intervals: no time interval named \"weekends\"; "
                                + "expected one of broken",
                        "am.yml:9:17: route.routes[0].group_by: ... (all labels) together with other labels "
                                + "[..., cluster]; expected either ... or names",
                        "am.yml:11:27: route.routes[1].match_re.service: invalid regular expression \"(unclosed\": "
                                + "Unclosed group near index 15\n^(?:(unclosed)$; expected a regular expression",
                        "am.yml:14:23: receivers[0].opsgenie_configs: not supported by Steward opsgenie_configs; "
                                + "expected one of webhook_configs, slack_configs, email_configs, pagerduty_configs",
                        "am.yml:15:11: receivers[1].name: receiver name repeated \"a\"; expected each receiver name "
                                + "once",
                        "am.yml:17:23: inhibit_rules[0].source_matchers: bad matcher \"x!\": expected name, one of = "
                                + "!= =~ !~, and a value; expected a matcher such as severity=\"critical\" or "
                                + "service=~\"api|db\"",
                        "am.yml:18:23: inhibit_rules[0].target_matchers: bad matcher \"y\": expected name, one of = "
                                + "!= =~ !~, and a value; expected a matcher such as severity=\"critical\" or "
                                + "service=~\"api|db\"",
                        "am.yml:19:13: inhibit_rules[0].equal: invalid label name \"bad-label\"; expected a label name",
                        "am.yml:23:20: time_intervals[0].time_intervals[0].weekdays[0]: start \"friday\" is after "
                                + "end \"monday\" in \"friday:monday\"",
                        "am.yml:24:17: time_intervals[0].time_intervals[0].times[0]: start time 17:00 is not "
                                + "before end time 09:00",
                        "am.yml:25:25: time_intervals[0].time_intervals[0].days_of_month[0]: day of month out of "
                                + "range in \"0\": expected a day from 1 to 31 or -31 to -1, or a range such as 1:7 "
                                + "or -3:-1",
                        "am.yml:26:19: time_intervals[0].time_intervals[0].location: unknown location "
                                + "\"Mars/Olympus\": expected an IANA time zone such as Europe/Berlin");
    }

    @Test
    void refusesAFileWithoutARouteOrWithABrokenYamlOrEmpty() {
        assertThat(errors("receivers: [{name: a}]\n"))
                .containsExactly("am.yml:1:1: route: missing; expected a route tree with a default receiver");
        assertThat(errors("route: {receiver: a\n")).singleElement().asString().startsWith("am.yml:2:1: invalid YAML");
        assertThat(errors(""))
                .containsExactly("am.yml: the file is empty; expected a mapping with route and receivers");
        assertThat(errors("route: {receiver: a}\nreceivers: [{name: a}]\nextra: 1\n"))
                .singleElement()
                .asString()
                .startsWith("am.yml:3:1: extra: unknown field \"extra\"");
    }

    @Test
    void aMinimalConfigurationTakesAlertmanagersDefaults() {
        RouteConfig c = loaded("route: {receiver: a}\nreceivers: [{name: a}]\n", "am.yml");
        assertThat(List.of(
                        c.tree().groupWait(), c.tree().groupInterval(), c.tree().repeatInterval()))
                .containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(4));
        assertThat(c.tree().groupBy()).isEmpty();
        assertThat(c.receivers().get("a").integrations()).isEqualTo(Map.of());
    }
}
