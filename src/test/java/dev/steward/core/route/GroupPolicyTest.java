package dev.steward.core.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.series.Labels;
import dev.steward.core.silence.Silence;
import dev.steward.core.silence.SilenceMatcher;
import dev.steward.core.silence.SilenceState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Timelines driven by a hand-held clock: alerts arrive, the policy is asked what is due. */
class GroupPolicyTest {
    // Half an hour before Berlin's clocks go forward; routing itself works in instants, so nothing may shift.
    private static final Instant T0 = Instant.parse("2024-03-31T00:30:00Z");
    private static final Labels A = Labels.of("alertname", "Down", "instance", "a");
    private static final Labels B = Labels.of("alertname", "Down", "instance", "b");
    private static final Labels OTHER = Labels.of("alertname", "Slow", "instance", "a");

    private final Route tree = Route.tree(RouteSpec.of("team", List.of(), List.of())
            .withGroupBy(List.of("alertname"))
            .withTimings(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(4)));

    private Aggregation state = Aggregation.empty(tree);
    private GroupPolicy policy = new GroupPolicy(Map.of(), List.of(), receiver -> true);

    private static Silence silence(String id, List<SilenceMatcher> matchers, Instant startsAt, Instant endsAt) {
        return new Silence(id, matchers, startsAt, endsAt, "ops", "maintenance", startsAt);
    }

    private static Instant t(String offset) {
        return T0.plus(Duration.parse("PT" + offset));
    }

    private void arrive(Labels labels, Instant startsAt, Instant now) {
        state = state.receive(Alert.firing(labels, startsAt), now);
    }

    private void resolve(Labels labels, Instant at) {
        state = state.receive(Alert.firing(labels, T0).resolvedAt(at), at);
    }

    private List<Notification> tick(Instant now) {
        GroupPolicy.Step step = policy.next(state, now);
        state = step.state();
        return step.notifications();
    }

    private static List<Labels> labels(List<Alert> alerts) {
        return alerts.stream().map(Alert::labels).toList();
    }

    @Test
    void notifiesFirstAfterGroupWaitWithEveryAlertThatArrivedMeanwhile() {
        arrive(A, T0, T0);
        arrive(B, t("10S"), t("10S"));
        assertThat(state.nextDue()).contains(t("30S"));
        assertThat(tick(t("29S"))).isEmpty();
        List<Notification> n = tick(t("30S"));
        assertThat(n).singleElement().satisfies(x -> {
            assertThat(x.receiver()).isEqualTo("team");
            assertThat(x.groupLabels()).isEqualTo(Labels.of("alertname", "Down"));
            assertThat(labels(x.firing())).containsExactly(A, B);
            assertThat(x.at()).isEqualTo(t("30S"));
        });
        assertThat(state.nextDue()).contains(t("5M30S"));
    }

    @Test
    void aNewAlertInANotifiedGroupWaitsForTheGroupIntervalNotTheGroupWait() {
        arrive(A, T0, T0);
        tick(t("30S"));
        arrive(B, t("1M"), t("1M"));
        assertThat(tick(t("1M30S"))).isEmpty();
        assertThat(tick(t("5M29S"))).isEmpty();
        assertThat(tick(t("5M30S")))
                .singleElement()
                .satisfies(x -> assertThat(labels(x.firing())).containsExactly(A, B));
    }

    @Test
    void anUnchangedGroupIsRepeatedOnlyOnceTheRepeatIntervalHasPassed() {
        arrive(A, T0, T0);
        tick(t("30S"));
        for (int i = 1; i < 48; i++) {
            assertThat(tick(t("30S").plus(Duration.ofMinutes(5L * i))))
                    .as("flush %d", i)
                    .isEmpty();
        }
        assertThat(tick(t("4H30S")))
                .singleElement()
                .satisfies(x -> assertThat(labels(x.firing())).containsExactly(A));
    }

    @Test
    void anAlertThatStartedLongerAgoThanGroupWaitIsNotifiedAtOnce() {
        arrive(A, T0.minus(Duration.ofMinutes(10)), T0);
        assertThat(state.nextDue()).contains(T0);
        assertThat(tick(T0)).hasSize(1);
    }

    @Test
    void aResolvedAlertIsNotifiedOnceAlongsideTheStillFiringOnes() {
        arrive(A, T0, T0);
        arrive(B, T0, T0);
        tick(t("30S"));
        resolve(A, t("2M"));
        assertThat(tick(t("5M30S"))).singleElement().satisfies(x -> {
            assertThat(labels(x.firing())).containsExactly(B);
            assertThat(labels(x.resolved())).containsExactly(A);
        });
        assertThat(state.groups().values().iterator().next().alerts()).containsOnlyKeys(B);
        assertThat(tick(t("10M30S"))).isEmpty();
    }

