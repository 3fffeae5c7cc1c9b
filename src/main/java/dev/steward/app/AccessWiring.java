package dev.steward.app;

import dev.steward.api.AccessApi;
import dev.steward.api.AccessControl;
import dev.steward.api.TokenMint;
import dev.steward.core.access.Session;
import dev.steward.core.access.User;
import dev.steward.core.config.AccessConfig;
import dev.steward.password.Argon2PasswordHasher;
import dev.steward.store.jdbc.Database;
import dev.steward.store.jdbc.JdbcAccessStore;
import dev.steward.store.jdbc.JdbcSessionStore;
import io.javalin.config.JavalinConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the daemon's access control (users, tokens, the check before every route) and mounts it. */
final class AccessWiring {
    private static final Logger LOG = LoggerFactory.getLogger(AccessWiring.class);
    private final AccessControl control;
    private final AccessApi api;
    private final boolean loopback;

    private AccessWiring(AccessControl control, AccessApi api, boolean loopback) {
        this.control = control;
        this.api = api;
        this.loopback = loopback;
    }

    static AccessWiring create(
            Database database, InstantSource clock, String host, AccessConfig config, AccessApi.Changes changes) {
        var store = new JdbcAccessStore(database);
        var hasher = new Argon2PasswordHasher();
        boolean loopback = loopbackOnly(host);
        var control =
                new AccessControl(store, new JdbcSessionStore(database), hasher, clock, settings(config, loopback));
        List<User> stackUsers = config.users();
        boolean metricsAnonymous = config.metricsAnonymous();
        if (!control.enforced()) {
            LOG.info(
                    "access control is open: no user or token exists and the API listens on loopback only ({}); "
                            + "create one with `steward token create` or `steward user add` to enforce it",
                    host);
        } else if (stackUsers.isEmpty() && !store.anyCredential()) {
            LOG.warn(
                    "no user or token exists and the API listens on {}: every request except /health{} is refused; "
                            + "create one with `steward token create` or `steward user add`",
                    host,
                    metricsAnonymous ? ", /metrics" : "");
        }
        return new AccessWiring(
                control,
                new AccessApi(store, hasher, new TokenMint(new SecureRandom()), clock, control, changes),
                loopback);
    }

    private static AccessControl.Settings settings(AccessConfig config, boolean loopback) {
        return new AccessControl.Settings(
                config.metricsAnonymous(),
                loopback,
                config.users(),
                new Session.Lifetime(config.sessionIdle(), config.sessionMax()),
                AccessControl.SecureCookies.valueOf(config.secureCookies().toUpperCase(java.util.Locale.ROOT)));
    }

    /** Applies a reloaded stack file's {@code access:} block. */
    void reload(AccessConfig config) {
        control.configure(settings(config, loopback));
    }

    AccessControl control() {
        return control;
    }

    /** Installs the check before every route and the admin API under {@code /api/v1/tokens} and {@code /users}. */
    void mount(JavalinConfig cfg) {
        control.mount(cfg);
        api.mount(cfg);
    }

    static boolean loopbackOnly(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
