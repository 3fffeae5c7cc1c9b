package dev.steward.app;

import dev.steward.core.deploy.Deployment;
import dev.steward.core.deploy.DeploymentEvent;
import dev.steward.core.deploy.DeploymentPolicy;
import dev.steward.core.deploy.DeploymentState;
import dev.steward.core.deploy.Measurement;
import dev.steward.core.deploy.StateKind;
import dev.steward.core.deploy.Trigger;
import dev.steward.core.notify.Message;
import dev.steward.core.notify.MessageKind;
import dev.steward.engine.DeploymentListener;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a service's {@code deploy.announce.receivers} of its deployments, after handing every event to {@code next}:
 * the start, each step applied, and each entry into a state people want to hear of (succeeded, rolling back, rolled
 * back, frozen, paused, aborted, failed), with the reason and the measurements behind it. Each announcement is one
 * {@link MessageKind#ANNOUNCEMENT} outbox entry per channel, so it is stored, retried and sent once: its key is the
 * deployment and the event's place on the timeline, the same after a restart.
 */
final class DeploymentAnnouncements implements DeploymentListener {
    /** The states whose entry is announced. */
    static final Set<StateKind> ANNOUNCED = Set.of(
            StateKind.SUCCEEDED,
            StateKind.ROLLING_BACK,
            StateKind.ROLLED_BACK,
            StateKind.FROZEN,
            StateKind.PAUSED,
            StateKind.ABORTED,
            StateKind.FAILED);

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentAnnouncements.class);

    /** Where announcements are stored for delivery: receivers, message, key, time; returns the entries stored. */
    interface Outbox {
        int announce(List<String> receivers, Message message, String key, Instant at);
    }

    private final DeploymentListener next;
    private final Function<String, List<String>> receivers;
    private final Outbox outbox;
    private final Runnable wake;

    /** {@code receivers}: a service's announcement receivers, from the configuration in force. */
    DeploymentAnnouncements(
            DeploymentListener next, Function<String, List<String>> receivers, Outbox outbox, Runnable wake) {
        this.next = next;
        this.receivers = receivers;
        this.outbox = outbox;
        this.wake = wake;
    }

    /** A deployment scheduled for later is announced when it is created, with its start time. */
    @Override
    public void created(Deployment d) {
        next.created(d);
        if (!(d.state() instanceof DeploymentState.Scheduled s) || !s.at().isAfter(d.createdAt())) {
            return;
        }
        List<String> to = receivers.apply(d.service());
        if (to.isEmpty()) {
            return;
        }
        String when = "scheduled to start at " + s.at() + " (in " + DeploymentPolicy.minutesUntil(d.createdAt(), s.at())
                + ")";
        DeploymentEvent e = new DeploymentEvent(
                d.createdAt(),
                d.createdBy(),
                Trigger.START_NEAR,
                StateKind.SCHEDULED,
                StateKind.SCHEDULED,
                when + s.announceAt().map(a -> "; announced again at " + a).orElse(""),
                List.of(),
                false);
        try {
            if (outbox.announce(to, message(d, e, when), "deployment/" + d.id() + "/scheduled", d.createdAt()) > 0) {
                wake.run();
            }
        } catch (RuntimeException ex) {
            LOG.error("deployment {}: announcement of its schedule not stored", d.id(), ex);
        }
    }

    @Override
    public void stored(Deployment d, List<DeploymentEvent> events, String source) {
        next.stored(d, events, source);
        List<String> to = receivers.apply(d.service());
        if (to.isEmpty()) {
            return;
        }
        int first = d.timeline().size() - events.size();
        int stored = 0;
        for (int i = 0; i < events.size(); i++) {
            DeploymentEvent e = events.get(i);
            if (announced(e)) {
                try {
                    stored += outbox.announce(to, message(d, e), "deployment/" + d.id() + "/" + (first + i), e.at());
                } catch (RuntimeException ex) {
                    LOG.error(
                            "deployment {}: announcement of {} not stored",
                            d.id(),
                            e.trigger().label(),
                            ex);
                }
            }
        }
        if (stored > 0) {
            wake.run();
        }
    }

    /** The start being near, the start, each step applied, and each entry into one of the {@link #ANNOUNCED} states. */
    static boolean announced(DeploymentEvent e) {
        return e.trigger() == Trigger.START_NEAR
                || e.trigger() == Trigger.STARTED
                || e.trigger() == Trigger.STEP_APPLIED
                || e.from() != e.to() && ANNOUNCED.contains(e.to());
    }

    /** The message of one event: title says what happened, the detail why, with the measurements. */
    static Message message(Deployment d, DeploymentEvent e) {
        return message(d, e, what(e));
    }

    private static Message message(Deployment d, DeploymentEvent e, String what) {
        String title = "Deployment of " + d.service() + " " + d.version() + " to " + d.environment() + ": " + what;
        return new Message(
                MessageKind.ANNOUNCEMENT,
                "deployment/" + d.id(),
                title,
                "",
                Map.of(
                        "service", d.service(),
                        "environment", d.environment(),
                        "deployment", d.id(),
                        "version", d.version()),
                d.createdAt(),
                e.at(),
                List.of(),
                Optional.empty(),
                Optional.of(detail(d, e)));
    }

    private static String what(DeploymentEvent e) {
        if (e.trigger() == Trigger.START_NEAR) {
            return e.reason();
        }
        if (e.trigger() == Trigger.STARTED) {
            return "started";
        }
        if (e.trigger() == Trigger.STEP_APPLIED) {
            return "step applied";
        }
        return switch (e.to()) {
            case SUCCEEDED -> "promoted";
            case ROLLING_BACK -> "rolling back";
            case ROLLED_BACK -> "rolled back";
            case FROZEN -> "frozen, needs a decision";
            case PAUSED -> e.page() ? "paused, needs attention" : "paused";
            case ABORTED -> "aborted";
            case FAILED -> "failed, needs attention";
            case SCHEDULED, CHECKING, PROGRESSING, ANALYSING, VALIDATING -> e.to().label();
        };
    }

    /** Version, plan size, event, reason and measurements, one per line. */
    static String detail(Deployment d, DeploymentEvent e) {
        StringBuilder b = new StringBuilder();
        b.append("Version ")
                .append(d.version())
                .append(" (stable ")
                .append(d.stableVersion())
                .append("), ")
                .append(d.plan().steps().size())
                .append(" step(s)\n");
        b.append("Event: ")
                .append(e.trigger().label())
                .append(" (")
                .append(e.from().label())
                .append(" -> ")
                .append(e.to().label())
                .append(") by ")
                .append(e.actor())
                .append('\n');
        b.append("Reason: ").append(e.reason());
        if (!e.measurements().isEmpty()) {
            b.append("\nMeasurements: ")
                    .append(e.measurements().stream()
                            .map(DeploymentAnnouncements::measurement)
                            .collect(Collectors.joining("; ")));
        }
        return b.toString();
    }

    private static String measurement(Measurement m) {
        String against = m.against().isEmpty() ? "" : " (" + m.against() + ")";
        return m.name() + " = " + m.value() + against;
    }
}
