package dev.steward.core.access;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The role a request needs, from its method and the route template it matched ({@code /api/v1/incidents/{id}/ack}):
 * reads (GET, HEAD) need a viewer, every other method an operator, except for the routes in {@link #exceptions()}.
 * Deciding on the template rather than the raw path means a route cannot be reached around its rule by a different
 * spelling of the same path.
 */
public final class AccessPolicy {
    private static final Set<String> READS = Set.of("GET", "HEAD");
    private static final Set<String> PROMETHEUS_POST_READS = Set.of(
            "/api/v1/query", "/api/v1/query_range", "/api/v1/series", "/api/v1/labels", "/api/v1/query_exemplars");

    /** One exception to the default rule: the methods and template it covers, what it needs instead and why. */
    public record Rule(Set<String> methods, String pathPrefix, boolean prefix, Requirement requirement) {
        boolean covers(String method, String path) {
            return methods.contains(method) && (prefix ? path.startsWith(pathPrefix) : path.equals(pathPrefix));
        }
    }

    private static final String PUBLIC_PAGE =
            "the public status page and its feeds: what customers see (no drafts, no names of who wrote updates)";
    private final List<Rule> exceptions;

    /**
     * @param metricsAnonymous whether {@code GET /metrics} is open to anyone; true by default because it is
     *     Prometheus's scrape target and shows no more than the status page
     */
    public AccessPolicy(boolean metricsAnonymous) {
        Set<String> any = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
        this.exceptions = List.of(
                exact(READS, "/health", Requirement.anonymous("monitoring must reach it without credentials")),
                exact(
                        READS,
                        "/metrics",
                        metricsAnonymous
                                ? Requirement.anonymous("Prometheus's scrape target (metrics_anonymous: true)")
                                : Requirement.atLeast(Role.VIEWER)),
                exact(
                        Set.of("GET", "HEAD", "POST"),
                        "/act/{token}",
                        Requirement.anonymous("the signed, expiring link is the authorisation")),
                exact(READS, "/status", Requirement.anonymous(PUBLIC_PAGE)),
                exact(READS, "/status/feed.json", Requirement.anonymous(PUBLIC_PAGE)),
                exact(READS, "/status/feed.atom", Requirement.anonymous(PUBLIC_PAGE)),
                exact(READS, "/api/v1/status-page", Requirement.anonymous(PUBLIC_PAGE)),
                exact(READS, "/", Requirement.anonymous("redirects to the console, which asks for a login")),
                exact(
                        Set.of("GET", "HEAD", "POST"),
                        "/login",
                        Requirement.anonymous("the login form and its check of the password")),
                exact(Set.of("POST"), "/logout", Requirement.anonymous("ends the session its cookie names, if any")),
                new Rule(any, "/api/v1/tokens", true, Requirement.atLeast(Role.ADMIN)),
                new Rule(any, "/api/v1/users", true, Requirement.atLeast(Role.ADMIN)));
    }

    private static Rule exact(Set<String> methods, String path, Requirement r) {
        return new Rule(methods, path, false, r);
    }

    /** What {@code method} on the route template {@code path} requires. */
    public Requirement required(String method, String path) {
        String m = method.toUpperCase(Locale.ROOT);
        for (Rule e : exceptions) {
            if (e.covers(m, path)) {
                return e.requirement();
            }
        }
        if (READS.contains(m) || ("POST".equals(m) && PROMETHEUS_POST_READS.contains(path))) {
            // Prometheus's query API takes POST for long queries (Grafana uses it): still a read
            return Requirement.atLeast(Role.VIEWER);
        }
        return Requirement.atLeast(Role.OPERATOR);
    }

    /** The exceptions to "reads need a viewer, changes an operator", in the order they are tried. */
    public List<Rule> exceptions() {
        return exceptions;
    }

    /**
     * Whether {@code who} may go ahead: empty when the requirement is met, else the refusal (401 when nobody is
     * known, 403 when the role is too low).
     */
    public static Optional<Refusal> check(Requirement required, Optional<Principal> who) {
        return switch (required) {
            case Requirement.Anonymous a -> Optional.empty();
            case Requirement.AtLeast(Role role) -> {
                if (who.isEmpty()) {
                    yield Optional.of(new Refusal.Unauthenticated("credentials required (role " + role.label() + ")"));
                }
                Principal p = who.get();
                yield p.role().includes(role)
                        ? Optional.empty()
                        : Optional.of(new Refusal.Forbidden(
                                p.name() + " has role " + p.role().label() + "; this needs " + role.label(), role));
            }
        };
    }

    /** Why a request is refused. */
    public sealed interface Refusal {
        String message();

        record Unauthenticated(String message) implements Refusal {}

        record Forbidden(String message, Role required) implements Refusal {}
    }

    /**
     * Whether access control applies: always once a user or token exists; with none, only when the daemon listens
     * beyond loopback (then everything but the anonymous routes is refused until one is created offline).
     */
    public static boolean enforced(boolean credentialsExist, boolean loopbackOnly) {
        return credentialsExist || !loopbackOnly;
    }
}
