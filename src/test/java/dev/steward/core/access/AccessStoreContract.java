package dev.steward.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link AccessStore} must do; adapters' tests extend it with an empty store. */
public abstract class AccessStoreContract {
    private static final Instant T0 = Instant.parse("2026-12-31T23:59:59Z");
    private static final String SECRET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

    protected abstract AccessStore emptyStore();

    @Test
    void anEmptyStoreHasNoCredential() {
        AccessStore store = emptyStore();
        assertThat(store.anyCredential()).isFalse();
        assertThat(store.users()).isEmpty();
        assertThat(store.tokens()).isEmpty();
    }

    @Test
    void usersAreAddedOnceFoundAndRemoved() {
        AccessStore store = emptyStore();
        User ann = new User("ann", Role.OPERATOR, "$argon2id$v=19$m=16,t=2,p=1$c2FsdA$aGFzaA", User.Source.STORE);
        assertThat(store.addUser(ann)).isTrue();
        assertThat(store.addUser(new User("ann", Role.ADMIN, "other", User.Source.STORE)))
                .isFalse();
        assertThat(store.user("ann")).contains(ann);
        assertThat(store.users()).containsExactly(ann);
        assertThat(store.anyCredential()).isTrue();
        assertThat(store.removeUser("ann")).isTrue();
        assertThat(store.removeUser("ann")).isFalse();
        assertThat(store.user("ann")).isEmpty();
    }

    @Test
    void tokensKeepTheirFieldsAndLastUse() {
        AccessStore store = emptyStore();
        ApiToken ci = ApiToken.issue("aaaa1111", SECRET, "ci", Role.OPERATOR, T0, Optional.of(Duration.ofDays(90)))
                .token();
        ApiToken forever = ApiToken.issue(
                        "bbbb2222", SECRET, "grafana", Role.VIEWER, T0.plusSeconds(1), Optional.empty())
                .token();
        store.addToken(ci);
        store.addToken(forever);
        assertThat(store.token("aaaa1111")).contains(ci);
        assertThat(store.tokens()).containsExactly(ci, forever);
        store.markUsed("aaaa1111", T0.plusSeconds(60));
        assertThat(store.token("aaaa1111")).contains(ci.usedAt(T0.plusSeconds(60)));
        assertThat(store.anyCredential()).isTrue();
        assertThat(store.removeToken("aaaa1111")).isTrue();
        assertThat(store.removeToken("aaaa1111")).isFalse();
        assertThat(store.token("aaaa1111")).isEmpty();
    }
}
