package dev.steward.api;

import dev.steward.core.access.AccessStore;
import dev.steward.core.access.ApiToken;
import dev.steward.core.access.PasswordHasher;
import dev.steward.core.access.Role;
import dev.steward.core.access.User;
import dev.steward.core.expect.DurationLiteral;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/tokens} and {@code /api/v1/users}: the admin's side of access control. A token's text is in the
 * answer to its creation only; afterwards the API shows its id, name, role and times, never the secret or its hash.
 */
public final class AccessApi {
    /** How long a token lives when the request names no {@code expires_in}. */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofDays(90);

    static final int MIN_PASSWORD = 8;
    private final AccessStore store;
    private final PasswordHasher hasher;
    private final TokenMint mint;
    private final InstantSource clock;
    private final AccessControl control;
    private final Changes changes;
    private final JsonMapper json = JsonMapper.builder().build();

    /** Where user and token changes are recorded (the audit log): who, action, target, before and after as JSON. */
    @FunctionalInterface
    public interface Changes {
        Changes NONE = (actor, action, target, before, after) -> {};

        void record(String actor, String action, String target, String before, String after);
    }

    public AccessApi(
            AccessStore store, PasswordHasher hasher, TokenMint mint, InstantSource clock, AccessControl control) {
        this(store, hasher, mint, clock, control, Changes.NONE);
    }

    public AccessApi(
            AccessStore store,
            PasswordHasher hasher,
            TokenMint mint,
            InstantSource clock,
            AccessControl control,
            Changes changes) {
        this.changes = changes;
        this.store = store;
        this.hasher = hasher;
        this.mint = mint;
        this.clock = clock;
        this.control = control;
    }

    public void mount(JavalinConfig cfg) {
        cfg.routes.post("/api/v1/tokens", this::createToken);
        cfg.routes.get(
                "/api/v1/tokens",
                ctx -> send(
                        ctx, 200, store.tokens().stream().map(AccessApi::render).toList()));
        cfg.routes.delete("/api/v1/tokens/{id}", ctx -> {
            String id = ctx.pathParam("id");
            Optional<ApiToken> before = store.token(id);
            if (before.isEmpty() || !store.removeToken(id)) {
                throw ApiException.notFound("no token " + id);
            }
            changes.record(actor(ctx), "token.revoke", "token/" + id, text(render(before.get())), "");
            ctx.status(204);
        });
        cfg.routes.post("/api/v1/users", this::createUser);
        cfg.routes.get("/api/v1/users", this::listUsers);
        cfg.routes.delete("/api/v1/users/{name}", this::deleteUser);
    }

    private void createToken(Context ctx) {
        JsonNode body = body(ctx);
        List<ApiException.FieldError> errors = new ArrayList<>();
        String name = body.path("name").asString("");
        if (!ApiToken.NAME.matcher(name).matches()) {
            errors.add(new ApiException.FieldError("name", name, "1 to 64 letters, digits, spaces or ._:@-"));
        }
        Optional<Role> role = role(body, errors);
        Optional<Duration> validFor = lifetime(body.path("expires_in").asString(""), errors);
        if (!errors.isEmpty()) {
            throw new ApiException(400, "invalid token request", errors);
        }
        ApiToken.Issued issued = mint.issue(name, role.orElseThrow(), clock.instant(), validFor);
        store.addToken(issued.token());
        control.credentialsChanged();
        changes.record(actor(ctx), "token.create", "token/" + issued.token().id(), "", text(render(issued.token())));
        Map<String, Object> doc = render(issued.token());
        doc.put("token", issued.text());
        send(ctx, 201, doc);
    }

    /** {@code "90d"}, {@code "never"} or empty (the default lifetime). */
    public static Optional<Duration> lifetime(String text, List<ApiException.FieldError> errors) {
        if (text.isEmpty()) {
            return Optional.of(DEFAULT_TOKEN_LIFETIME);
        }
        if (text.equals("never")) {
            return Optional.empty();
        }
        Optional<Duration> d = DurationLiteral.parse(text).filter(x -> !x.isZero() && !x.isNegative());
        if (d.isEmpty()) {
            errors.add(new ApiException.FieldError("expires_in", text, "a positive duration such as 90d, or never"));
        }
        return d;
    }

