package dev.steward.stackfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.config.CheckConfig;
import dev.steward.core.config.StackConfig;
import dev.steward.core.rule.AlertingRule;
import dev.steward.core.rule.FireAfter;
import dev.steward.core.rule.RuleGroup;
import dev.steward.core.rule.checkalert.CheckAlerts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stack file's rule keys: inline {@code rule_groups} and a check's {@code alert: false}. */
class StackFileRulesTest {
    static final String STACK = """
            stack: shop
            services:
              api:
                checks:
                  - name: health
                    http: {url: "http://127.0.0.1:5000/health"}
                  - name: detailed
                    http: {url: "http://127.0.0.1:5000/health/detailed"}
                    alert: false
            rule_files: [rules/*.yml]
            """;

    @Test
    void inlineRuleGroupsHaveTheRuleFileShapeAndStewardExtensions() {
        StackConfig config = LoaderFixture.loaded(STACK + """
                rule_groups:
                  - name: api
                    interval: 15s
                    rules:
                      - alert: ApiErrors
                        expr: sum(rate(http_requests_total{code=~"5.."}[5m])) > 1
                        fire_after: 2 of 3
                        annotations:
                          summary: "{{ $value | humanize }} errors/s ${env:NOT_RESOLVED}"
                """);

        assertThat(config.ruleFiles()).containsExactly("rules/*.yml");
        RuleGroup g = config.ruleGroups().getFirst();
        assertThat(g.file()).isEqualTo("/etc/steward/stack.yml");
        assertThat(g.interval()).isEqualTo(Duration.ofSeconds(15));
        AlertingRule rule = (AlertingRule) g.rules().getFirst();
        assertThat(rule.fireAfter()).contains(new FireAfter(2, 3));
        assertThat(rule.annotations().get("summary").source())
                .as("templates are kept as written: no ${env:} resolution in rules")
                .isEqualTo("{{ $value | humanize }} errors/s ${env:NOT_RESOLVED}");
    }

    @Test
    void errorsInInlineRuleGroupsHaveTheirPositionInTheStackFile() {
        ConfigError e = LoaderFixture.onlyError(STACK + """
                rule_groups:
                  - name: api
                    rules:
                      - alert: ApiErrors
                        expr: up == 0
                        for: soon
                """);
        assertThat(e.format())
                .isEqualTo("/etc/steward/stack.yml:16:14: rule_groups[0].rules[0].for: invalid duration \"soon\";"
                        + " expected a Prometheus duration such as 30s, 5m, 1h30m, 0s");
    }

    @Test
    void alertFalseTurnsTheChecksBuiltInAlertOff() {
        StackConfig config = LoaderFixture.loaded(STACK);
        List<CheckConfig> checks = config.allChecks();
        assertThat(checks).extracting(CheckConfig::alert).containsExactly(true, false);
        RuleGroup builtIn = CheckAlerts.group("shop", "stack.yml", checks, Duration.ofSeconds(30));
        assertThat(builtIn.rules())
                .singleElement()
                .satisfies(r -> assertThat(r.expr()).contains("check=\"health\""));
    }

    @Test
    void alertMustBeTrueOrFalse() {
        ConfigError e = LoaderFixture.onlyError(STACK.replace("alert: false", "alert: sometimes"));
        assertThat(e.format())
                .isEqualTo("/etc/steward/stack.yml:9:16: services.api.checks[1].alert: wrong type: \"sometimes\";"
                        + " expected true or false");
    }
}
