package dev.steward.stackfile;

import dev.steward.core.config.Secret;
import dev.steward.core.oncall.Contact;
import dev.steward.core.oncall.ContactKind;
import dev.steward.core.oncall.EscalationPolicy;
import dev.steward.core.oncall.OnCall;
import dev.steward.core.oncall.Person;
import dev.steward.core.oncall.Schedule;
import dev.steward.core.oncall.ServiceEscalation;
import dev.steward.core.oncall.Severity;
import dev.steward.core.oncall.Target;
import dev.steward.stackfile.YamlNode.Entry;
import dev.steward.stackfile.YamlNode.Mapping;
import dev.steward.stackfile.YamlNode.Scalar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the on-call sections of the stack file ({@code people}, {@code schedules}, {@code escalation_policies},
 * {@code severities}) and each service's {@code escalation_policy}, then checks every reference between them.
 * Receivers are defined in the Alertmanager configuration, so they are only collected here.
 */
final class OnCallReader {
    static final List<String> SECTIONS = List.of("people", "schedules", "escalation_policies", "severities");
    static final String SERVICE_KEY = "escalation_policy";
    static final List<String> PERSON_KEYS = List.of("contacts");
    static final List<String> CONTACT_KEYS =
            Arrays.stream(ContactKind.values()).map(ContactKind::label).toList();
    static final List<String> POLICY_KEYS = List.of("levels", "repeat");
    static final List<String> LEVEL_KEYS = List.of("targets", "escalate_after");
    static final List<String> TARGET_KEYS = List.of("person", "schedule", "receiver");
    static final List<String> SEVERITY_KEYS = List.of("respond_within", "escalation_policy", "default");
    static final Duration DEFAULT_ESCALATE_AFTER = Duration.ofMinutes(30);

    private final NodeReader r;
    private final OnCallReferences refs = new OnCallReferences();
    private final Map<String, Person> people = new LinkedHashMap<>();
    private final Map<String, Schedule> schedules = new LinkedHashMap<>();
    private final Map<String, EscalationPolicy> policies = new LinkedHashMap<>();
    private final Map<String, Severity> severities = new LinkedHashMap<>();
    private final Map<String, ServiceEscalation> services = new LinkedHashMap<>();
    private final Set<String> receivers = new LinkedHashSet<>();
    private Optional<String> defaultSeverity = Optional.empty();

    OnCallReader(NodeReader r) {
        this.r = r;
    }

    /** How one named entry of a section is read. */
    private interface EntryReader<T> {
        Optional<T> read(String name, YamlNode node, String path);
    }

    /** Reads whichever on-call sections {@code root} has, checks references, and returns the result. */
    OnCall read(Fields root) {
        OnCallScheduleReader scheduleReader = new OnCallScheduleReader(r, refs);
        root.get("people").ifPresent(n -> entries(n, "people", OnCallReferences.PERSON, this::person, people));
        root.get("schedules")
                .ifPresent(n -> entries(n, "schedules", OnCallReferences.SCHEDULE, scheduleReader::read, schedules));
        root.get("escalation_policies")
                .ifPresent(n -> entries(n, "escalation_policies", OnCallReferences.POLICY, this::policy, policies));
        root.get("severities")
                .ifPresent(n -> entries(n, "severities", OnCallReferences.SEVERITY, this::severity, severities));
        root.get("severities").ifPresent(this::checkDefault);
        refs.check(r.diagnostics);
        return new OnCall(people, schedules, policies, severities, defaultSeverity, services, receivers);
    }

    /** A service's {@code escalation_policy}: one policy name, or a mapping of severity to policy. */
    void service(String service, YamlNode node, String path) {
        if (node instanceof Mapping m) {
            Map<String, String> bySeverity = new LinkedHashMap<>();
            for (Entry e : m.entries()) {
                String p = KeyPath.key(path, e.key().value());
                refs.refer(OnCallReferences.SEVERITY, e.key().value(), e.key(), p);
                policyRef(e.value(), p)
                        .ifPresent(policy -> bySeverity.put(e.key().value(), policy));
            }
            services.put(service, new ServiceEscalation(Optional.empty(), bySeverity));
            return;
        }
        policyRef(node, path).ifPresent(policy -> services.put(service, ServiceEscalation.forAll(policy)));
    }

