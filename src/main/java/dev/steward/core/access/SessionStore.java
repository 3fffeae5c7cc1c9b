package dev.steward.core.access;

import java.time.Instant;
import java.util.Optional;

/** Where console sessions are kept; a login is durable before its cookie is sent, so a restart keeps it. */
public interface SessionStore {
    void add(Session session);

    /** The session whose id (hash of the cookie secret) is {@code id}. */
    Optional<Session> session(String id);

    void touch(String id, Instant at);

    boolean remove(String id);

    /** Removes every session of {@code user} (a removed user, a changed password); returns how many. */
    int removeUser(String user);

    /** Removes sessions past their absolute end or idle since before {@code idleBefore}; returns how many. */
    int removeExpired(Instant now, Instant idleBefore);
}
