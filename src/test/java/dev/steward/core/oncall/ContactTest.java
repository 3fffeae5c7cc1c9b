package dev.steward.core.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.config.Secret;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactTest {
    @ParameterizedTest(name = "{0} {1} working: {2}")
    @CsvSource({
        "email, alice@example.com, true",
        "email, alice.o'neil+ops@mail.example.co.uk, true",
        "email, alice@localhost, false",
        "email, alice example.com, false",
        "email, '', false",
        "slack, '#ops', true",
        "slack, '@alice', true",
        "slack, U0123ABCD, true",
        "slack, https://hooks.slack.com/services/T0/B0/XYZ, true",
        "slack, http://hooks.slack.com/services/T0/B0/XYZ, false",
        "slack, ops channel, false",
        "webhook, https://hooks.example.com/page, true",
        "webhook, http://10.0.0.1:8080/page, true",
        "webhook, ftp://example.com/page, false",
        "webhook, https:///nohost, false",
        "pagerduty, 0123456789abcdef0123456789abcdef, true",
        "pagerduty, '', false",
        "pagerduty, 'two words', false"
    })
    void aContactWorksWhenItsAddressIsWellFormedForItsKind(String kind, String address, boolean working) {
        Contact c = new Contact(ContactKind.byLabel(kind).orElseThrow(), Secret.plain(address));

        assertThat(c.working()).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sms", "EMAIL", "''"})
    void unknownKindsAreNotKinds(String label) {
        assertThat(ContactKind.byLabel(label)).isEmpty();
    }
}
