package dev.steward.amapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.silence.SilenceMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterMatchersTest {
    @Test
    void readsTheFourOperatorsQuotedOrNot() {
        FilterMatchers.Parsed p = FilterMatchers.parse(
                List.of("alertname=\"DiskFull\"", "env!=prod", "job=~\"api|db\"", "{instance!~\"a\\\"b\"}"));

        assertThat(p.error()).isNull();
        assertThat(p.matchers())
                .containsExactly(
                        SilenceMatcher.equal("alertname", "DiskFull"),
                        SilenceMatcher.notEqual("env", "prod"),
                        SilenceMatcher.regex("job", "api|db"),
                        SilenceMatcher.notRegex("instance", "a\"b"));
    }

    @Test
    void aFilterThatIsNotAMatcherIsAnErrorNamingIt() {
        assertThat(FilterMatchers.parse(List.of("a=\"b")).error()).isEqualTo("bad matcher format: a=\"b");
        assertThat(FilterMatchers.parse(List.of("1a=b")).error()).isEqualTo("bad matcher format: 1a=b");
        assertThat(FilterMatchers.parse(List.of("justaname")).error()).isEqualTo("bad matcher format: justaname");
    }
}