    private Optional<String> policyRef(YamlNode node, String path) {
        Optional<Scalar> s = r.scalar(node, path, "the name of an escalation policy, or a mapping of severity to one");
        s.ifPresent(v -> refs.refer(OnCallReferences.POLICY, v.value(), v, path));
        return s.map(Scalar::value);
    }

    private <T> void entries(YamlNode node, String section, String kind, EntryReader<T> read, Map<String, T> out) {
        if (!(node instanceof Mapping m)) {
            r.wrongType(node, section, "a mapping of " + kind + " names to their settings");
            return;
        }
        for (Entry e : m.entries()) {
            String path = KeyPath.key(section, e.key().value());
            Optional<String> name = r.name(e.key(), path, kind + " name");
            name.ifPresent(n -> refs.declare(kind, n));
            name.flatMap(n -> read.read(n, e.value(), path)).ifPresent(v -> out.put(name.get(), v));
        }
    }

    private Optional<Person> person(String name, YamlNode node, String path) {
        Optional<Fields> fields = r.fields(node, path, "a mapping with contacts", PERSON_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        String expected = "a list of contact methods such as [{email: alice@example.com}, {slack: \"@alice\"}]";
        Optional<YamlNode> list = r.require(f, "contacts", expected);
        List<YamlNode> items =
                list.flatMap(n -> r.list(n, f.path("contacts"), expected)).orElse(List.of());
        int errorsBefore = r.diagnostics.count();
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String p = KeyPath.index(f.path("contacts"), i);
            Optional<Contact> c = contact(items.get(i), p);
            if (c.isPresent() && contacts.contains(c.get())) {
                r.diagnostics.add(
                        items.get(i), p, "contact listed twice:", c.get().toString(), "each contact once");
            }
            c.ifPresent(contacts::add);
        }
        if (list.isEmpty() || r.diagnostics.count() != errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new Person(name, contacts));
    }

