package dev.steward.core.oncall;

import static dev.steward.core.oncall.RotationTest.BERLIN;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A small organisation: a primary rotation, a secondary person, an unreachable person and a receiver. */
final class OnCallFixture {
    static final Person ALICE = new Person(
            "alice",
            List.of(
                    Contact.of(ContactKind.SLACK, "not a channel"),
                    Contact.of(ContactKind.EMAIL, "alice@example.com"),
                    Contact.of(ContactKind.SLACK, "@alice")));
    static final Person BOB = new Person("bob", List.of(Contact.of(ContactKind.PAGERDUTY, "R0UT1NGKEY")));
    static final Person MIA = new Person("mia", List.of(Contact.of(ContactKind.EMAIL, "mia(at)example.com")));
    static final Person LEAD = new Person("lead", List.of(Contact.of(ContactKind.EMAIL, "lead@example.com")));

    /** alice and bob by day from Monday 2 November 2026 at 09:00 Berlin. */
    static final Schedule PRIMARY = new Schedule(
            "primary",
            BERLIN,
            List.of(new Layer(
                    "base",
                    List.of("alice", "bob"),
                    new Rotation.Daily(),
                    LocalTime.of(9, 0),
                    BERLIN,
                    LocalDate.parse("2026-11-02"),
                    List.of())),
            List.of());

    static final EscalationPolicy PRIMARY_POLICY = new EscalationPolicy(
            "primary",
            List.of(
                    new EscalationPolicy.Level(Duration.ofMinutes(15), List.of(new Target.Schedule("primary"))),
                    new EscalationPolicy.Level(
                            Duration.ofMinutes(5), List.of(new Target.Person("lead"), new Target.Receiver("ops")))),
            1);
    static final EscalationPolicy API_POLICY = new EscalationPolicy(
            "api",
            List.of(new EscalationPolicy.Level(
                    Duration.ofMinutes(10), List.of(new Target.Person("mia"), new Target.Schedule("primary")))),
            0);
    static final EscalationPolicy TICKETS = new EscalationPolicy(
            "tickets",
            List.of(new EscalationPolicy.Level(Duration.ofHours(1), List.of(new Target.Receiver("tickets")))),
            0);

    static final Severity CRITICAL = new Severity("critical", Duration.ofMinutes(5), "primary");
    static final Severity WARNING = new Severity("warning", Duration.ofHours(24), "tickets");

    static OnCall oncall(Map<String, ServiceEscalation> services) {
        return new OnCall(
                Map.of("alice", ALICE, "bob", BOB, "mia", MIA, "lead", LEAD),
                Map.of("primary", PRIMARY),
                Map.of("primary", PRIMARY_POLICY, "api", API_POLICY, "tickets", TICKETS),
                new java.util.LinkedHashMap<>(Map.of("critical", CRITICAL, "warning", WARNING)),
                Optional.of("warning"),
                services,
                Set.of("ops", "tickets"));
    }

    private OnCallFixture() {}
}
