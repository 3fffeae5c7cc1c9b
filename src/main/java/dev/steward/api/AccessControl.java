package dev.steward.api;

import dev.steward.core.access.AccessPolicy;
import dev.steward.core.access.AccessStore;
import dev.steward.core.access.ApiToken;
import dev.steward.core.access.LoginThrottle;
import dev.steward.core.access.PasswordHasher;
import dev.steward.core.access.Principal;
import dev.steward.core.access.Requirement;
import dev.steward.core.access.Session;
import dev.steward.core.access.SessionStore;
import dev.steward.core.access.User;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.router.Endpoint;
import io.javalin.security.BasicAuthCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticates every request that matched a route and checks the role its route needs ({@link AccessPolicy}):
 * {@code Authorization: Bearer stw_...} for API tokens, HTTP Basic for users (curl, amtool). Refusals are the API's
 * JSON errors: 401 with {@code WWW-Authenticate}, 403 with {@code X-Steward-Required-Role}, 429 with
 * {@code Retry-After} while a user name or remote address is throttled after failed logins.
 *
 * <p>Open mode: while no user or token exists and the daemon listens on loopback only, every request is allowed (as
 * an admin), so the demo and local development need no login. The first credential switches enforcement on for the
 * rest of the process. Beyond loopback it is always enforced.
 *
 * <p>Console sessions: {@code POST /login} with a user's password sets the {@value #SESSION_COOKIE} cookie (HttpOnly,
 * SameSite=Lax, Secure when the request came over HTTPS or {@code access.secure_cookies} says so). A request
 * authenticated by that cookie must send the session's CSRF token ({@value #CSRF_HEADER} header or {@code _csrf} form
 * field) with every change; so must every change under {@code /ui} made in open mode or with HTTP Basic, since a
 * browser sends those credentials on its own (API tokens are exempt: only the script holding one sends it).
 */
public final class AccessControl {
    /** The request attribute holding the {@link Principal} who made an authenticated request. */
    public static final String PRINCIPAL = "steward.principal";

    public static final String SESSION_COOKIE = "steward_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";
    private static final String SESSION = "steward.session";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    static final String REQUIRED_ROLE_HEADER = "X-Steward-Required-Role";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final Duration OPEN_RECHECK = Duration.ofSeconds(1);

    /**
     * @param metricsAnonymous whether {@code GET /metrics} needs no credentials (default true: it is a scrape target)
     * @param loopbackOnly whether the daemon listens on a loopback address only (allows open mode)
     * @param stackUsers users defined in the stack file (read-only, not stored)
     */
    public record Settings(
            boolean metricsAnonymous,
            boolean loopbackOnly,
            List<User> stackUsers,
            Session.Lifetime sessions,
            SecureCookies secureCookies) {
        public Settings {
            stackUsers = List.copyOf(stackUsers);
        }

        public Settings(boolean metricsAnonymous, boolean loopbackOnly, List<User> stackUsers) {
            this(metricsAnonymous, loopbackOnly, stackUsers, Session.Lifetime.DEFAULT, SecureCookies.AUTO);
        }
    }

    /** When the session cookie carries {@code Secure}: always, never, or when the request came over HTTPS. */
    public enum SecureCookies {
        AUTO,
        ALWAYS,
        NEVER
    }

    /** A successful login: the cookie's secret (shown to the browser only) and the stored session. */
    public record Login(String secret, Session session) {}

    private sealed interface Outcome {
        record Anonymous() implements Outcome {}

        record Authenticated(Principal who) implements Outcome {}

        record Failed(String reason) implements Outcome {}

        record Throttled(Instant until) implements Outcome {}
    }

    private final AccessStore store;
    private final SessionStore sessions;
    private final SecureRandom random = new SecureRandom();
    private final byte[] csrfKey = new byte[32];
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

