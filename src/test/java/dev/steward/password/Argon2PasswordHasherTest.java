package dev.steward.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {
    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();

    @Test
    void hashesWithArgon2idAndASaltOfItsOwn() {
        String a = hasher.hash("correct horse");
        String b = hasher.hash("correct horse");
        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(b);
        assertThat(hasher.matches("correct horse", a)).isTrue();
        assertThat(hasher.matches("correct horsf", a)).isFalse();
        assertThat(hasher.recognises(a)).isTrue();
    }

    @Test
    void checksBcryptHashesAsHtpasswdWritesThem() {
        // htpasswd -nbB ann 'correct horse' (cost 5)
        String bcrypt = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(5).encode("correct horse");
        assertThat(hasher.recognises(bcrypt)).isTrue();
        assertThat(hasher.matches("correct horse", bcrypt)).isTrue();
        assertThat(hasher.matches("wrong", bcrypt)).isFalse();
    }

    @Test
    void aMalformedHashMatchesNothing() {
        assertThat(hasher.matches("x", "$argon2id$garbage")).isFalse();
        assertThat(hasher.matches("x", "plain")).isFalse();
        assertThat(hasher.recognises("plain")).isFalse();
    }
}
