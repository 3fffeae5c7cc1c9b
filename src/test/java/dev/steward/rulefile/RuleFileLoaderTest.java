package dev.steward.rulefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.steward.core.rule.AlertingRule;
import dev.steward.core.rule.ExpressionCheck;
import dev.steward.core.rule.FireAfter;
import dev.steward.core.rule.RecordingRule;
import dev.steward.core.rule.RuleDialect;
import dev.steward.core.rule.RuleGroup;
import dev.steward.core.rule.template.TemplateData;
import dev.steward.stackfile.ConfigError;
import dev.steward.stackfile.RuleFileResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFileLoaderTest {
    static final Path FIXTURES = Path.of("src/test/resources/rules");
    static final RuleFileLoader STEWARD = new RuleFileLoader(RuleDialect.STEWARD, ExpressionCheck.ACCEPT_ALL);
    static final RuleFileLoader PROMETHEUS = new RuleFileLoader(RuleDialect.PROMETHEUS, ExpressionCheck.ACCEPT_ALL);

    static List<RuleGroup> loaded(RuleFileResult r) {
        assertThat(r).as("errors: %s", r).isInstanceOf(RuleFileResult.Loaded.class);
        return ((RuleFileResult.Loaded) r).groups();
    }

    @Test
    void loadsNodeExporterAlertsAndRecordingRulesUnchanged() {
        List<RuleGroup> groups = loaded(PROMETHEUS.load(FIXTURES.resolve("node-exporter.yml")));

        assertThat(groups).extracting(RuleGroup::name).containsExactly("node-exporter", "node-exporter.rules");
        RuleGroup alerts = groups.getFirst();
        assertThat(alerts.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(alerts.file()).endsWith("node-exporter.yml");
        assertThat(alerts.rules()).hasSize(6);
        AlertingRule fs = (AlertingRule) alerts.rules().getFirst();
        assertThat(fs.alert()).isEqualTo("NodeFilesystemAlmostOutOfSpace");
        assertThat(fs.expr()).startsWith("(\n  node_filesystem_avail_bytes{job=\"node\",fstype!=\"\"}");
        assertThat(fs.holdFor()).isEqualTo(Duration.ofMinutes(30));
        TemplateData data = TemplateData.of(Map.of("device", "/dev/sda1", "instance", "web-1"), 7.456);
        assertThat(fs.annotations().get("description").render(data))
                .isEqualTo("Filesystem on /dev/sda1 at web-1 has only 7.46% available space left.");
        AlertingRule cpu = (AlertingRule) alerts.rules().get(1);
        assertThat(cpu.keepFiringFor()).isEqualTo(Duration.ofMinutes(2));
        AlertingRule down = (AlertingRule) alerts.rules().get(5);
        assertThat(down.labels().get("team").render(TemplateData.of(Map.of("job", "node"), 0)))
                .isEqualTo("infra");
        RuleGroup recording = groups.get(1);
        assertThat(recording.interval()).isEqualTo(RuleGroup.DEFAULT_INTERVAL);
        assertThat(recording.rules().getLast())
                .isEqualTo(new RecordingRule(
                        "instance:node_memory_utilisation:ratio",
                        "1 - (node_memory_MemAvailable_bytes{job=\"node\"} / node_memory_MemTotal_bytes{job=\"node\"})",
                        Map.of("source", "node-mixin")));
    }

    @Test
    void loadsBlackboxAlertsWithTheirLimitUnchanged() {
        RuleGroup g = loaded(PROMETHEUS.load(FIXTURES.resolve("blackbox.yml"))).getFirst();
        assertThat(g.limit()).isEqualTo(100);
        assertThat(g.rules()).hasSize(5).allMatch(r -> r instanceof AlertingRule);
        AlertingRule slow = (AlertingRule) g.rules().get(1);
        assertThat(slow.annotations().get("description").render(TemplateData.of(Map.of(), 1.5)))
                .isEqualTo("Blackbox probe took more than 1s to complete: 1.5s");
        AlertingRule cert = (AlertingRule) g.rules().get(3);
        assertThat(cert.annotations().get("description").render(TemplateData.of(Map.of("instance", "shop"), 12.5)))
                .isEqualTo("SSL certificate expires in 12.5 days on shop");
    }

    @Test
    void loadsDatabaseAlertsAndSloRecordingRulesUnchanged() {
        List<RuleGroup> groups = loaded(PROMETHEUS.load(FIXTURES.resolve("databases.yml")));
        assertThat(groups).extracting(RuleGroup::name).containsExactly("postgresql", "redis", "api-slo");
        AlertingRule lag = (AlertingRule) groups.getFirst().rules().get(2);
        TemplateData data = TemplateData.of(Map.of("instance", "db-2:5432"), 420);
        assertThat(lag.annotations().get("summary").render(data)).isEqualTo("Postgresql replication lag on db-2");
        assertThat(lag.annotations().get("description").render(data))
                .isEqualTo("Replica is 7m 0s behind: consider rebuilding it.");
        AlertingRule burn = (AlertingRule) groups.get(2).rules().get(2);
        assertThat(burn.keepFiringFor()).isEqualTo(Duration.ofMinutes(10));
        assertThat(burn.labels().get("severity").render(TemplateData.of(Map.of(), 0.02)))
                .isEqualTo("warning");
        assertThat(burn.annotations().get("summary").render(TemplateData.of(Map.of(), 0.02)))
                .isEqualTo("API error ratio 2%");
        assertThat(((RecordingRule) groups.get(2).rules().get(1)).expr()).contains("\n  /\n");
    }

    @Test
    void loadsStewardExtensionsOnlyInStewardMode() {
        Path file = FIXTURES.resolve("steward-extensions.yml");
        AlertingRule r =
                (AlertingRule) loaded(STEWARD.load(file)).getFirst().rules().getFirst();
        assertThat(r.fireAfter()).contains(new FireAfter(3, 5));
        assertThat(r.resolveWhen()).get().asString().endsWith("< 0.15");
        assertThat(PROMETHEUS.load(file)).isInstanceOf(RuleFileResult.Invalid.class);
    }

    @Test
    void prometheusAcceptsTheFixturesAndRejectsTheExtensionsAsWeDo() throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/promtool")), "install promtool (Debian: prometheus) to compare");
        assertThat(promtool("node-exporter.yml", "blackbox.yml", "databases.yml"))
                .isZero();
        assertThat(promtool("steward-extensions.yml")).isNotZero();
    }

    private static int promtool(String... files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/promtool", "check", "rules"));
        for (String f : files) {
            command.add(FIXTURES.resolve(f).toString());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @Test
    void groupLabelsApplyToEveryRuleAndARulesOwnLabelWins() {
        RuleFileResult r = new dev.steward.stackfile.RuleFileParser(RuleDialect.STEWARD, ExpressionCheck.ACCEPT_ALL)
                .parse("""
                        groups:
                          - name: team
                            query_offset: 1m
                            labels: {team: payments, severity: warning}
                            rules:
                              - record: job:x
                                expr: x
                              - alert: Y
                                expr: y > 1
                                labels: {severity: critical}
                        """, "inline.yml");
        RuleGroup g = loaded(r).getFirst();
        assertThat(g.queryOffset()).isEqualTo(Duration.ofMinutes(1));
        assertThat(((RecordingRule) g.rules().getFirst()).labels())
                .isEqualTo(Map.of("team", "payments", "severity", "warning"));
        Map<String, ?> alertLabels = ((AlertingRule) g.rules().get(1)).labels();
        assertThat(alertLabels.keySet()).containsExactlyInAnyOrder("team", "severity");
        assertThat(((AlertingRule) g.rules().get(1)).labels().get("severity").source())
                .isEqualTo("critical");
    }

    @Test
    void anEmptyFileHasNoGroups(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("empty.yml"), "# nothing yet\n");
        assertThat(loaded(STEWARD.load(dir.resolve("empty.yml")))).isEmpty();
    }

    @Test
    void globsExpandWithinOnePathSegmentInNameOrder(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("rules/sub"));
        Files.writeString(dir.resolve("rules/b.yml"), "groups: [{name: b, rules: []}]\n");
        Files.writeString(dir.resolve("rules/a.yml"), "groups: [{name: a, rules: []}]\n");
        Files.writeString(dir.resolve("rules/notes.txt"), "not a rule file\n");
        Files.writeString(dir.resolve("rules/sub/c.yml"), "groups: [{name: c, rules: []}]\n");

        List<RuleGroup> groups = loaded(STEWARD.loadAll(dir, List.of("rules/*.yml", "rules/*/c.yml", "none/*.yml")));
        assertThat(groups).extracting(RuleGroup::name).containsExactly("a", "b", "c");
        assertThat(groups.getFirst().file())
                .isEqualTo(dir.resolve("rules/a.yml").toString());
    }

    @Test
    void everyErrorOfEveryFileIsReportedAndAMissingPlainPathIsOne(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("one.yml"), "groups: [{name: a, rules: [{alert: X}]}]\n");
        Files.writeString(dir.resolve("two.yml"), "groups: [{name: b, interval: never, rules: []}]\n");

        RuleFileResult r = STEWARD.loadAll(dir, List.of("*.yml", "missing.yml"));
        assertThat(r).isInstanceOf(RuleFileResult.Invalid.class);
        assertThat(((RuleFileResult.Invalid) r).errors())
                .extracting(ConfigError::format)
                .containsExactly(
                        dir.resolve("one.yml") + ":1:28: groups[0].rules[0].expr: missing required key \"expr\";"
                                + " expected a PromQL expression",
                        dir.resolve("two.yml") + ":1:30: groups[0].interval: invalid duration \"never\"; expected a"
                                + " Prometheus duration such as 30s, 5m, 1h30m, 0s",
                        "missing.yml: rule_files: rule file not found \"missing.yml\"; expected an existing rule file");
    }
}
