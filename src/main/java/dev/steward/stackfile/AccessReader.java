package dev.steward.stackfile;

import dev.steward.core.access.Role;
import dev.steward.core.access.User;
import dev.steward.core.config.AccessConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the stack's {@code access:} block (see {@link AccessConfig}): {@code metrics_anonymous} and {@code users}. */
final class AccessReader {
    static final List<String> KEYS =
            List.of("metrics_anonymous", "users", "session_idle", "session_max", "secure_cookies");
    static final List<String> USER_KEYS = List.of("role", "password_hash");
    // Argon2 (PHC string) or bcrypt, as Steward's hasher checks them; a plain password is refused
    private static final Pattern HASH =
            Pattern.compile("\\$argon2(id|i)\\$v=\\d+\\$m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+"
                    + "|\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    static final String HASH_EXPECTED =
            "an Argon2id hash ($argon2id$v=19$...) or a bcrypt hash ($2y$10$..., htpasswd -nB), never a plain password";

    private AccessReader() {}

    static AccessConfig read(NodeReader r, YamlNode node, String path) {
        Optional<Fields> fields = r.fields(node, path, "a mapping of " + String.join(", ", KEYS), KEYS);
        if (fields.isEmpty()) {
            return AccessConfig.DEFAULTS;
        }
        Fields f = fields.get();
        boolean metrics = f.get("metrics_anonymous")
                .flatMap(n -> r.bool(n, f.path("metrics_anonymous")))
                .orElse(AccessConfig.DEFAULTS.metricsAnonymous());
        List<User> users = f.get("users").map(n -> users(r, n, f.path("users"))).orElse(List.of());
        AccessConfig d = AccessConfig.DEFAULTS;
        java.time.Duration idle = f.get("session_idle")
                .flatMap(n -> r.duration(n, f.path("session_idle")))
                .orElse(d.sessionIdle());
        java.time.Duration max = f.get("session_max")
                .flatMap(n -> r.duration(n, f.path("session_max")))
                .orElse(d.sessionMax());
        if (max.compareTo(idle) < 0) {
            String seen = max + " < " + idle;
            f.get("session_max")
                    .or(() -> f.get("session_idle"))
                    .ifPresent(n -> r.diagnostics.add(
                            n,
                            f.path("session_max"),
                            "session_max is shorter than session_idle:",
                            seen,
                            "session_max at least as long as session_idle"));
            max = idle;
        }
        String secure = f.get("secure_cookies")
                .flatMap(n -> r.text(n, f.path("secure_cookies")).filter(v -> {
                    if (AccessConfig.SECURE_COOKIES.contains(v)) {
                        return true;
                    }
                    r.diagnostics.add(
                            n, f.path("secure_cookies"), "unknown value", Quote.of(v), "auto, always or never");
                    return false;
                }))
                .orElse(d.secureCookies());
        return new AccessConfig(metrics, users, idle, max, secure);
    }

    private static List<User> users(NodeReader r, YamlNode node, String path) {
        List<User> out = new ArrayList<>();
        if (!(node instanceof YamlNode.Mapping m)) {
            r.wrongType(node, path, "a mapping of user names to {role, password_hash}");
            return out;
        }
        for (YamlNode.Entry e : m.entries()) {
            String name = e.key().value();
            String userPath = KeyPath.key(path, name);
            if (!User.NAME.matcher(name).matches()) {
                r.diagnostics.add(e.key(), userPath, "invalid user name", Quote.of(name), User.NAME_EXPECTED);
                continue;
            }
            user(r, name, e.value(), userPath).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<User> user(NodeReader r, String name, YamlNode node, String path) {
        Optional<Fields> fields = r.fields(node, path, "a mapping of role, password_hash", USER_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<Role> role = r.require(f, "role", Role.EXPECTED)
                .flatMap(n -> r.scalar(n, f.path("role"), Role.EXPECTED))
                .flatMap(s -> {
                    Optional<Role> parsed = Role.parse(s.value());
                    if (parsed.isEmpty()) {
                        r.diagnostics.add(s, f.path("role"), "invalid role", Quote.of(s.value()), Role.EXPECTED);
                    }
                    return parsed;
                });
        Optional<String> hash = r.require(f, "password_hash", HASH_EXPECTED)
                .flatMap(n -> r.secret(n, f.path("password_hash")).map(secret -> {
                    if (!HASH.matcher(secret.reveal()).matches()) {
                        // the value is not quoted back: it may be a password written by mistake
                        r.diagnostics.add(n, f.path("password_hash"), "not a password hash", null, HASH_EXPECTED);
                        return null;
                    }
                    return secret.reveal();
                }));
        if (role.isEmpty() || hash.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new User(name, role.get(), hash.get(), User.Source.STACK_FILE));
    }
}
