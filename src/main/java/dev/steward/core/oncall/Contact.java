package dev.steward.core.oncall;

import dev.steward.core.config.Secret;
import java.util.Objects;

/**
 * One way to reach a person. The address is a {@link Secret} because routing keys and webhook URLs are credentials:
 * {@code toString()} shows it as written ({@code ${env:ALICE_PD_KEY}}), notifiers call {@code reveal()}.
 */
public record Contact(ContactKind kind, Secret address) {
    public Contact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
    }

    public static Contact of(ContactKind kind, String address) {
        return new Contact(kind, Secret.plain(address));
    }

    /** Whether a page sent this way can arrive: the address is well-formed for its kind. */
    public boolean working() {
        return kind.accepts(address.reveal());
    }

    @Override
    public String toString() {
        return kind.label() + " " + address;
    }
}
