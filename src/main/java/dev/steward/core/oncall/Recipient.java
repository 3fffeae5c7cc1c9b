package dev.steward.core.oncall;

import java.util.List;

/**
 * What one {@link Target} of an escalation level resolves to at an instant: a person with the contact methods a page
 * can use, a receiver (defined in the Alertmanager configuration, which does its own fan-out), or nobody, with the
 * reason so that the dry run and the incident timeline can say why nobody was paged.
 */
public sealed interface Recipient {
    /** The target that led here: the person itself, or the schedule they are on call in. */
    Target via();

    record Reached(Person person, Target via, List<Contact> contacts) implements Recipient {
        public Reached {
            contacts = List.copyOf(contacts);
        }
    }

    record Receiver(String name, Target via) implements Recipient {}

    record Nobody(Target via, String reason) implements Recipient {}
}