    private Optional<Contact> contact(YamlNode node, String path) {
        String expected = "a mapping with one contact method: " + String.join(", ", CONTACT_KEYS);
        Optional<Fields> fields = r.fields(node, path, expected, CONTACT_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        List<Entry> entries = fields.get().mapping().entries();
        if (entries.size() != 1) {
            r.diagnostics.add(node, path, "wrong number of contact methods:", String.valueOf(entries.size()), expected);
            return Optional.empty();
        }
        Entry e = entries.getFirst();
        Optional<ContactKind> kind = ContactKind.byLabel(e.key().value());
        if (kind.isEmpty()) {
            return Optional.empty(); // reported as an unknown key
        }
        String p = KeyPath.key(path, e.key().value());
        Optional<Secret> address = r.secret(e.value(), p);
        if (address.isPresent() && !kind.get().accepts(address.get().reveal())) {
            r.diagnostics.add(
                    e.value(),
                    p,
                    "invalid " + kind.get().label() + " address",
                    Quote.of(address.get().toString()),
                    kind.get().expected());
            return Optional.empty();
        }
        return address.map(a -> new Contact(kind.get(), a));
    }

    private Optional<EscalationPolicy> policy(String name, YamlNode node, String path) {
        Optional<Fields> fields = r.fields(node, path, "a mapping with levels and optional repeat", POLICY_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        int errorsBefore = r.diagnostics.count();
        int repeat = f.get("repeat")
                .flatMap(n -> r.integer(n, f.path("repeat"), 0, 100, "a number of repeats from 0 to 100"))
                .orElse(0);
        String expected = "a list of levels such as [{targets: [{schedule: primary}], escalate_after: 15m}]";
        Optional<YamlNode> node2 = r.require(f, "levels", expected);
        List<YamlNode> items =
                node2.flatMap(n -> r.list(n, f.path("levels"), expected)).orElse(List.of());
        if (node2.isPresent() && items.isEmpty() && node2.get() instanceof YamlNode.Sequence) {
            r.diagnostics.add(node2.get(), f.path("levels"), "no levels", null, "at least one level");
        }
        List<EscalationPolicy.Level> levels = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            level(items.get(i), KeyPath.index(f.path("levels"), i)).ifPresent(levels::add);
        }
        if (r.diagnostics.count() != errorsBefore || levels.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EscalationPolicy(name, levels, repeat));
    }

    private Optional<EscalationPolicy.Level> level(YamlNode node, String path) {
        Optional<Fields> fields =
                r.fields(node, path, "a mapping with targets and optional escalate_after", LEVEL_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Duration after = f.get("escalate_after")
                .flatMap(n -> r.duration(n, f.path("escalate_after")))
                .orElse(DEFAULT_ESCALATE_AFTER);
        String expected = "a list of targets such as [{schedule: primary}, {person: alice}, {receiver: ops-slack}]";
        Optional<YamlNode> list = r.require(f, "targets", expected);
        List<YamlNode> items =
                list.flatMap(n -> r.list(n, f.path("targets"), expected)).orElse(List.of());
        if (list.isPresent() && items.isEmpty() && list.get() instanceof YamlNode.Sequence) {
            r.diagnostics.add(list.get(), f.path("targets"), "no targets", null, "at least one target");
        }
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            target(items.get(i), KeyPath.index(f.path("targets"), i)).ifPresent(targets::add);
        }
        return targets.isEmpty() ? Optional.empty() : Optional.of(new EscalationPolicy.Level(after, targets));
    }

    private Optional<Target> target(YamlNode node, String path) {
        String expected = "a mapping with one of person, schedule, receiver";
        Optional<Fields> fields = r.fields(node, path, expected, TARGET_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        List<Entry> entries = fields.get().mapping().entries();
        if (entries.size() != 1) {
            r.diagnostics.add(node, path, "wrong number of targets:", String.valueOf(entries.size()), expected);
            return Optional.empty();
        }
        Entry e = entries.getFirst();
        String p = KeyPath.key(path, e.key().value());
        Optional<Scalar> name = r.scalar(e.value(), p, "a name");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String n = name.get().value();
        return switch (e.key().value()) {
            case "person" -> {
                refs.refer(OnCallReferences.PERSON, n, name.get(), p);
                yield Optional.of(new Target.Person(n));
            }
            case "schedule" -> {
                refs.refer(OnCallReferences.SCHEDULE, n, name.get(), p);
                yield Optional.of(new Target.Schedule(n));
            }
            case "receiver" -> {
                receivers.add(n);
                yield Optional.of(new Target.Receiver(n));
            }
            default -> Optional.empty(); // reported as an unknown key
        };
    }

    private Optional<Severity> severity(String name, YamlNode node, String path) {
        Optional<Fields> fields = r.fields(
                node, path, "a mapping with respond_within, escalation_policy and optional default", SEVERITY_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<Duration> within = r.require(f, "respond_within", "a duration such as 5m")
                .flatMap(n -> r.duration(n, f.path("respond_within")));
        Optional<String> policy = r.require(f, "escalation_policy", "the name of an escalation policy")
                .flatMap(n -> policyRef(n, f.path("escalation_policy")));
        boolean isDefault =
                f.get("default").flatMap(n -> r.bool(n, f.path("default"))).orElse(false);
        if (isDefault) {
            if (defaultSeverity.isPresent()) {
                r.diagnostics.add(
                        f.get("default").orElseThrow(),
                        f.path("default"),
                        "second default severity",
                        Quote.of(name),
                        "one default severity (already " + defaultSeverity.get() + ")");
            } else {
                defaultSeverity = Optional.of(name);
            }
        }
        if (within.isEmpty() || policy.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Severity(name, within.get(), policy.get()));
    }

    private void checkDefault(YamlNode node) {
        if (defaultSeverity.isEmpty()
                && node instanceof Mapping m
                && !m.entries().isEmpty()) {
            r.diagnostics.add(
                    node,
                    "severities",
                    "no default severity",
                    null,
                    "one severity with default: true (it applies to alerts without a severity label)");
        }
    }
}
