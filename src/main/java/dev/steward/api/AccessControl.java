package dev.steward.api;

import dev.steward.core.access.AccessPolicy;
import dev.steward.core.access.AccessStore;
import dev.steward.core.access.ApiToken;
import dev.steward.core.access.LoginThrottle;
import dev.steward.core.access.PasswordHasher;
import dev.steward.core.access.Principal;
import dev.steward.core.access.Requirement;
import dev.steward.core.access.User;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.javalin.security.BasicAuthCredentials;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Authenticates every request that matched a route and checks the role its route needs ({@link AccessPolicy}):
 * {@code Authorization: Bearer stw_...} for API tokens, HTTP Basic for users (curl, amtool). Refusals are the API's
 * JSON errors: 401 with {@code WWW-Authenticate}, 403 with {@code X-Steward-Required-Role}, 429 with
 * {@code Retry-After} while a user name or remote address is throttled after failed logins.
 *
 * <p>Open mode: while no user or token exists and the daemon listens on loopback only, every request is allowed (as
 * an admin), so the demo and local development need no login. The first credential switches enforcement on for the
 * rest of the process. Beyond loopback it is always enforced.
 */
public final class AccessControl {
    /** The request attribute holding the {@link Principal} who made an authenticated request. */
    public static final String PRINCIPAL = "steward.principal";

    static final String REQUIRED_ROLE_HEADER = "X-Steward-Required-Role";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final Duration OPEN_RECHECK = Duration.ofSeconds(1);

    /**
     * @param metricsAnonymous whether {@code GET /metrics} needs no credentials (default true: it is a scrape target)
     * @param loopbackOnly whether the daemon listens on a loopback address only (allows open mode)
     * @param stackUsers users defined in the stack file (read-only, not stored)
     */
    public record Settings(boolean metricsAnonymous, boolean loopbackOnly, List<User> stackUsers) {
        public Settings {
            stackUsers = List.copyOf(stackUsers);
        }
    }

    private sealed interface Outcome {
        record Anonymous() implements Outcome {}

        record Authenticated(Principal who) implements Outcome {}

        record Failed(String reason) implements Outcome {}

        record Throttled(Instant until) implements Outcome {}
    }