    public AccessControl(
            AccessStore store, SessionStore sessions, PasswordHasher hasher, InstantSource clock, Settings settings) {
        this.store = store;
        this.sessions = sessions;
        random.nextBytes(csrfKey);
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
            checkCsrf(ctx, endpoint.path, Principal.open());
            return;
        }
        Optional<Principal> who = switch (authenticate(ctx)) {
            case Outcome.Anonymous a -> Optional.empty();
            case Outcome.Authenticated a -> Optional.of(a.who());
            case Outcome.Failed f ->
                throw isConsolePage(ctx, endpoint.path) ? loginRequired(ctx) : unauthenticated(ctx, f.reason());
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
                case AccessPolicy.Refusal.Unauthenticated u
                when isConsolePage(ctx, endpoint.path) -> loginRequired(ctx);
                case AccessPolicy.Refusal.Unauthenticated u -> unauthenticated(ctx, u.message());
                case AccessPolicy.Refusal.Forbidden f -> {
                    ctx.header(REQUIRED_ROLE_HEADER, f.required().label());
                    yield new ApiException(403, f.message(), List.of());
                }
            };
        });
        who.ifPresent(p -> checkCsrf(ctx, endpoint.path, p));
    }

    private static LoginRequired loginRequired(Context ctx) {
        String query = ctx.queryString();
        return new LoginRequired(ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    private static boolean isConsolePage(Context ctx, String path) {
        // not the live stream: an EventSource cannot follow a redirect to a form
        return "GET".equals(ctx.method().name())
                && (path.equals("/ui") || path.startsWith("/ui/"))
                && !path.equals("/ui/events");
    }

    /**
     * Refuses a change made through a cookie session, or any change under {@code /ui}, that does not carry the CSRF
     * token of who makes it: a page of another site can make the browser send cookies and Basic credentials, but it
     * cannot read the token.
     */
    private void checkCsrf(Context ctx, String path, Principal who) {
        if (SAFE_METHODS.contains(ctx.method().name())) {
            return;
        }
        boolean console = path.equals("/ui") || path.startsWith("/ui/") || path.equals("/logout");
        // a token is sent only by the script that holds it, never by a browser on its own
        if (who.kind() == Principal.Kind.TOKEN || (who.kind() != Principal.Kind.SESSION && !console)) {
            return;
        }
        String presented = ctx.header(CSRF_HEADER);
        if (presented == null) {
            presented = formField(ctx, CSRF_FIELD);
        }
        String expected = csrfToken(ctx, who);
        if (presented == null
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(
                    403,
                    "missing or wrong CSRF token: send the page's token in the " + CSRF_HEADER + " header or the "
                            + CSRF_FIELD + " form field",
                    List.of());
        }
    }

    private static String formField(Context ctx, String name) {
        String type = ctx.contentType();
        if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
            return null;
        }
        return ctx.formParam(name);
    }

    /**
     * The CSRF token for {@code who} on this request: a session's own token, otherwise a keyed hash of who it is (the
     * key is made at start, so such pages must be reloaded after a restart).
     */
    public String csrfToken(Context ctx, Principal who) {
        Session session = ctx.attribute(SESSION);
        if (who.kind() == Principal.Kind.SESSION && session != null) {
            return session.csrf();
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(csrfKey, "HmacSHA256"));
            byte[] sig = mac.doFinal((who.kind() + ":" + who.name()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /**
     * Checks {@code name}'s password (throttled like HTTP Basic) and, when it is right, stores a new session and
     * returns it; otherwise the reason, which says nothing about whether the user exists.
     */
    public sealed interface LoginOutcome {
        record LoggedIn(Login login) implements LoginOutcome {}

        record Refused(String reason) implements LoginOutcome {}

        record Throttled(long retryAfterSeconds) implements LoginOutcome {}
    }

    public LoginOutcome login(String name, String password, String address) {
        Instant now = clock.instant();
        return switch (password(name, password, "addr:" + address, now)) {
            case Outcome.Authenticated a -> {
                byte[] secret = new byte[32];
                random.nextBytes(secret);
                byte[] csrf = new byte[32];
                random.nextBytes(csrf);
                String text = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
                Session session = new Session(
                        sha256(text),
                        name,
                        Base64.getUrlEncoder().withoutPadding().encodeToString(csrf),
                        now,
                        now,
                        now.plus(settings.sessions().absolute()),
                        address);
                sessions.add(session);
                sessions.removeExpired(now, now.minus(settings.sessions().idle()));
                yield new LoginOutcome.LoggedIn(new Login(text, session));
            }
            case Outcome.Throttled t ->
                new LoginOutcome.Throttled(
                        Math.max(1, Duration.between(now, t.until()).toSeconds() + 1));
            case Outcome.Failed f -> new LoginOutcome.Refused(f.reason());
            case Outcome.Anonymous a -> new LoginOutcome.Refused("invalid user name or password");
        };
    }

    /** The cookie that carries {@code login} to the browser. */
    public Cookie sessionCookie(Context ctx, Login login) {
        int maxAge = (int) settings.sessions().absolute().toSeconds();
        return new Cookie(SESSION_COOKIE, login.secret(), "/", maxAge, secure(ctx), true, null, SameSite.LAX);
    }

    /** Ends the request's session (if it came with one) and returns the cookie that clears it in the browser. */
    public Cookie logout(Context ctx) {
        String secret = ctx.cookie(SESSION_COOKIE);
        if (secret != null && !secret.isBlank()) {
            sessions.remove(sha256(secret));
        }
        return new Cookie(SESSION_COOKIE, "", "/", 0, secure(ctx), true, null, SameSite.LAX);
    }

    private boolean secure(Context ctx) {
        return switch (settings.secureCookies()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO ->
                "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        };
    }

    /** Ends every session of {@code user} (removed, or given a new password). */
    public int endSessions(String user) {
        return sessions.removeUser(user);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static ApiException unauthenticated(Context ctx, String reason) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"steward\"");
        ctx.addHeader("WWW-Authenticate", "Basic realm=\"steward\", charset=\"UTF-8\"");
        return new ApiException(401, reason, List.of());
    }

    private Outcome authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            String cookie = ctx.cookie(SESSION_COOKIE);
            return cookie == null || cookie.isBlank() ? new Outcome.Anonymous() : session(ctx, cookie);
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

    private Outcome session(Context ctx, String secret) {
        Instant now = clock.instant();
        Optional<Session> found = sessions.session(sha256(secret));
        if (found.isEmpty()) {
            return new Outcome.Failed("unknown or ended session; log in again");
        }
        Session s = found.get();
        Optional<String> rejected = s.rejects(now, settings.sessions());
        if (rejected.isPresent()) {
            sessions.remove(s.id());
            return new Outcome.Failed(rejected.get());
        }
        Optional<User> user = user(s.user());
        if (user.isEmpty()) {
            sessions.remove(s.id());
            return new Outcome.Failed("user " + s.user() + " no longer exists");
        }
        if (s.touchDue(now)) {
            sessions.touch(s.id(), now);
        }
        ctx.attribute(SESSION, s);
        return new Outcome.Authenticated(new Principal(s.user(), user.get().role(), Principal.Kind.SESSION));
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
