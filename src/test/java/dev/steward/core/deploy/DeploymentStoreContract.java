package dev.steward.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every {@link DeploymentStore} must do; run on the in-memory store and on each SQL database. */
public abstract class DeploymentStoreContract {
    protected abstract DeploymentStore emptyStore();

    /** The same store after the process restarted (a durable store reopens its database); empty when in memory. */
    protected Optional<DeploymentStore> reopened() {
        return Optional.empty();
    }

    /** Saves every step of a drive, as the loop would, and returns the last saved deployment. */
    static Deployment saveAsDriven(DeploymentStore store, Drive d) {
        Deployment saved = null;
        long revision = 0;
        for (DeploymentStep s : d.steps) {
            saved = store.save(s.deployment().withRevision(revision));
            revision = saved.revision();
        }
        return saved == null ? store.save(d.deployment) : saved;
    }

    @ParameterizedTest
    @EnumSource(StateKind.class)
    void aDeploymentInEveryStateComesBackEqualWithItsTimeline(StateKind kind) {
        DeploymentStore store = emptyStore();
        Drive d = TransitionTableTest.reach(kind);

        Deployment saved = saveAsDriven(store, d);

        assertThat(saved.kind()).isEqualTo(kind);
        assertThat(store.get("d1")).contains(saved);
    }

    @Test
    void measurementsAndReasonsOfTheTimelineAreKept() {
        DeploymentStore store = emptyStore();
        Drive d = new Drive().rollingBack();
        Deployment saved = saveAsDriven(store, d);

        DeploymentEvent failed = store.get("d1").orElseThrow().timeline().stream()
                .filter(e -> e.trigger() == Trigger.GATE_FAILED)
                .findFirst()
                .orElseThrow();
        assertThat(failed.measurements()).contains(new Measurement("errors", 0.2, "fails if result > 0.01"));
        assertThat(failed.reason()).contains("errors");
        assertThat(saved.timeline()).contains(failed);
    }

    @Test
    void eachSaveRaisesTheRevisionAndAStaleSaveIsRefused() {
        DeploymentStore store = emptyStore();
        Drive d = new Drive();
        Deployment first = store.save(d.deployment);
        assertThat(first.revision()).isEqualTo(1);
        d.deployment = first;
        d.after(Duration.ofMinutes(1)).step(Drive.BLOCKED);
        Deployment second = store.save(d.deployment);
        assertThat(second.revision()).isEqualTo(2);

        assertThatThrownBy(() -> store.save(d.deployment))
                .isInstanceOf(StaleDeploymentException.class)
                .hasMessageContaining("revision 1")
                .hasMessageContaining("revision 2 is stored");
        assertThat(store.get("d1")).contains(second);
    }

    @Test
    void theTimelineIsAppendOnly() {
        DeploymentStore store = emptyStore();
        Drive d = new Drive().checking();
        Deployment saved = saveAsDriven(store, d);

        assertThatThrownBy(() -> store.save(saved.withTimeline(List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("append-only");
    }

    @Test
    void activeDeploymentsAreThoseTheLoopMustStillDriveOldestFirst() {
        DeploymentStore store = emptyStore();
        List<String> expected = new ArrayList<>();
        int i = 0;
        for (StateKind kind : StateKind.values()) {
            Drive d = TransitionTableTest.reach(kind);
            Deployment dep = renamed(d.deployment, "d" + (10 + i), i);
            store.save(dep);
            if (DeploymentStore.active(dep)) {
                expected.add(dep.id());
            }
            i++;
        }

        assertThat(store.loadActive()).extracting(Deployment::id).containsExactlyElementsOf(expected);
        assertThat(expected).hasSize(9);
        assertThat(store.loadActive())
                .filteredOn(dep -> dep.kind() != StateKind.SCHEDULED)
                .allSatisfy(dep -> assertThat(dep.timeline()).isNotEmpty());
    }

    @Test
    void listsAreNewestFirstFilteredByServiceAndLimited() {
        DeploymentStore store = emptyStore();
        store.save(renamed(new Drive().deployment, "a", 0));
        store.save(renamed(new Drive().deployment, "b", 1));
        Deployment c = renamed(new Drive().deployment, "c", 2);
        store.save(new Deployment(
                c.id(),
                "web",
                c.environment(),
                c.version(),
                c.stableVersion(),
                c.labels(),
                c.plan(),
                c.createdAt(),
                c.createdBy(),
                c.state(),
                0,
                List.of()));

        assertThat(store.list(Optional.empty(), 10)).extracting(Deployment::id).containsExactly("c", "b", "a");
        assertThat(store.list(Optional.of("api"), 10))
                .extracting(Deployment::id)
                .containsExactly("b", "a");
        assertThat(store.list(Optional.empty(), 1)).extracting(Deployment::id).containsExactly("c");
    }

    @Test
    void theVersionOfAServicePassedAnEnvironmentOnlyOnceItSucceededThere() {
        DeploymentStore store = emptyStore();
        saveAsDriven(store, new Drive().validating());
        assertThat(store.succeeded("api", "production", "v2")).isFalse();

        DeploymentStore other = emptyStore();
        saveAsDriven(other, new Drive().succeeded());
        assertThat(other.succeeded("api", "production", "v2")).isTrue();
        assertThat(other.succeeded("api", "staging", "v2")).isFalse();
        assertThat(other.succeeded("api", "production", "v3")).isFalse();
    }

    @Test
    void aDeploymentReloadedInTheMiddleOfAStepIsSteppedOnAsIfNothingHappened() {
        DeploymentStore store = emptyStore();
        Drive d = new Drive().analysing();
        d.after(Drive.INTERVAL).step(Drive.GOOD);
        saveAsDriven(store, d);

        DeploymentStore after = reopened().orElse(store);
        assertThat(after.loadActive()).extracting(Deployment::id).containsExactly("d1");
        Deployment reloaded = after.loadActive().getFirst();
        DeploymentStep recovered = DeploymentPolicy.recover(reloaded, d.now.plusSeconds(5));
        assertThat(recovered.deployment().kind()).isEqualTo(StateKind.ANALYSING);
        Deployment saved = after.save(recovered.deployment());
        DeploymentStep next = DeploymentPolicy.step(saved, Drive.GOOD, d.now.plus(Drive.INTERVAL));

        assertThat(next.events()).extracting(DeploymentEvent::trigger).contains(Trigger.MEASURED, Trigger.STEP_PASSED);
        assertThat(next.actuations()).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo(Actuation.Action.SET_WEIGHT);
            assertThat(a.weightPercent()).isEqualTo(50);
        });
    }

    private static Deployment renamed(Deployment d, String id, int minutes) {
        return new Deployment(
                id,
                d.service(),
                d.environment(),
                d.version(),
                d.stableVersion(),
                d.labels(),
                d.plan(),
                d.createdAt().plus(Duration.ofMinutes(minutes)),
                d.createdBy(),
                d.state(),
                0,
                d.timeline());
    }
}
