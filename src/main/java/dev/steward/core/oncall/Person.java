package dev.steward.core.oncall;

import java.util.List;

/** Someone who can be paged, with contact methods in order of preference (the first working one is tried first). */
public record Person(String name, List<Contact> contacts) {
    public Person {
        contacts = List.copyOf(contacts);
    }

    /** The contact methods a page can use, in order of preference. */
    public List<Contact> workingContacts() {
        return contacts.stream().filter(Contact::working).toList();
    }

    /** Whether a page can reach this person at all. */
    public boolean reachable() {
        return contacts.stream().anyMatch(Contact::working);
    }
}