    private void createUser(Context ctx) {
        JsonNode body = body(ctx);
        List<ApiException.FieldError> errors = new ArrayList<>();
        String name = body.path("name").asString("");
        if (!User.NAME.matcher(name).matches()) {
            errors.add(new ApiException.FieldError("name", name, User.NAME_EXPECTED));
        }
        Optional<Role> role = role(body, errors);
        String password = body.path("password").asString("");
        if (password.length() < MIN_PASSWORD) {
            errors.add(new ApiException.FieldError("password", "(hidden)", "at least " + MIN_PASSWORD + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "invalid user", errors);
        }
        if (control.stackUsers().stream().anyMatch(u -> u.name().equals(name))
                || !store.addUser(new User(name, role.orElseThrow(), hasher.hash(password), User.Source.STORE))) {
            throw new ApiException(409, "user " + name + " exists", List.of());
        }
        control.credentialsChanged();
        changes.record(actor(ctx), "user.create", "user/" + name, "", text(render(name, role.orElseThrow(), "store")));
        send(ctx, 201, render(name, role.orElseThrow(), "store"));
    }

    private void listUsers(Context ctx) {
        List<Object> out = new ArrayList<>();
        for (User u : control.stackUsers()) {
            out.add(render(u.name(), u.role(), "stack_file"));
        }
        for (User u : store.users()) {
            out.add(render(u.name(), u.role(), "store"));
        }
        send(ctx, 200, out);
    }

    private void deleteUser(Context ctx) {
        String name = ctx.pathParam("name");
        if (control.stackUsers().stream().anyMatch(u -> u.name().equals(name))) {
            throw new ApiException(409, "user " + name + " is defined in the stack file; remove it there", List.of());
        }
        Optional<User> before = store.user(name);
        if (before.isEmpty() || !store.removeUser(name)) {
            throw ApiException.notFound("no user " + name);
        }
        int ended = control.endSessions(name);
        changes.record(
                actor(ctx),
                "user.remove",
                "user/" + name,
                text(render(name, before.get().role(), "store")),
                ended == 0 ? "" : text(Map.of("sessions_ended", ended)));
        ctx.status(204);
    }

    private static String actor(Context ctx) {
        return AccessControl.principal(ctx).map(p -> p.name()).orElse("unknown");
    }

    private String text(Object doc) {
        return json.writeValueAsString(doc);
    }

    private static Optional<Role> role(JsonNode body, List<ApiException.FieldError> errors) {
        String text = body.path("role").asString("");
        Optional<Role> role = Role.parse(text);
        if (role.isEmpty()) {
            errors.add(new ApiException.FieldError("role", text, Role.EXPECTED));
        }
        return role;
    }

    private static Map<String, Object> render(String name, Role role, String source) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("role", role.label());
        m.put("source", source);
        return m;
    }

    static Map<String, Object> render(ApiToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("role", t.role().label());
        m.put("created_at", t.createdAt().toString());
        m.put("expires_at", t.expiresAt().map(Instant::toString).orElse(null));
        m.put("last_used_at", t.lastUsedAt().map(Instant::toString).orElse(null));
        return m;
    }

    private JsonNode body(Context ctx) {
        String text = ctx.body();
        JsonNode n;
        try {
            n = text.isBlank() ? json.createObjectNode() : json.readTree(text);
        } catch (RuntimeException e) {
            n = null;
        }
        if (n == null || !n.isObject()) {
            throw new ApiException(400, "bad body", List.of(new ApiException.FieldError("body", "", "a JSON object")));
        }
        return n;
    }

    private void send(Context ctx, int status, Object doc) {
        ctx.status(status).contentType(ApiServer.JSON).result(json.writeValueAsString(doc));
    }
}