    private final AccessStore store;
    private final PasswordHasher hasher;
    private final InstantSource clock;
    private final LoginThrottle throttle = new LoginThrottle(LoginThrottle.Settings.DEFAULT);
    private final Semaphore verifying =
            new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));
    private volatile Settings settings;
    private volatile AccessPolicy policy;
    private volatile Map<String, User> stackUsers;
    private final String dummyHash;
    private volatile boolean enforced;
    private volatile Instant openCheckedAt;

    public AccessControl(AccessStore store, PasswordHasher hasher, InstantSource clock, Settings settings) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
        configure(settings);
        // checked against when the user does not exist, so an unknown name costs as much as a wrong password
        this.dummyHash = hasher.hash("steward-no-such-user");
    }

    /**
     * Applies new settings (a reloaded stack file: its users and {@code metrics_anonymous}); the listening address does
     * not change on reload, and enforcement once on stays on.
     */
    public void configure(Settings next) {
        Map<String, User> users = new LinkedHashMap<>();
        next.stackUsers().forEach(u -> users.put(u.name(), u));
        this.stackUsers = users;
        this.policy = new AccessPolicy(next.metricsAnonymous());
        this.settings = next;
        this.openCheckedAt = null;
    }

    /** Installs the check before every matched route of {@code cfg}. */
    public void mount(JavalinConfig cfg) {
        cfg.routes.beforeMatched(this::check);
    }

    public AccessPolicy policy() {
        return policy;
    }

    /** Who made the request, when it was authenticated (or {@link Principal.Kind#OPEN} in open mode). */
    public static Optional<Principal> principal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }

    /**
     * Whether credentials are checked now; once true it stays true for the life of the process. While open, the store
     * is asked again at most once a second (a credential made offline by the CLI is seen within that second; one made
     * through the API at once, see {@link #credentialsChanged()}).
     */
    public boolean enforced() {
        if (enforced) {
            return true;
        }
        Instant now = clock.instant();
        Instant checked = openCheckedAt;
        if (checked != null && now.isBefore(checked.plus(OPEN_RECHECK)) && now.isAfter(checked.minus(OPEN_RECHECK))) {
            return false;
        }
        boolean on = AccessPolicy.enforced(!stackUsers.isEmpty() || store.anyCredential(), settings.loopbackOnly());
        if (on) {
            enforced = true;
        } else {
            openCheckedAt = now;
        }
        return on;
    }

    /** Makes the next request ask the store again whether a credential exists. */
    void credentialsChanged() {
        openCheckedAt = null;
    }

    /** The stack file's users, then the store's, by name. */
    Optional<User> user(String name) {
        User u = stackUsers.get(name);
        return u != null ? Optional.of(u) : store.user(name);
    }

    /** The stack file's users (read-only through the API). */
    public List<User> stackUsers() {
        return List.copyOf(stackUsers.values());
    }

    private void check(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) {
            return;
        }
        Requirement required = policy.required(ctx.method().name(), endpoint.path);
        if (required instanceof Requirement.Anonymous) {
            return;
        }
        if (!enforced()) {
            ctx.attribute(PRINCIPAL, Principal.open());
            return;
        }
        Optional<Principal> who = switch (authenticate(ctx)) {
            case Outcome.Anonymous a -> Optional.empty();
            case Outcome.Authenticated a -> Optional.of(a.who());
            case Outcome.Failed f -> throw unauthenticated(ctx, f.reason());
            case Outcome.Throttled t -> {
                long seconds =
                        Math.max(1, Duration.between(clock.instant(), t.until()).toSeconds() + 1);
                ctx.header("Retry-After", Long.toString(seconds));
                throw new ApiException(429, "too many failed logins; try again in " + seconds + "s", List.of());
            }
        };
        who.ifPresent(p -> ctx.attribute(PRINCIPAL, p));
        AccessPolicy.check(required, who).ifPresent(refusal -> {
            throw switch (refusal) {
                case AccessPolicy.Refusal.Unauthenticated u -> unauthenticated(ctx, u.message());
                case AccessPolicy.Refusal.Forbidden f -> {
                    ctx.header(REQUIRED_ROLE_HEADER, f.required().label());
                    yield new ApiException(403, f.message(), List.of());
                }
            };
        });
    }

    private static ApiException unauthenticated(Context ctx, String reason) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"steward\"");
        ctx.addHeader("WWW-Authenticate", "Basic realm=\"steward\", charset=\"UTF-8\"");
        return new ApiException(401, reason, List.of());
    }

    private Outcome authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            return new Outcome.Anonymous();
        }
        Instant now = clock.instant();
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return token(header.substring(7).strip(), now);
        }
        BasicAuthCredentials basic = header.regionMatches(true, 0, "Basic ", 0, 6) ? basic(ctx) : null;
        if (basic == null) {
            return new Outcome.Failed("unsupported Authorization header: use Bearer <token> or Basic");
        }
        return password(basic.getUsername(), basic.getPassword(), "addr:" + ctx.ip(), now);
    }

    private static BasicAuthCredentials basic(Context ctx) {
        try {
            return ctx.basicAuthCredentials();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Token failures are not throttled: 256 random bits cannot be guessed, and counting them per address would let one
     * script with an expired token lock out everyone behind the same proxy.
     */
    private Outcome token(String text, Instant now) {
        Optional<ApiToken> token = ApiToken.idOf(text).flatMap(store::token);
        Optional<String> rejected =
                token.isEmpty() ? Optional.of("invalid token") : token.get().rejects(text, now);
        if (rejected.isPresent()) {
            return new Outcome.Failed(rejected.get());
        }
        ApiToken t = token.get();
        if (t.lastUsedAt().map(u -> !now.isBefore(u.plus(TOUCH_EVERY))).orElse(true)) {
            store.markUsed(t.id(), now);
        }
        return new Outcome.Authenticated(new Principal("token:" + t.name(), t.role(), Principal.Kind.TOKEN));
    }

    private Outcome password(String name, String password, String address, Instant now) {
        String userKey = "user:" + name;
        Optional<Instant> blocked = blocked(userKey, now).or(() -> blocked(address, now));
        if (blocked.isPresent()) {
            return new Outcome.Throttled(blocked.get());
        }
        Optional<User> user = user(name);
        boolean ok = verify(password, user.map(User::passwordHash).orElse(dummyHash)) && user.isPresent();
        synchronized (throttle) {
            if (ok) {
                throttle.succeeded(userKey); // not the address: one good account must not reset a guessing run
            } else {
                throttle.failed(userKey, now);
                throttle.failed(address, now);
            }
        }
        return ok
                ? new Outcome.Authenticated(new Principal(name, user.get().role(), Principal.Kind.USER))
                : new Outcome.Failed("invalid user name or password");
    }

    /**
     * A password check holds about 19 MiB for tens of milliseconds: at most one per core runs at a time, so a flood of
     * Basic requests queues instead of exhausting memory.
     */
    private boolean verify(String password, String hash) {
        verifying.acquireUninterruptibly();
        try {
            return hasher.matches(password, hash);
        } finally {
            verifying.release();
        }
    }

    private Optional<Instant> blocked(String key, Instant now) {
        synchronized (throttle) {
            return throttle.blockedUntil(key, now);
        }
    }
}
