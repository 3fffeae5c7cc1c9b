package dev.steward.core.oncall;

/** Whom an escalation level pages: a person, whoever is on call in a schedule at that moment, or a receiver. */
public sealed interface Target {
    String name();

    record Person(String name) implements Target {}

    record Schedule(String name) implements Target {}

    record Receiver(String name) implements Target {}
}
