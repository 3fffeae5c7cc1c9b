package dev.steward.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.route.Alert;
import dev.steward.core.route.Notification;
import dev.steward.core.series.Labels;
import dev.steward.core.silence.ExpireOutcome;
import dev.steward.core.silence.Silence;
import dev.steward.core.silence.SilenceMatcher;
import dev.steward.core.silence.Silences;
import dev.steward.routefile.RouteConfig;
import dev.steward.routefile.RouteFileLoader;
import dev.steward.routefile.RouteFileResult;
import dev.steward.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timelines on a hand-driven clock: alerts arrive, silences start and end, the loop is asked what is due. */
class RouteLoopTest {
    // New Year's Eve: the routing runs in instants, nothing may shift at the turn of the year.
    static final Instant T0 = Instant.parse("2026-12-31T23:50:00Z");

    static final String CONFIG = """
            route:
              receiver: team
              group_by: [alertname, service]
              group_wait: 30s
              group_interval: 5m
              repeat_interval: 4h
              routes:
                - matchers: ['severity="page"']
                  receiver: oncall
                  continue: true
                - matchers: ['service=~".+"']
                  receiver: team
            receivers:
              - name: team
                webhook_configs: [{url: 'http://127.0.0.1:9/hook'}]
              - name: oncall
                webhook_configs: [{url: 'http://127.0.0.1:9/page', send_resolved: false}]
            inhibit_rules:
              - source_matchers: ['alertname="NodeDown"']
                target_matchers: ['alertname="ApiDown"']
                equal: [instance]
            """;

    static final Labels API_A = Labels.of("alertname", "ApiDown", "service", "api", "instance", "a");
    static final Labels API_B = Labels.of("alertname", "ApiDown", "service", "api", "instance", "b");
    static final Labels NODE_A = Labels.of("alertname", "NodeDown", "service", "node", "instance", "a");

    private final ManualClock clock = new ManualClock(T0);
    private final List<Notification> sent = new ArrayList<>();
    private final List<SilenceEnding> reminders = new ArrayList<>();
    private Silences silences = Silences.empty();
    private final RouteLoop loop = new RouteLoop(
            config(CONFIG), T0, () -> silences, sent::addAll, reminders::add, Duration.ofMinutes(15), clock::nanos);

    static RouteConfig config(String yaml) {
        return switch (RouteFileLoader.read(yaml, "alertmanager.yml")) {
            case RouteFileResult.Loaded l -> l.config();
            case RouteFileResult.Invalid i -> throw new AssertionError(i.errors());
        };
    }

    private Instant at(String offset) {
        Instant t = T0.plus(Duration.parse("PT" + offset));
        clock.set(t);
        return t;
    }

    private List<Notification> run(Instant now) {
        sent.clear();
        loop.runDue(now);
        return List.copyOf(sent);
    }

    private static Silence silence(String id, Labels matched, Instant startsAt, Instant endsAt) {
        List<SilenceMatcher> ms = new ArrayList<>();
        matched.forEach((n, v) -> ms.add(SilenceMatcher.equal(n, v)));
        return new Silence(id, ms, startsAt, endsAt, "alice", "deploying", startsAt);
    }

    @Test
    void notifiesAGroupOnceItsGroupWaitHasPassedAndSaysWhenItIsNextDue() {
        loop.receive(List.of(Alert.firing(API_A, T0), Alert.firing(API_B, T0)), T0);
        assertThat(loop.nextDue()).contains(at("30S"));
        assertThat(run(at("29S"))).isEmpty();
        List<Notification> n = run(at("30S"));
        assertThat(n).singleElement().satisfies(x -> {
            assertThat(x.receiver()).isEqualTo("team");
            assertThat(x.firing()).extracting(Alert::labels).containsExactly(API_A, API_B);
        });
        assertThat(loop.nextDue()).contains(at("5M30S"));
        assertThat(loop.runPauses().count()).isEqualTo(2);
        assertThat(loop.receivePauses().count()).isEqualTo(1);
    }

