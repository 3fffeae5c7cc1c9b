package dev.steward.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiTokenTest {
    private static final Instant NOW = Instant.parse("2026-12-31T23:59:59Z");
    private static final String SECRET = "Abc_def-0123456789abcdefghijklmnopqrstuvwxyz";

    @Test
    void theTextCarriesItsIdAndOnlyItsHashIsKept() {
        ApiToken.Issued issued =
                ApiToken.issue("a1b2c3d4e5f6", SECRET, "ci", Role.OPERATOR, NOW, Optional.of(Duration.ofDays(90)));
        assertThat(issued.text()).isEqualTo("stw_a1b2c3d4e5f6_" + SECRET);
        assertThat(ApiToken.idOf(issued.text())).contains("a1b2c3d4e5f6");
        assertThat(issued.token().hash()).hasSize(64).doesNotContain(SECRET);
        assertThat(issued.token().toString()).doesNotContain(SECRET);
        assertThat(issued.token().expiresAt()).contains(NOW.plus(Duration.ofDays(90)));
    }

    @Test
    void aTokenIsAcceptedUntilItExpires() {
        ApiToken t = ApiToken.issue("a1b2c3d4e5f6", SECRET, "ci", Role.VIEWER, NOW, Optional.of(Duration.ofHours(1)))
                .token();
        String text = "stw_a1b2c3d4e5f6_" + SECRET;
        assertThat(t.rejects(text, NOW.plusSeconds(3599))).isEmpty();
        assertThat(t.rejects(text, NOW.plusSeconds(3600)))
                .hasValueSatisfying(r -> assertThat(r).startsWith("token ci expired at 2027-01-01T00:59:59Z"));
        assertThat(t.rejects(text + "x", NOW)).contains("invalid token");
    }

    @Test
    void aTokenWithoutExpiryNeverExpires() {
        ApiToken t = ApiToken.issue("a1b2c3d4e5f6", SECRET, "ci", Role.VIEWER, NOW, Optional.empty())
                .token();
        assertThat(t.rejects("stw_a1b2c3d4e5f6_" + SECRET, NOW.plus(Duration.ofDays(36500))))
                .isEmpty();
    }

    @Test
    void textsOfTheWrongFormHaveNoId() {
        assertThat(ApiToken.idOf("Bearer xyz")).isEmpty();
        assertThat(ApiToken.idOf("stw_")).isEmpty();
        assertThat(ApiToken.idOf("stw_ABC_" + SECRET)).isEmpty();
        assertThat(ApiToken.idOf("stw_a1b2c3d4e5f6_short")).isEmpty();
    }

    @Test
    void randomPartsOfTheWrongFormAreRefused() {
        assertThatThrownBy(() -> ApiToken.issue("x", SECRET, "ci", Role.VIEWER, NOW, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
