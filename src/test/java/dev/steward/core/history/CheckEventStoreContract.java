package dev.steward.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.config.CheckId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CheckEventStore} must do. Subclasses give a fresh, empty store per test. Ranges are {@code from}
 * inclusive, {@code to} exclusive; lists are newest first.
 */
public abstract class CheckEventStoreContract {
    protected static final CheckId API = new CheckId("api", "health");
    protected static final CheckId DB = new CheckId("db", "ping");
    /** The last second of a year. */
    protected static final Instant T0 = Instant.parse("2026-12-31T23:59:59Z");

    protected abstract CheckEventStore store();

    private static CheckEvent event(CheckId check, Instant at, String from, String to) {
        return new CheckEvent(at, check, from, to, from + " -> " + to);
    }

    @Test
    void listsEventsNewestFirst() {
        CheckEvent down = event(API, T0, "up", "down");
        CheckEvent up = event(API, T0.plusSeconds(30), "down", "up");
        store().append(down);
        store().append(up);

        assertThat(store().list(API, T0.minusSeconds(60), T0.plusSeconds(60), 10))
                .containsExactly(up, down);
    }

    @Test
    void includesFromAndExcludesTo() {
        for (int i = 0; i < 5; i++) {
            store().append(event(API, T0.plusSeconds(i), "s" + i, "s" + (i + 1)));
        }
        assertThat(store().list(API, T0.plusSeconds(1), T0.plusSeconds(3), 10))
                .extracting(CheckEvent::at)
                .containsExactly(T0.plusSeconds(2), T0.plusSeconds(1));
        assertThat(store().list(
                                API,
                                T0.plusSeconds(1).plusNanos(1),
                                T0.plusSeconds(3).plusNanos(1),
                                10))
                .extracting(CheckEvent::at)
                .containsExactly(T0.plusSeconds(3), T0.plusSeconds(2));
    }

    @Test
    void returnsAtMostTheLimitKeepingTheNewest() {
        for (int i = 0; i < 10; i++) {
            store().append(event(API, T0.plusSeconds(i), "a", "b"));
        }
        assertThat(store().list(API, T0, T0.plusSeconds(60), 3))
                .extracting(CheckEvent::at)
                .containsExactly(T0.plusSeconds(9), T0.plusSeconds(8), T0.plusSeconds(7));
        assertThat(store().list(API, T0, T0.plusSeconds(60), 0)).isEmpty();
    }

    @Test
    void ordersEventsOfTheSameMillisecondByAppend() {
        CheckEvent first = event(API, T0, "up", "pending");
        CheckEvent second = event(API, T0, "pending", "down");
        store().append(first);
        store().append(second);

        assertThat(store().list(API, T0, T0.plusMillis(1), 10)).containsExactly(second, first);
        assertThat(store().latest(API)).contains(second);
    }

    @Test
    void latestIsTheMostRecentEventEvenIfAppendedEarlier() {
        CheckEvent later = event(API, T0.plusSeconds(10), "down", "up");
        CheckEvent earlier = event(API, T0, "up", "down");
        store().append(later);
        store().append(earlier);
        store().append(event(DB, T0.plusSeconds(99), "up", "down"));

        assertThat(store().latest(API)).contains(later);
        assertThat(store().latest(new CheckId("api", "unknown"))).isEmpty();
    }

    @Test
    void keepsChecksApart() {
        store().append(event(API, T0, "up", "down"));
        store().append(event(DB, T0, "up", "down"));
        store().append(event(new CheckId("api", "health-detailed"), T0, "up", "down"));

        assertThat(store().list(DB, T0, T0.plusSeconds(1), 10))
                .singleElement()
                .extracting(CheckEvent::check)
                .isEqualTo(DB);
    }

    @Test
    void keepsTimesToTheMillisecondAndReasonsAsWritten() {
        CheckEvent withNanos = new CheckEvent(
                T0.plusNanos(123_456_789), API, "up", "down", "assertion: status == 200 (seen 503) — ünïcode ✓");
        store().append(withNanos);

        CheckEvent read = store().latest(API).orElseThrow();
        assertThat(read.at()).isEqualTo(T0.plusMillis(123));
        assertThat(read).isEqualTo(withNanos);
    }

    @Test
    void deletesEventsBeforeAnInstantForEveryCheck() {
        store().append(event(API, T0, "a", "b"));
        store().append(event(DB, T0.plusSeconds(1), "a", "b"));
        store().append(event(API, T0.plusSeconds(2), "b", "c"));

        assertThat(store().deleteBefore(T0.plusSeconds(2))).isEqualTo(2);
        assertThat(store().list(API, T0.minusSeconds(10), T0.plusSeconds(10), 10))
                .extracting(CheckEvent::toState)
                .isEqualTo(List.of("c"));
        assertThat(store().latest(DB)).isEmpty();
    }
}
