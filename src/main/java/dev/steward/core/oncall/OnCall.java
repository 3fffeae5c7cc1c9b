package dev.steward.core.oncall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the stack file says about who is paged: people, schedules, escalation policies, severities (in file
 * order, most urgent first by convention), the default severity, services' own policies, and the receivers that
 * policies name (defined in the Alertmanager configuration; kept here so they can be checked against it).
 *
 * <p>Choosing a policy for an alert: its {@code severity} label names the severity; a missing label, or a value that
 * is not a configured severity, means the default severity (so a typo in a rule still pages). The policy is then the
 * service's policy for that severity, else the service's policy for all severities, else the severity's own policy.
 */
public record OnCall(
        Map<String, Person> people,
        Map<String, Schedule> schedules,
        Map<String, EscalationPolicy> policies,
        Map<String, Severity> severities,
        Optional<String> defaultSeverity,
        Map<String, ServiceEscalation> services,
        Set<String> receivers) {

    public static final OnCall EMPTY =
            new OnCall(Map.of(), Map.of(), Map.of(), Map.of(), Optional.empty(), Map.of(), Set.of());

    public OnCall {
        people = Map.copyOf(people);
        schedules = Map.copyOf(schedules);
        policies = Map.copyOf(policies);
        severities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(severities));
        services = Map.copyOf(services);
        receivers = Set.copyOf(receivers);
    }

    public boolean isEmpty() {
        return people.isEmpty() && schedules.isEmpty() && policies.isEmpty() && severities.isEmpty();
    }

    /** The person on call in {@code schedule} at {@code at}; empty when nobody is, or the schedule is unknown. */
    public Optional<Person> onCall(String schedule, Instant at) {
        return Optional.ofNullable(schedules.get(schedule))
                .flatMap(s -> s.onCallAt(at))
                .map(this::person);
    }

    /** Whom {@code target} pages at {@code at}. A receiver is always reached: its own configuration decides. */
    public Recipient resolve(Target target, Instant at) {
        return switch (target) {
            case Target.Receiver r -> new Recipient.Receiver(r.name(), target);
            case Target.Person p -> reach(people.get(p.name()), target, "unknown person " + p.name());
            case Target.Schedule s -> {
                Schedule schedule = schedules.get(s.name());
                if (schedule == null) {
                    yield new Recipient.Nobody(target, "unknown schedule " + s.name());
                }
                Optional<String> who = schedule.onCallAt(at);
                yield who.isEmpty()
                        ? new Recipient.Nobody(target, "nobody on call in schedule " + s.name())
                        : reach(people.get(who.get()), target, "unknown person " + who.get());
            }
        };
    }

    /** Every target of {@code level} resolved at {@code at}, in the level's order. */
    public List<Recipient> resolve(EscalationPolicy.Level level, Instant at) {
        List<Recipient> out = new ArrayList<>();
        for (Target t : level.targets()) {
            out.add(resolve(t, at));
        }
        return out;
    }

    /** The severity and policy for an alert of {@code service} (may be empty) with this {@code severity} label. */
    public Optional<EscalationChoice> choose(Optional<String> service, Optional<String> severityLabel) {
        Optional<String> named = severityLabel.filter(severities::containsKey);
        Optional<String> severityName = named.or(() -> defaultSeverity);
        if (severityName.isEmpty() || !severities.containsKey(severityName.get())) {
            return Optional.empty();
        }
        Severity severity = severities.get(severityName.get());
        String why = named.isPresent()
                ? "severity " + severity.name()
                : severityLabel
                        .map(l -> "unknown severity " + l + ": default severity " + severity.name())
                        .orElse("no severity label: default severity " + severity.name());
        Optional<String> own = service.map(s -> services.getOrDefault(s, ServiceEscalation.NONE))
                .flatMap(e -> e.policyFor(severity.name()));
        String policyName = own.orElse(severity.escalationPolicy());
        String source = own.isPresent() ? "service " + service.orElseThrow() : "severity " + severity.name();
        return Optional.ofNullable(policies.get(policyName))
                .map(p -> new EscalationChoice(severity, p, why + "; policy " + p.name() + " from " + source));
    }

    private Person person(String name) {
        return people.getOrDefault(name, new Person(name, List.of()));
    }

    private static Recipient reach(Person person, Target via, String unknown) {
        if (person == null) {
            return new Recipient.Nobody(via, unknown);
        }
        if (!person.reachable()) {
            return new Recipient.Nobody(via, person.name() + " has no working contact method");
        }
        return new Recipient.Reached(person, via, person.workingContacts());
    }
}
