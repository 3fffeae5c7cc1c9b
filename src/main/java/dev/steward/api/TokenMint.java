package dev.steward.api;

import dev.steward.core.access.ApiToken;
import dev.steward.core.access.Role;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Draws the random parts of new API tokens (a 48-bit id, a 256-bit secret); the API and the CLI both use it. */
public final class TokenMint {
    private final SecureRandom random;

    public TokenMint(SecureRandom random) {
        this.random = random;
    }

    public ApiToken.Issued issue(String name, Role role, Instant now, Optional<Duration> validFor) {
        byte[] id = new byte[6];
        byte[] secret = new byte[32];
        random.nextBytes(id);
        random.nextBytes(secret);
        return ApiToken.issue(
                HexFormat.of().formatHex(id),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
                name,
                role,
                now,
                validFor);
    }
}