    @Test
    void aReceiverWithoutSendResolvedIsNotToldAboutPartialResolutions() {
        policy = new GroupPolicy(Map.of(), List.of(), receiver -> false);
        arrive(A, T0, T0);
        arrive(B, T0, T0);
        tick(t("30S"));
        resolve(A, t("2M"));
        assertThat(tick(t("5M30S"))).isEmpty();
        resolve(B, t("6M"));
        assertThat(tick(t("10M30S"))).isEmpty();
        assertThat(state.groups()).isEmpty();
    }

    @Test
    void whenEverythingResolvesTheReceiverIsToldAndTheGroupIsRemoved() {
        arrive(A, T0, T0);
        tick(t("30S"));
        resolve(A, t("1M"));
        assertThat(tick(t("5M30S"))).singleElement().satisfies(x -> {
            assertThat(x.firing()).isEmpty();
            assertThat(labels(x.resolved())).containsExactly(A);
        });
        assertThat(state.groups()).isEmpty();
        assertThat(state.nextDue()).isEmpty();
    }

    @Test
    void alertsThatFiredAndResolvedBeforeTheFirstNotificationAreNeverSent() {
        arrive(A, T0, T0);
        resolve(A, t("10S"));
        assertThat(tick(t("30S"))).isEmpty();
        assertThat(state.groups()).isEmpty();
    }

    @Test
    void anAlertEndingInTheFutureIsStillFiring() {
        state = state.receive(Alert.firing(A, T0).resolvedAt(t("10M")), T0);
        assertThat(tick(t("30S")))
                .singleElement()
                .satisfies(x -> assertThat(x.firing()).hasSize(1));
        assertThat(tick(t("10M30S")))
                .singleElement()
                .satisfies(x -> assertThat(x.resolved()).hasSize(1));
    }

    @Test
    void alertsWithDifferentGroupLabelsGoToSeparateGroups() {
        arrive(A, T0, T0);
        arrive(OTHER, T0, T0);
        List<Notification> n = tick(t("30S"));
        assertThat(n)
                .extracting(Notification::groupLabels)
                .containsExactlyInAnyOrder(Labels.of("alertname", "Down"), Labels.of("alertname", "Slow"));
    }

    @Test
    void anAlertMatchingTwoRoutesThroughContinueNotifiesBothReceivers() {
        Route t = Route.tree(RouteSpec.of(
                "default",
                List.of(),
                List.of(
                        RouteSpec.of("audit", List.of(), List.of()).withContinue(true),
                        RouteSpec.of("pager", MatcherTest.parse("alertname=Down"), List.of())
                                .withTimings(Duration.ZERO, null, null))));
        state = Aggregation.empty(t);
        arrive(A, T0, T0);
        assertThat(tick(T0)).extracting(Notification::receiver).containsExactly("pager");
        assertThat(tick(t("30S"))).extracting(Notification::receiver).containsExactly("audit");
    }

    @Test
    void inhibitedAlertsAreLeftOutAndAFullyInhibitedGroupNotifiesNothing() {
        InhibitRule rule = new InhibitRule(
                new Matchers(MatcherTest.parse("alertname=NodeDown")),
                new Matchers(MatcherTest.parse("alertname=Down")),
                Set.of("instance"));
        policy = new GroupPolicy(Map.of(), List.of(rule), receiver -> true);
        Labels nodeDown = Labels.of("alertname", "NodeDown", "instance", "a");
        arrive(A, T0, T0);
        arrive(B, T0, T0);
        arrive(nodeDown, T0, T0);
        List<Notification> n = tick(t("30S"));
        assertThat(n)
                .filteredOn(x -> x.groupLabels().get("alertname").equals("Down"))
                .singleElement()
                .satisfies(x -> assertThat(labels(x.firing())).containsExactly(B));
        resolve(B, t("1M"));
        assertThat(tick(t("5M30S")))
                .filteredOn(x -> x.groupLabels().get("alertname").equals("Down"))
                .singleElement()
                .satisfies(x -> assertThat(labels(x.resolved())).containsExactly(B));
        assertThat(tick(t("10M30S"))).isEmpty();
        resolve(nodeDown, t("11M"));
        assertThat(tick(t("15M30S"))).extracting(x -> labels(x.firing())).containsExactly(List.of(A), List.of());
    }

    @Test
    void aMutedRouteStaysQuietAndNotifiesAtTheFirstLookAfterTheMuteEnds() {
        TimePeriod oneToTwo = new TimePeriod(
                List.of(TimePeriodTest.ok(TimePeriodText.times("01:00", "02:00"))),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                ZoneOffset.UTC);
        policy = new GroupPolicy(
                Map.of("maintenance", new TimeInterval("maintenance", List.of(oneToTwo))), List.of(), r -> true);
        Route muted = Route.tree(RouteSpec.of("team", List.of(), List.of())
                .withGroupBy(List.of("alertname"))
                .withTimeIntervals(List.of("maintenance"), List.of()));
        state = Aggregation.empty(muted);
        Instant one = Instant.parse("2024-03-31T01:00:00Z");
        arrive(A, one, one);
        assertThat(tick(one.plusSeconds(30))).isEmpty();
        assertThat(tick(one.plusSeconds(30 + 300 * 11))).isEmpty(); // 01:55:30
        assertThat(tick(one.plusSeconds(30 + 300 * 12))).hasSize(1); // 02:00:30
    }

