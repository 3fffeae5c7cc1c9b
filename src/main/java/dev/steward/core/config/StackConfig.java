package dev.steward.core.config;

import dev.steward.core.deploy.DeploySettings;
import dev.steward.core.maintenance.MaintenanceWindow;
import dev.steward.core.oncall.OnCall;
import dev.steward.core.rule.RuleGroup;
import java.util.List;
import java.util.Map;

/**
 * A loaded, validated stack file. {@code services} keeps the order of the file.
 *
 * @param ruleFiles rule file globs, as written (expanded and loaded by {@code dev.steward.rulefile.RuleFileLoader})
 * @param ruleGroups rule groups written in the stack file itself ({@code rule_groups}), in rule-file shape
 * @param alerting the {@code alerting:} block: routing file, links, incident timings
 * @param oncall people, schedules, escalation policies and severities ({@link OnCall#EMPTY} when none are written)
 * @param maintenance maintenance windows declared in the stack file ({@code maintenance}), read-only through the API
 * @param access the {@code access:} block: stack-file users, whether {@code /metrics} is anonymous
 * @param console the {@code console:} block: the performance panel's queries
 * @param deployments the top-level {@code environments:} and {@code analyses:} of deployments
 * @param statusPage the {@code status_page:} block (defaults built from the stack's name and services when absent)
 */
public record StackConfig(
        String stack,
        Map<String, ServiceConfig> services,
        List<String> ruleFiles,
        List<RuleGroup> ruleGroups,
        AlertingConfig alerting,
        OnCall oncall,
        List<MaintenanceWindow> maintenance,
        AccessConfig access,
        ConsoleConfig console,
        DeploySettings deployments,
        StatusPageConfig statusPage) {

    /** A stack with the default status page: titled after the stack, one component per service. */
    public StackConfig(
            String stack,
            Map<String, ServiceConfig> services,
            List<String> ruleFiles,
            List<RuleGroup> ruleGroups,
            AlertingConfig alerting,
            OnCall oncall,
            List<MaintenanceWindow> maintenance,
            AccessConfig access,
            ConsoleConfig console,
            DeploySettings deployments) {
        this(
                stack,
                services,
                ruleFiles,
                ruleGroups,
                alerting,
                oncall,
                maintenance,
                access,
                console,
                deployments,
                StatusPageConfig.defaultsFor(stack, services.values()));
    }

    /** A stack with the default {@code console} settings and without environments and shared analyses. */
    public StackConfig(
            String stack,
            Map<String, ServiceConfig> services,
            List<String> ruleFiles,
            List<RuleGroup> ruleGroups,
            AlertingConfig alerting,
            OnCall oncall,
            List<MaintenanceWindow> maintenance,
            AccessConfig access) {
        this(
                stack,
                services,
                ruleFiles,
                ruleGroups,
                alerting,
                oncall,
                maintenance,
                access,
                ConsoleConfig.DEFAULTS,
                DeploySettings.NONE);
    }

    /** A stack with the default {@code access} settings. */
    public StackConfig(
            String stack,
            Map<String, ServiceConfig> services,
            List<String> ruleFiles,
            List<RuleGroup> ruleGroups,
            AlertingConfig alerting,
            OnCall oncall,
            List<MaintenanceWindow> maintenance) {
        this(stack, services, ruleFiles, ruleGroups, alerting, oncall, maintenance, AccessConfig.DEFAULTS);
    }

    /** A stack with the default {@code alerting} settings, no on-call sections and no maintenance windows. */
    public StackConfig(
            String stack, Map<String, ServiceConfig> services, List<String> ruleFiles, List<RuleGroup> ruleGroups) {
        this(stack, services, ruleFiles, ruleGroups, AlertingConfig.DEFAULTS, OnCall.EMPTY, List.of());
    }

    /** A stack without on-call sections and maintenance windows. */
    public StackConfig(
            String stack,
            Map<String, ServiceConfig> services,
            List<String> ruleFiles,
            List<RuleGroup> ruleGroups,
            AlertingConfig alerting) {
        this(stack, services, ruleFiles, ruleGroups, alerting, OnCall.EMPTY, List.of());
    }

    /** A stack with the default {@code alerting} settings and no maintenance windows. */
    public StackConfig(
            String stack,
            Map<String, ServiceConfig> services,
            List<String> ruleFiles,
            List<RuleGroup> ruleGroups,
            OnCall oncall) {
        this(stack, services, ruleFiles, ruleGroups, AlertingConfig.DEFAULTS, oncall, List.of());
    }

    /** A stack with the default {@code alerting} settings and no on-call sections. */
    public StackConfig(
            String stack,
            Map<String, ServiceConfig> services,
            List<String> ruleFiles,
            List<RuleGroup> ruleGroups,
            List<MaintenanceWindow> maintenance) {
        this(stack, services, ruleFiles, ruleGroups, AlertingConfig.DEFAULTS, OnCall.EMPTY, maintenance);
    }

    /** A stack without inline rule groups. */
    public StackConfig(String stack, Map<String, ServiceConfig> services, List<String> ruleFiles) {
        this(stack, services, ruleFiles, List.of());
    }

    /** Each service's {@code depends_on}, as the maintenance calendar takes it for propagation to dependants. */
    public Map<String, List<String>> dependsOn() {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        services.forEach((name, s) -> out.put(name, s.dependsOn()));
        return java.util.Collections.unmodifiableMap(out);
    }

    public List<CheckConfig> allChecks() {
        return services.values().stream().flatMap(s -> s.checks().stream()).toList();
    }
}