    @Test
    void dueGroupsAreLookedAtInSlicesSoTheLockIsNeverHeldForAllOfThem() {
        List<Integer> handOvers = new ArrayList<>();
        RouteLoop sliced = new RouteLoop(
                config(CONFIG),
                T0,
                () -> silences,
                n -> handOvers.add(n.size()),
                reminders::add,
                Duration.ofMinutes(15),
                clock::nanos);
        sliced.maxGroupsPerPause(2);
        List<Alert> alerts = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            alerts.add(Alert.firing(Labels.of("alertname", "Down", "service", "s" + s), T0));
        }
        sliced.receive(alerts, T0);
        assertThat(sliced.runDue(at("30S"))).isEqualTo(5);
        assertThat(handOvers).containsExactly(2, 2, 1);
        assertThat(sliced.runPauses().count()).isEqualTo(3);
        assertThat(sliced.runTotals().count()).isEqualTo(1);
    }

    @Test
    void aResolvedAlertIsNotifiedOnceAndThenForgotten() {
        loop.receive(List.of(Alert.firing(API_A, T0)), T0);
        run(at("30S"));
        loop.receive(List.of(Alert.firing(API_A, T0).resolvedAt(at("1M"))), at("1M"));
        assertThat(loop.alertCount()).isEqualTo(1);
        List<Notification> n = run(at("5M30S"));
        assertThat(n)
                .singleElement()
                .satisfies(
                        x -> assertThat(x.resolved()).extracting(Alert::labels).containsExactly(API_A));
        assertThat(loop.alertCount()).isZero();
        assertThat(loop.groupCount()).isZero();
        assertThat(loop.nextDue()).isEmpty();
    }

    @Test
    void anAlertThatTimesOutWithoutAnUpdateIsResolvedAtItsEnd() {
        loop.receive(List.of(new Alert(API_A, T0, java.util.Optional.of(T0.plus(Duration.ofMinutes(5))))), T0);
        assertThat(run(at("30S")))
                .singleElement()
                .satisfies(x -> assertThat(x.firing()).hasSize(1));
        assertThat(run(at("5M30S")))
                .singleElement()
                .satisfies(x -> assertThat(x.resolved()).hasSize(1));
        assertThat(loop.alertCount()).isZero();
    }

    @Test
    void aPagingAlertGoesToBothReceiversAndTheViewNamesThem() {
        Labels paging = API_A.toBuilder().add("severity", "page").build();
        loop.receive(List.of(Alert.firing(paging, T0)), T0);
        assertThat(run(at("30S"))).extracting(Notification::receiver).containsExactlyInAnyOrder("oncall", "team");
        assertThat(loop.alerts(at("31S"))).singleElement().satisfies(v -> {
            assertThat(v.receivers()).containsExactlyInAnyOrder("oncall", "team");
            assertThat(v.silencedBy()).isEmpty();
            assertThat(v.inhibitedBy()).isEmpty();
        });
    }

    @Test
    void theViewsShowWhichSilenceMutesAnAlertAndWhichAlertInhibitsIt() {
        silences = Silences.of(List.of(silence("s1", API_B, T0, T0.plus(Duration.ofHours(2)))));
        loop.receive(List.of(Alert.firing(API_A, T0), Alert.firing(API_B, T0), Alert.firing(NODE_A, T0)), T0);
        List<RouteView.AlertView> views = loop.alerts(at("10S"));
        assertThat(views).hasSize(3);
        RouteView.AlertView a = views.stream()
                .filter(v -> v.alert().labels().equals(API_A))
                .findFirst()
                .orElseThrow();
        RouteView.AlertView b = views.stream()
                .filter(v -> v.alert().labels().equals(API_B))
                .findFirst()
                .orElseThrow();
        assertThat(a.inhibitedBy()).contains(NODE_A);
        assertThat(a.silencedBy()).isEmpty();
        assertThat(b.silencedBy()).containsExactly("s1");
        assertThat(b.inhibitedBy()).isEmpty();
        assertThat(loop.groups(at("10S")))
                .extracting(RouteView.GroupView::receiver)
                .containsExactly("team", "team");
        List<Notification> n = run(at("30S"));
        assertThat(n)
                .singleElement()
                .satisfies(x -> assertThat(x.firing()).extracting(Alert::labels).containsExactly(NODE_A));
    }

    @Test
    void whenASilenceIsExpiredWhatItMutedIsNotifiedAtOnceNotAtTheNextGroupInterval() {
        silences = Silences.of(List.of(silence("s1", API_A, T0, T0.plus(Duration.ofHours(2)))));
        loop.receive(List.of(Alert.firing(API_A, T0)), T0);
        assertThat(run(at("30S"))).isEmpty();
        Instant expiredAt = at("1M");
        silences = ((ExpireOutcome.Expired) silences.expire("s1", expiredAt)).silences();
        assertThat(loop.nextDue()).contains(expiredAt);
        assertThat(run(at("1M1S")))
                .singleElement()
                .satisfies(x -> assertThat(x.firing()).extracting(Alert::labels).containsExactly(API_A));
        assertThat(run(at("5M30S"))).isEmpty();
    }

    @Test
    void aSilenceThatRunsOutOnItsOwnWakesTheLoopAtItsEnd() {
        Instant end = T0.plus(Duration.ofMinutes(3));
        silences = Silences.of(List.of(silence("s1", API_A, T0, end)));
        loop.receive(List.of(Alert.firing(API_A, T0)), T0);
        assertThat(run(at("30S"))).isEmpty();
        assertThat(loop.nextDue()).contains(end);
        assertThat(run(at("3M"))).hasSize(1);
    }

    @Test
    void theCreatorOfALongSilenceIsRemindedOnceBeforeItEnds() {
        Instant end = T0.plus(Duration.ofHours(2));
        silences = Silences.of(
                List.of(silence("s1", API_A, T0, end), silence("short", API_B, T0, T0.plus(Duration.ofMinutes(10)))));
        assertThat(loop.nextDue()).contains(T0.plus(Duration.ofMinutes(10)));
        run(at("10M"));
        assertThat(reminders).isEmpty();
        assertThat(loop.nextDue()).contains(end.minus(Duration.ofMinutes(15)));
        run(at("1H45M"));
        assertThat(reminders).singleElement().satisfies(r -> {
            assertThat(r.silence().id()).isEqualTo("s1");
            assertThat(r.message()).isEqualTo("silence s1 by alice expires in 15m (deploying)");
        });
        run(at("1H50M"));
        assertThat(reminders).hasSize(1);
        assertThat(loop.nextDue()).contains(end);
    }

    @Test
    void aReloadKeepsTheMemoryOfGroupsWhoseRouteStillExistsAndRegroupsTheRest() {
        loop.receive(
                List.of(
                        Alert.firing(API_B, T0),
                        Alert.firing(NODE_A.toBuilder().add("severity", "page").build(), T0)),
                T0);
        assertThat(run(at("30S"))).hasSize(3);
        loop.configure(config(CONFIG.replace("continue: true\n", "continue: true\n      group_wait: 1m\n")), at("1M"));
        assertThat(run(at("5M30S"))).isEmpty();
        loop.configure(config(CONFIG.replace("group_by: [alertname, service]", "group_by: [alertname]")), at("6M"));
        assertThat(loop.groupCount()).isEqualTo(3);
        // new group keys: new groups, due at once for alerts older than group_wait, as after an Alertmanager reload
        assertThat(run(at("6M"))).hasSize(3);
        assertThat(loop.alertCount()).isEqualTo(2);
    }
}