    @Test
    void aSilenceMutesMatchingAlertsOnlyWhileActiveAndTheFirstLookAfterItEndsNotifies() {
        Silence s = silence("s1", List.of(SilenceMatcher.equal("instance", "a")), t("10S"), t("6M"));
        arrive(A, T0, T0);
        arrive(B, T0, T0);
        assertThat(s.state(t("9S"))).isEqualTo(SilenceState.PENDING);
        assertThat(s.state(t("10S"))).isEqualTo(SilenceState.ACTIVE);
        assertThat(s.state(t("6M"))).isEqualTo(SilenceState.EXPIRED);
        step(
                t("30S"),
                List.of(s),
                n -> assertThat(n)
                        .singleElement()
                        .satisfies(x -> assertThat(labels(x.firing())).containsExactly(B)));
        step(t("5M30S"), List.of(s), n -> assertThat(n).isEmpty());
        step(
                t("10M30S"),
                List.of(s),
                n -> assertThat(n)
                        .singleElement()
                        .satisfies(x -> assertThat(labels(x.firing())).containsExactly(A, B)));
    }

    @Test
    void aSilencedAlertStillInhibitsOthers() {
        InhibitRule rule = new InhibitRule(
                new Matchers(MatcherTest.parse("alertname=NodeDown")),
                new Matchers(MatcherTest.parse("alertname=Down")),
                Set.of("instance"));
        policy = new GroupPolicy(Map.of(), List.of(rule), receiver -> true);
        Silence quietNode = silence("s2", List.of(SilenceMatcher.equal("alertname", "NodeDown")), T0, t("1H"));
        arrive(A, T0, T0);
        arrive(Labels.of("alertname", "NodeDown", "instance", "a"), T0, T0);
        step(t("30S"), List.of(quietNode), n -> assertThat(n).isEmpty());
    }

    private void step(Instant now, List<Silence> silences, java.util.function.Consumer<List<Notification>> check) {
        GroupPolicy.Step step = policy.next(state, now, silences);
        state = step.state();
        check.accept(step.notifications());
    }

    @Test
    void aGroupWaitsThenStaysQuietWhileNothingCanBeSentThenRemembersWhatItSent() {
        arrive(A, T0, T0);
        assertThat(onlyGroup().phase()).isEqualTo(new GroupPhase.Waiting(t("30S")));
        Silence all = silence("s", List.of(), T0, t("1M"));
        step(t("30S"), List.of(all), n -> assertThat(n).isEmpty());
        assertThat(onlyGroup().phase()).isEqualTo(new GroupPhase.Quiet(t("5M30S")));
        tick(t("5M30S"));
        assertThat(onlyGroup().phase())
                .isEqualTo(new GroupPhase.Notified(t("10M30S"), new GroupPhase.Sent(Set.of(A), Set.of(), t("5M30S"))));
    }

    private AggregationGroup onlyGroup() {
        assertThat(state.groups()).hasSize(1);
        return state.groups().values().iterator().next();
    }

    @Test
    void alertsArrivingInOneBatchAreGroupedAsIfTheyArrivedOneByOne() {
        Aggregation batch = state.receiveAll(List.of(Alert.firing(A, T0), Alert.firing(OTHER, T0)), T0);
        arrive(A, T0, T0);
        arrive(OTHER, T0, T0);
        assertThat(batch).isEqualTo(state);
    }

    @Test
    void aTimeIntervalThePolicyDoesNotKnowIsAnErrorNamingRouteAndInterval() {
        Route r = Route.tree(RouteSpec.of("team", List.of(), List.of()).withTimeIntervals(List.of("gone"), List.of()));
        assertThatThrownBy(() -> policy.timeMuted(r, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("route {} names the time interval \"gone\"");
    }

    @Test
    void aRouteWithActiveTimeIntervalsNotifiesOnlyInsideThem() {
        TimePeriod weekdays = new TimePeriod(
                List.of(),
                List.of(TimePeriodTest.ok(TimePeriodText.weekdays("monday:friday"))),
                List.of(),
                List.of(),
                List.of(),
                ZoneOffset.UTC);
        policy = new GroupPolicy(Map.of("office", new TimeInterval("office", List.of(weekdays))), List.of(), r -> true);
        Route office =
                Route.tree(RouteSpec.of("team", List.of(), List.of()).withTimeIntervals(List.of(), List.of("office")));
        assertThat(policy.timeMuted(office, Instant.parse("2024-03-31T10:00:00Z")))
                .isTrue(); // Sunday
        assertThat(policy.timeMuted(office, Instant.parse("2024-04-01T10:00:00Z")))
                .isFalse(); // Monday
        assertThat(policy.timeMuted(tree, Instant.parse("2024-03-31T10:00:00Z")))
                .isFalse();
    }
}
