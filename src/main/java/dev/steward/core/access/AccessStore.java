package dev.steward.core.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where users and API tokens are kept; a write is durable before the method returns. */
public interface AccessStore {
    Optional<User> user(String name);

    List<User> users();

    /** Adds {@code user}; false when one with that name exists. */
    boolean addUser(User user);

    boolean removeUser(String name);

    Optional<ApiToken> token(String id);

    List<ApiToken> tokens();

    void addToken(ApiToken token);

    boolean removeToken(String id);

    void markUsed(String tokenId, Instant at);

    /** Whether any user or token exists (access control is then enforced, see {@link AccessPolicy#enforced}). */
    boolean anyCredential();
}
