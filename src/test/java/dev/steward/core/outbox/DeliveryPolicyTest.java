package dev.steward.core.outbox;

import static dev.steward.core.outbox.OutboxFixtures.T0;
import static dev.steward.core.outbox.OutboxFixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.outbox.DeliveryPolicy.Transition;
import dev.steward.core.outbox.DeliveryState.Abandoned;
import dev.steward.core.outbox.DeliveryState.Delivered;
import dev.steward.core.outbox.DeliveryState.Pending;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {
    private static final AttemptOutcome DOWN = new AttemptOutcome.Failed("status 503", "Service Unavailable", true);
    private static final AttemptOutcome REJECTED = new AttemptOutcome.Failed("status 400", "bad payload", false);

    private final DeliveryPolicy policy = new DeliveryPolicy(OutboxSettings.DEFAULT.withFallback("oncall-email", 3));

    private static OutboxEntry seq(OutboxEntry e, long sequence) {
        return e.withSequence(sequence);
    }

    @Test
    void onlyTheEarliestPendingEntryOfAnIncidentOnAChannelIsDue() {
        OutboxEntry a1 = seq(entry("slack", "inc-a", 1, T0), 1);
        OutboxEntry a2 = seq(entry("slack", "inc-a", 2, T0), 2);
        OutboxEntry b1 = seq(entry("slack", "inc-b", 1, T0), 3);
        OutboxEntry a1onMail = seq(entry("mail", "inc-a", 1, T0), 4);

        assertThat(policy.due(List.of(a2, b1, a1, a1onMail), T0)).containsExactly(a1, b1, a1onMail);
    }

    @Test
    void aLaterEntryWaitsForAnEarlierOneInBackoffAndGoesOnceThatIsFinal() {
        OutboxEntry a1 =
                seq(entry("slack", "inc-a", 1, T0), 1).withState(new Pending(1, T0.plusSeconds(10), Optional.empty()));
        OutboxEntry a2 = seq(entry("slack", "inc-a", 2, T0), 2);

        assertThat(policy.due(List.of(a1, a2), T0.plusSeconds(5))).isEmpty();
        assertThat(policy.nextDue(List.of(a1, a2))).contains(T0.plusSeconds(10));

        OutboxEntry a1Abandoned = a1.withState(new Abandoned("not retryable: status 400", "", 2, T0));
        assertThat(policy.due(List.of(a1Abandoned, a2), T0.plusSeconds(5))).containsExactly(a2);
    }

    @Test
    void successMakesTheEntryDeliveredWithItsAttemptCount() {
        OutboxEntry e = seq(entry("slack", "inc-a", 1, T0), 1).withState(new Pending(2, T0, Optional.empty()));

        Transition t = policy.afterAttempt(e, new AttemptOutcome.Succeeded(), T0.plusSeconds(1), 0.5);

        assertThat(t.entry().state()).isEqualTo(new Delivered(T0.plusSeconds(1), 3));
        assertThat(t.events()).containsExactly(new OutboxEvent.EntryDelivered(t.entry(), T0.plusSeconds(1), 3));
        assertThat(t.fallback()).isEmpty();
    }

    @Test
    void aRetryableFailureWaitsTheJitteredBackoffAndKeepsTheError() {
        OutboxEntry e = seq(entry("slack", "inc-a", 1, T0), 1);
        Instant now = T0.plusSeconds(1);

        Transition first = policy.afterAttempt(e, DOWN, now, 1.0);
        Transition second = policy.afterAttempt(first.entry(), DOWN, now.plusSeconds(1), 0.25);

        DeliveryError error = new DeliveryError("status 503", "Service Unavailable", now);
        assertThat(first.entry().state()).isEqualTo(new Pending(1, now.plusSeconds(1), Optional.of(error)));
        assertThat(first.events())
                .containsExactly(
                        new OutboxEvent.AttemptFailed(first.entry(), error, true, 1, Optional.of(now.plusSeconds(1))));
        assertThat(((Pending) second.entry().state()).nextAttemptAt()).isEqualTo(now.plusMillis(1500));
    }

    @Test
    void aFailureThatCannotBeRetriedAbandonsTheEntryAndQueuesAFallbackCopy() {
        OutboxEntry e = seq(entry("slack", "inc-a", 1, T0), 1);
        Instant now = T0.plusSeconds(1);

        Transition t = policy.afterAttempt(e, REJECTED, now, 0.5);

        assertThat(t.entry().state()).isEqualTo(new Abandoned("not retryable: status 400", "bad payload", 1, now));
        OutboxEntry copy = t.fallback().orElseThrow();
        assertThat(copy.id()).isEqualTo("slack/inc-a/1/fallback");
        assertThat(copy.channel()).isEqualTo("oncall-email");
        assertThat(copy.idempotencyKey()).isEqualTo("slack/inc-a/1/fallback");
        assertThat(copy.orderingKey()).isEqualTo("inc-a");
        assertThat(copy.state()).isEqualTo(Pending.first(now));
        assertThat(copy.message().detail()).contains("Not delivered to slack (status 400). message number 1");
        assertThat(copy.message().alerts()).isEqualTo(e.message().alerts());
        assertThat(t.events())
                .extracting(ev -> ev.getClass().getSimpleName())
                .containsExactly("AttemptFailed", "EntryAbandoned", "FallbackQueued");
    }

    @Test
    void theFallbackCopyIsQueuedOnceOnTheFailureThatReachesFallbackAfter() {
        OutboxEntry e = seq(entry("slack", "inc-a", 1, T0), 1);
        Instant now = T0;
        List<Boolean> copies = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            now = now.plusSeconds(60);
            Transition t = policy.afterAttempt(e, DOWN, now, 0.5);
            copies.add(t.fallback().isPresent());
            e = t.entry();
        }
        Transition abandoned = policy.afterAttempt(e, REJECTED, now, 0.5);

        assertThat(copies).containsExactly(false, false, true, false, false, false);
        assertThat(abandoned.fallback()).isEmpty();
    }

    @Test
    void entriesOfTheFallbackChannelNeverQueueAnotherCopy() {
        OutboxEntry e = seq(entry("oncall-email", "inc-a", 1, T0), 1);

        assertThat(policy.afterAttempt(e, REJECTED, T0, 0.5).fallback()).isEmpty();
    }

    @Test
    void withoutAFallbackChannelNothingIsCopied() {
        DeliveryPolicy plain = new DeliveryPolicy(OutboxSettings.DEFAULT);

        assertThat(plain.afterAttempt(seq(entry("slack", "inc-a", 1, T0), 1), REJECTED, T0, 0.5)
                        .fallback())
                .isEmpty();
    }

    @Test
    void givesUpAfterMaxAttempts() {
        DeliveryPolicy three = new DeliveryPolicy(OutboxSettings.DEFAULT.withLimits(3, Duration.ofHours(24)));
        OutboxEntry e = seq(entry("slack", "inc-a", 1, T0), 1);
        for (int i = 0; i < 3; i++) {
            e = three.afterAttempt(e, DOWN, T0.plusSeconds(i), 0.5).entry();
        }

        assertThat(e.state())
                .isEqualTo(new Abandoned(
                        "gave up after 3 attempts: status 503", "Service Unavailable", 3, T0.plusSeconds(2)));
    }

    @Test
    void theLastRetryHappensAtMaxAgeAndAFailureThenAbandons() {
        DeliveryPolicy hour = new DeliveryPolicy(OutboxSettings.DEFAULT.withLimits(1000, Duration.ofHours(1)));
        OutboxEntry e = seq(entry("slack", "inc-a", 1, T0), 1);
        Instant deadline = T0.plus(Duration.ofHours(1));

        OutboxEntry nearEnd =
                hour.afterAttempt(e, DOWN, deadline.minusSeconds(10), 1.0).entry();
        assertThat(((Pending) nearEnd.state()).nextAttemptAt()).isEqualTo(deadline.minusSeconds(9));
        OutboxEntry late = hour.afterAttempt(
                        e.withState(new Pending(12, T0, Optional.empty())), DOWN, deadline.minusSeconds(10), 1.0)
                .entry();
        assertThat(((Pending) late.state()).nextAttemptAt()).isEqualTo(deadline);

        OutboxEntry gone = hour.afterAttempt(late, DOWN, deadline, 1.0).entry();
        assertThat(gone.state()).isInstanceOf(Abandoned.class);
        assertThat(((Abandoned) gone.state()).reason()).isEqualTo("gave up after PT1H (14 attempts): status 503");
    }

    @Test
    void aFinalEntryCannotBeAttempted() {
        OutboxEntry e = seq(entry("slack", "inc-a", 1, T0), 1).withState(new Delivered(T0, 1));

        assertThatThrownBy(() -> policy.afterAttempt(e, DOWN, T0, 0.5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outbox entry slack/inc-a/1 is already final");
    }
}
