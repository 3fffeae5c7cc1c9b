package dev.steward.core.silence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link SilenceStore} must do; a store's test extends this and says how to make an empty store. */
public abstract class SilenceStoreContract {
    private static final Instant T = Instant.parse("2027-10-31T01:30:00Z");

    protected abstract SilenceStore emptyStore();

    private static Silence silence(String id, String comment) {
        return new Silence(
                id,
                List.of(SilenceMatcher.equal("alertname", "A"), SilenceMatcher.notRegex("env", "dev|test")),
                T,
                T.plusSeconds(3600),
                "alice",
                comment,
                T);
    }

    @Test
    void savedSilencesLoadBackEqualInTheOrderFirstSaved() {
        SilenceStore store = emptyStore();
        store.save(silence("b", "first"));
        store.save(silence("a", "second"));

        assertThat(store.loadAll()).containsExactly(silence("b", "first"), silence("a", "second"));
    }

    @Test
    void savingAnExistingIdReplacesItInPlace() {
        SilenceStore store = emptyStore();
        store.save(silence("b", "first"));
        store.save(silence("a", "second"));
        store.save(silence("b", "changed"));

        assertThat(store.loadAll()).containsExactly(silence("b", "changed"), silence("a", "second"));
    }

    @Test
    void removingForgetsOnlyThatSilenceAndUnknownIdsAreIgnored() {
        SilenceStore store = emptyStore();
        store.save(silence("b", "first"));
        store.save(silence("a", "second"));

        store.remove("b");
        store.remove("nope");

        assertThat(store.loadAll()).containsExactly(silence("a", "second"));
    }
}
