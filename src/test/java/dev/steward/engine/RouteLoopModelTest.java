package dev.steward.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.route.Aggregation;
import dev.steward.core.route.Alert;
import dev.steward.core.route.GroupPolicy;
import dev.steward.core.route.Notification;
import dev.steward.core.series.Labels;
import dev.steward.core.silence.Silence;
import dev.steward.core.silence.SilenceMatcher;
import dev.steward.core.silence.Silences;
import dev.steward.routefile.RouteConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The loop's mutable groups decide exactly as the pure model ({@link Aggregation} and {@link GroupPolicy#next}, with
 * groups made due when a silence ends) over random timelines of arrivals, resolutions and silences.
 */
class RouteLoopModelTest {
    private static final Instant T0 = Instant.parse("2028-02-29T23:00:00Z");

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L, 20261124L})
    void theLoopNotifiesWhatThePureModelNotifies(long seed) {
        System.out.println("RouteLoopModelTest seed " + seed);
        Random r = new Random(seed);
        RouteConfig config = RouteLoopTest.config(RouteLoopTest.CONFIG);
        // as the loop: every resolution reported, whatever the receivers want (incidents need them)
        GroupPolicy policy = new GroupPolicy(config.timeIntervals(), config.inhibitRules(), receiver -> true);
        List<Silence> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant start = T0.plusSeconds(r.nextInt(3600));
            all.add(new Silence(
                    "s" + i,
                    List.of(SilenceMatcher.equal("instance", "i" + r.nextInt(4))),
                    start,
                    start.plusSeconds(60 + r.nextInt(1800)),
                    "alice",
                    "test",
                    start));
        }
        Silences silences = Silences.of(all);
        List<Notification> fromLoop = new ArrayList<>();
        RouteLoop loop =
                new RouteLoop(config, T0, () -> silences, fromLoop::addAll, e -> {}, Duration.ofMinutes(15), () -> 0L);
        Aggregation model = Aggregation.empty(config.tree());
        Instant now = T0;
        Instant last = T0;
        int total = 0;
        for (int step = 0; step < 400; step++) {
            now = now.plusSeconds(1 + r.nextInt(90));
            List<Alert> batch = batch(r, now);
            loop.receive(batch, now);
            model = model.receiveAll(batch, now);
            List<Silence> ended = silences.endedBetween(last, now);
            Instant at = now;
            model = model.dueWhere(l -> ended.stream().anyMatch(s -> silences.matches(s.id(), l)), at);
            GroupPolicy.Step s = policy.next(model, now, silences);
            model = s.state();
            fromLoop.clear();
            loop.runDue(now);
            assertThat(sorted(fromLoop))
                    .as("seed %d step %d at %s", seed, step, now)
                    .isEqualTo(sorted(s.notifications()));
            last = now;
            total += fromLoop.size();
        }
        assertThat(total).as("notifications over the timeline").isGreaterThan(50);
        assertThat(loop.groupCount()).isEqualTo(model.groups().size());
    }

    private static List<Alert> batch(Random r, Instant now) {
        List<Alert> out = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            Labels l = Labels.of(
                    "alertname",
                    r.nextInt(5) == 0 ? "NodeDown" : "ApiDown",
                    "service",
                    "svc" + r.nextInt(3),
                    "instance",
                    "i" + r.nextInt(4),
                    "severity",
                    r.nextInt(4) == 0 ? "page" : "ticket");
            Alert a = Alert.firing(l, now.minusSeconds(r.nextInt(120)));
            out.add(r.nextInt(3) == 0 ? a.resolvedAt(now) : a);
        }
        return out;
    }

    private static List<Notification> sorted(List<Notification> ns) {
        List<Notification> out = new ArrayList<>(ns);
        out.sort(Comparator.comparing((Notification n) -> n.group().toString()));
        return out;
    }
}
