package dev.steward.core.silence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.series.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SilencesTest {
    /** 29 February of a leap year, just before midnight: an awkward instant to start a hand-driven clock. */
    private static final Instant T0 = Instant.parse("2028-02-29T23:59:30Z");

    private final Supplier<String> ids = new Supplier<>() {
        private int n;

        @Override
        public String get() {
            return "s" + (++n);
        }
    };

    private static SilenceRequest request(String id, Instant start, Instant end, SilenceMatcher... matchers) {
        return new SilenceRequest(id, List.of(matchers), start, end, "alice", "db migration");
    }

    private SetOutcome.Created create(Silences s, SilenceRequest r, Instant now) {
        return (SetOutcome.Created) s.set(r, now, SilenceLimits.DEFAULT, ids);
    }

    @Test
    void stateIsDerivedFromTimestampsAndNow() {
        Silence s = create(Silences.empty(), request(null, T0.plusSeconds(60), T0.plusSeconds(120), eq()), T0)
                .silence();

        assertThat(s.state(T0)).isEqualTo(SilenceState.PENDING);
        assertThat(s.state(T0.plusSeconds(60))).isEqualTo(SilenceState.ACTIVE);
        assertThat(s.state(T0.plusSeconds(119))).isEqualTo(SilenceState.ACTIVE);
        assertThat(s.state(T0.plusSeconds(120))).isEqualTo(SilenceState.EXPIRED);
    }

    @Test
    void creatingWithAStartInThePastStartsNow() {
        Silence s = create(Silences.empty(), request(null, T0.minusSeconds(600), T0.plusSeconds(60), eq()), T0)
                .silence();

        assertThat(s.id()).isEqualTo("s1");
        assertThat(s.startsAt()).isEqualTo(T0);
        assertThat(s.updatedAt()).isEqualTo(T0);
    }

    @Test
    void silencedListsOnlyActiveSilencesWhoseMatchersAllMatch() {
        Silences s = Silences.empty();
        s = create(s, request(null, null, T0.plusSeconds(3600), eq(), SilenceMatcher.regex("severity", "crit.*")), T0)
                .silences();
        s = create(s, request(null, T0.plusSeconds(600), T0.plusSeconds(3600), eq()), T0)
                .silences();
        s = create(
                        s,
                        request(
                                null,
                                null,
                                T0.plusSeconds(3600),
                                SilenceMatcher.notEqual("env", "prod"),
                                SilenceMatcher.equal("severity", "warning")),
                        T0)
                .silences();

        Labels critical = Labels.of("alertname", "DiskFull", "severity", "critical", "env", "prod");
        Labels devWarning = Labels.of("alertname", "DiskFull", "severity", "warning");

        assertThat(s.silenced(critical, T0)).containsExactly("s1");
        assertThat(s.silenced(devWarning, T0)).containsExactly("s3");
        assertThat(s.silenced(critical, T0.plusSeconds(600))).containsExactly("s1", "s2");
        assertThat(s.silenced(critical, T0.plusSeconds(3600))).isEmpty();
    }

    @Test
    void updatingAnActiveSilenceWithTheSameMatchersKeepsItsId() {
        Silences s = create(Silences.empty(), request(null, null, T0.plusSeconds(60), eq()), T0)
                .silences();
        Instant later = T0.plusSeconds(10);

        SetOutcome out = s.set(request("s1", T0, T0.plusSeconds(7200), eq()), later, SilenceLimits.DEFAULT, ids);

        assertThat(out).isInstanceOf(SetOutcome.Updated.class);
        Silences next = ((SetOutcome.Updated) out).silences();
        assertThat(next.size()).isEqualTo(1);
        assertThat(next.get("s1").orElseThrow().endsAt()).isEqualTo(T0.plusSeconds(7200));
        assertThat(next.get("s1").orElseThrow().updatedAt()).isEqualTo(later);
    }

    @Test
    void changingTheMatchersOfAnActiveSilenceExpiresItAndCreatesANewOne() {
        Silences s = create(Silences.empty(), request(null, null, T0.plusSeconds(3600), eq()), T0)
                .silences();
        Instant later = T0.plusSeconds(10);

        SetOutcome.Created out =
                create(s, request("s1", T0, T0.plusSeconds(3600), eq(), SilenceMatcher.equal("env", "prod")), later);

        assertThat(out.silence().id()).isEqualTo("s2");
        assertThat(out.replaced().orElseThrow().endsAt()).isEqualTo(later);
        assertThat(out.silences().get("s1").orElseThrow().state(later)).isEqualTo(SilenceState.EXPIRED);
        assertThat(out.changed()).extracting(Silence::id).containsExactly("s1", "s2");
    }

    @Test
    void movingTheStartOfAnActiveSilenceCreatesANewOne() {
        Silences s = create(Silences.empty(), request(null, null, T0.plusSeconds(3600), eq()), T0)
                .silences();

        SetOutcome.Created out =
                create(s, request("s1", T0.plusSeconds(5), T0.plusSeconds(3600), eq()), T0.plusSeconds(10));

        assertThat(out.silence().id()).isEqualTo("s2");
        assertThat(out.silence().startsAt()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void aPendingSilenceMayMoveItsStartButNotIntoThePast() {
        Silences s = create(Silences.empty(), request(null, T0.plusSeconds(600), T0.plusSeconds(3600), eq()), T0)
                .silences();

        SetOutcome moved =
                s.set(request("s1", T0.plusSeconds(900), T0.plusSeconds(3600), eq()), T0, SilenceLimits.DEFAULT, ids);
        SetOutcome intoPast =
                s.set(request("s1", T0.minusSeconds(1), T0.plusSeconds(3600), eq()), T0, SilenceLimits.DEFAULT, ids);

        assertThat(moved).isInstanceOf(SetOutcome.Updated.class);
        assertThat(intoPast).isInstanceOf(SetOutcome.Created.class);
        SetOutcome.Created c = (SetOutcome.Created) intoPast;
        assertThat(c.replaced().orElseThrow().startsAt()).isEqualTo(T0);
        assertThat(c.replaced().orElseThrow().endsAt()).isEqualTo(T0);
    }

    @Test
    void updatingAnExpiredSilenceCreatesANewOneAndLeavesTheOldAlone() {
        Silences s = create(Silences.empty(), request(null, null, T0.plusSeconds(60), eq()), T0)
                .silences();
        Instant later = T0.plusSeconds(120);

        SetOutcome.Created out = create(s, request("s1", later, later.plusSeconds(60), eq()), later);

        assertThat(out.replaced()).isEmpty();
        assertThat(out.silences().get("s1").orElseThrow().endsAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(out.silences().size()).isEqualTo(2);
    }

    @Test
    void updatingAnUnknownIdIsNotFound() {
        assertThat(Silences.empty()
                        .set(request("nope", null, T0.plusSeconds(60), eq()), T0, SilenceLimits.DEFAULT, ids))
                .isEqualTo(new SetOutcome.NotFound("nope"));
    }

    @Test
    void expiringAnActiveSilenceEndsItNowAndIsIdempotent() {
        Silences s = create(Silences.empty(), request(null, null, T0.plusSeconds(3600), eq()), T0)
                .silences();
        Instant later = T0.plusSeconds(30);

        ExpireOutcome.Expired first = (ExpireOutcome.Expired) s.expire("s1", later);
        ExpireOutcome.Expired again = (ExpireOutcome.Expired) first.silences().expire("s1", later.plusSeconds(1));

        assertThat(first.changed()).isTrue();
        assertThat(first.silence().endsAt()).isEqualTo(later);
        assertThat(first.silences().silenced(Labels.of("alertname", "DiskFull"), later))
                .isEmpty();
        assertThat(again.changed()).isFalse();
        assertThat(again.silences()).isSameAs(first.silences());
        assertThat(s.expire("other", later)).isEqualTo(new ExpireOutcome.NotFound("other"));
    }

    @Test
    void everyProblemOfARequestIsReportedWithFieldValueAndExpectation() {
        SilenceRequest bad = new SilenceRequest(
                null,
                List.of(new SilenceMatcher("bad-name", "x", false, true), SilenceMatcher.regex("job", "(")),
                T0.plusSeconds(60),
                T0,
                " ",
                null);

        SetOutcome out = Silences.empty().set(bad, T0, SilenceLimits.DEFAULT, ids);

        assertThat(((SetOutcome.Invalid) out).errors())
                .extracting(SilenceError::field)
                .containsExactly("matchers[0].name", "matchers[1].value", "createdBy", "comment", "endsAt");
        assertThat(((SetOutcome.Invalid) out).errors().get(0).message())
                .isEqualTo("matchers[0].name: got \"bad-name\", expected a label name matching [a-zA-Z_][a-zA-Z0-9_]*");
    }

    @Test
    void matchersThatAllMatchTheEmptyStringAreRefused() {
        SetOutcome out = Silences.empty()
                .set(
                        request(null, null, T0.plusSeconds(60), SilenceMatcher.regex("alertname", ".*")),
                        T0,
                        SilenceLimits.DEFAULT,
                        ids);

        assertThat(((SetOutcome.Invalid) out).errors())
                .singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("matchers"));
    }

    @Test
    void aSilenceLongerThanTheMaximumIsRefusedAndTheLimitIsConfigurable() {
        SilenceRequest month = request(null, null, T0.plus(Duration.ofDays(31)), eq());

        SetOutcome byDefault = Silences.empty().set(month, T0, SilenceLimits.DEFAULT, ids);
        SetOutcome longer = Silences.empty().set(month, T0, new SilenceLimits(Duration.ofDays(60)), ids);

        assertThat(((SetOutcome.Invalid) byDefault).errors().getFirst().expected())
                .startsWith("at most PT720H");
        assertThat(longer).isInstanceOf(SetOutcome.Created.class);
    }

    @Test
    void anEndInThePastIsRefused() {
        SetOutcome out = Silences.empty()
                .set(request(null, T0.minusSeconds(120), T0.minusSeconds(60), eq()), T0, SilenceLimits.DEFAULT, ids);

        assertThat(((SetOutcome.Invalid) out).errors())
                .extracting(SilenceError::expected)
                .anySatisfy(e -> assertThat(e).startsWith("an instant not in the past"));
    }

    @Test
    void listingPutsActiveThenPendingThenExpiredSilences() {
        Silences s = Silences.empty();
        s = create(s, request(null, null, T0.plusSeconds(60), eq()), T0).silences(); // s1 expires at +60
        s = create(s, request(null, T0.plusSeconds(500), T0.plusSeconds(900), eq()), T0)
                .silences(); // s2 pending
        s = create(s, request(null, null, T0.plusSeconds(800), eq()), T0).silences(); // s3 active
        s = create(s, request(null, null, T0.plusSeconds(400), eq()), T0).silences(); // s4 active, ends first

        assertThat(s.listing(T0.plusSeconds(100))).extracting(Silence::id).containsExactly("s4", "s3", "s2", "s1");
    }

    @Test
    void longEndedSilencesCanBeDropped() {
        Silences s = create(Silences.empty(), request(null, null, T0.plusSeconds(60), eq()), T0)
                .silences();

        assertThat(s.withoutEndedBefore(T0.plusSeconds(60)).size()).isEqualTo(1);
        assertThat(s.withoutEndedBefore(T0.plusSeconds(61)).size()).isZero();
    }

    @Test
    void remindersAreDueForActiveSilencesEndingWithinTheWindow() {
        Silences s = Silences.empty();
        s = create(s, request(null, null, T0.plusSeconds(3600), eq()), T0).silences(); // s1
        s = create(s, request(null, null, T0.plusSeconds(600), eq()), T0).silences(); // s2
        s = create(s, request(null, T0.plusSeconds(60), T0.plusSeconds(120), eq()), T0)
                .silences(); // s3 pending

        assertThat(s.endingWithin(T0, Duration.ofMinutes(10)))
                .extracting(Silence::id)
                .containsExactly("s2");
        assertThat(s.endingWithin(T0, Duration.ofHours(1)))
                .extracting(Silence::id)
                .containsExactly("s2", "s1");
    }

    @Test
    void silencesThatEndedSinceTheLastLookAreListedButNeverActiveOnesAreNot() {
        Silences s = Silences.empty();
        s = create(s, request(null, null, T0.plusSeconds(60), eq()), T0).silences(); // s1 ends +60
        s = create(s, request(null, T0.plusSeconds(30), T0.plusSeconds(3600), eq()), T0)
                .silences(); // s2 pending
        s = ((ExpireOutcome.Expired) s.expire("s2", T0.plusSeconds(10))).silences();

        assertThat(s.endedBetween(T0, T0.plusSeconds(60)))
                .extracting(Silence::id)
                .containsExactly("s1");
        assertThat(s.endedBetween(T0.plusSeconds(60), T0.plusSeconds(120))).isEmpty();
    }

    private static SilenceMatcher eq() {
        return SilenceMatcher.equal("alertname", "DiskFull");
    }
}
