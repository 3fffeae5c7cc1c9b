package dev.steward.core.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.series.Labels;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTest {
    static List<Matcher> m(String text) {
        return MatcherTest.parse(text);
    }

    static List<String> receivers(Route tree, String... labels) {
        return tree.match(Labels.of(labels)).stream().map(Route::receiver).toList();
    }

    private final Route tree = Route.tree(RouteSpec.of(
            "default",
            List.of(),
            List.of(
                    RouteSpec.of("audit", m("team=~\".+\""), List.of()).withContinue(true),
                    RouteSpec.of(
                            "db-team",
                            m("service=~\"db|cache\""),
                            List.of(RouteSpec.of("db-pager", m("severity=\"critical\""), List.of()))),
                    RouteSpec.of("pager", m("severity=\"critical\""), List.of()),
                    RouteSpec.of("never", m("severity=\"critical\""), List.of()))));

    @Test
    void takesTheFirstMatchingChildOnly() {
        assertThat(receivers(tree, "severity", "critical", "service", "api")).containsExactly("pager");
    }

    @Test
    void goesDepthFirstIntoTheDeepestMatchingNode() {
        assertThat(receivers(tree, "severity", "critical", "service", "db")).containsExactly("db-pager");
    }

    @Test
    void usesTheNodeItselfWhenNoChildMatches() {
        assertThat(receivers(tree, "severity", "warning", "service", "db")).containsExactly("db-team");
        assertThat(receivers(tree, "severity", "warning", "service", "api")).containsExactly("default");
    }

    @Test
    void goesOnToTheNextSiblingAfterAContinueMatch() {
        assertThat(receivers(tree, "team", "ops", "severity", "critical")).containsExactly("audit", "pager");
        assertThat(receivers(tree, "team", "ops")).containsExactly("audit");
    }

    @Test
    void inheritsReceiverGroupByAndTimingsButNotTimeIntervals() {
        RouteSpec root = RouteSpec.of(
                        "default",
                        List.of(),
                        List.of(RouteSpec.of(null, m("a=1"), List.of(RouteSpec.of("leaf", m("b=2"), List.of())))
                                .withTimings(null, Duration.ofMinutes(1), null)
                                .withTimeIntervals(List.of("nights"), List.of())))
                .withGroupBy(List.of("alertname", "cluster"))
                .withTimings(Duration.ofSeconds(10), null, Duration.ofHours(3));
        Route t = Route.tree(root);
        Route mid = t.routes().getFirst();
        Route leaf = mid.routes().getFirst();
        assertThat(mid.receiver()).isEqualTo("default");
        assertThat(leaf.groupBy()).containsExactlyInAnyOrder("alertname", "cluster");
        assertThat(List.of(leaf.groupWait(), leaf.groupInterval(), leaf.repeatInterval()))
                .containsExactly(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofHours(3));
        assertThat(t.groupInterval()).isEqualTo(Route.DEFAULT_GROUP_INTERVAL);
        assertThat(mid.muteTimeIntervals()).containsExactly("nights");
        assertThat(leaf.muteTimeIntervals()).isEmpty();
    }

    @Test
    void groupsByTheListedLabelsItHasOrByAllWithTheEllipsis() {
        Labels alert = Labels.of("alertname", "Down", "instance", "a:1", "job", "api");
        Route byJob = Route.tree(RouteSpec.of("r", List.of(), List.of()).withGroupBy(List.of("job", "cluster")));
        Route byAll = Route.tree(RouteSpec.of("r", List.of(), List.of()).withGroupBy(List.of("...")));
        assertThat(byJob.groupLabels(alert)).isEqualTo(Labels.of("job", "api"));
        assertThat(byAll.groupLabels(alert)).isEqualTo(alert);
        Route child = Route.tree(RouteSpec.of(
                        "r",
                        List.of(),
                        List.of(
                                RouteSpec.of(null, m("job=api"), List.of()).withGroupBy(List.of("x")),
                                RouteSpec.of(null, m("job=db"), List.of())))
                .withGroupBy(List.of("...")));
        assertThat(child.routes().get(1).groupByAll()).isTrue();
        assertThat(child.routes().getFirst().groupByAll()).isFalse();
    }

    @Test
    void givesEveryNodeADistinctIdFromItsMatchersAndPosition() {
        List<String> ids = tree.flatten().stream().map(Route::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids.getFirst()).isEqualTo("{}");
        assertThat(ids).contains("{}/{severity=\"critical\"}/2", "{}/{severity=\"critical\"}/3");
    }
}
