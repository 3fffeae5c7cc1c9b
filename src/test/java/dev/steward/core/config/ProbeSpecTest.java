package dev.steward.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProbeSpecTest {
    @Test
    void targetsNeverShowCredentials() {
        var http = new ProbeSpec.Http(
                "GET",
                URI.create("https://ops:s3cret@example.test/health"),
                Map.of(),
                Optional.empty(),
                true,
                ProbeSpec.Tls.DEFAULT,
                Optional.empty());
        assertThat(http.target()).isEqualTo("https://<redacted>@example.test/health");
        var pg = new ProbeSpec.Postgres(
                "jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true",
                Optional.empty(),
                Optional.empty(),
                "select 1");
        assertThat(pg.target()).isEqualTo("jdbc:postgresql://db:5432/app?user=app&password=<redacted>&ssl=true");
        var redis = new ProbeSpec.Redis(Secret.of("redis://:s3cret@cache:6379", "redis://:${env:PW}@cache:6379"));
        assertThat(redis.target()).doesNotContain("s3cret");
    }
}
