package dev.steward.app;

import dev.steward.core.oncall.Contact;
import dev.steward.core.oncall.Person;
import dev.steward.notify.Configured;
import dev.steward.notify.Notifier;
import dev.steward.notify.Notifiers;
import dev.steward.notify.Settings;
import dev.steward.routefile.RouteConfig;
import dev.steward.stackfile.ConfigError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every channel Steward can notify, by name: the integrations of the Alertmanager configuration's receivers ({@code
 * ops/webhook_configs[0]}) and the contact methods of on-call people ({@code email:alice@example.com}). The outbox
 * finds a channel's notifier here by the name stored with each entry, so names stay stable across reloads and
 * restarts. Built once per configuration; invalid settings are all reported at once.
 */
final class ChannelDirectory {
    private final Map<String, Notifier> byChannel;
    private final Map<String, List<String>> receiverChannels;
    private final Map<String, List<String>> contactChannels;

    private ChannelDirectory(
            Map<String, Notifier> byChannel,
            Map<String, List<String>> receiverChannels,
            Map<String, List<String>> contactChannels) {
        this.byChannel = Map.copyOf(byChannel);
        this.receiverChannels = Map.copyOf(receiverChannels);
        this.contactChannels = Map.copyOf(contactChannels);
    }

    /** The directory of a configuration, or every error in its receivers and people's contact methods. */
    static Configured<ChannelDirectory> build(RouteConfig routing, Map<String, Person> people, Settings settings) {
        List<ConfigError> errors = new ArrayList<>();
        Map<String, Notifier> byChannel = new LinkedHashMap<>();
        Map<String, List<String>> receivers = new LinkedHashMap<>();
        switch (Notifiers.forConfig(routing, settings)) {
            case Configured.Valid<Map<String, List<Notifier>>> v ->
                v.value().forEach((receiver, notifiers) -> {
                    List<String> names = new ArrayList<>();
                    for (Notifier n : notifiers) {
                        byChannel.put(n.channel(), n);
                        names.add(n.channel());
                    }
                    receivers.put(receiver, names);
                });
            case Configured.Invalid<Map<String, List<Notifier>>> i -> errors.addAll(i.errors());
        }
        Map<String, List<String>> contacts = new LinkedHashMap<>();
        for (Person p : people.values()) {
            for (int i = 0; i < p.contacts().size(); i++) {
                Contact c = p.contacts().get(i);
                String path = "people." + p.name() + ".contacts[" + i + "]";
                switch (Notifiers.forContact(c.kind().label(), c.address().reveal(), path, settings)) {
                    case Configured.Valid<Notifier> v -> {
                        byChannel.put(v.value().channel(), v.value());
                        contacts.put(key(p.name(), c), List.of(v.value().channel()));
                    }
                    case Configured.Invalid<Notifier> inv -> errors.addAll(inv.errors());
                }
            }
        }
        return Configured.of(new ChannelDirectory(byChannel, receivers, contacts), errors);
    }

    Optional<Notifier> notifier(String channel) {
        return Optional.ofNullable(byChannel.get(channel));
    }

    /** The channels of a receiver; empty for a receiver without integrations (Alertmanager's way to drop alerts). */
    List<String> receiver(String name) {
        return receiverChannels.getOrDefault(name, List.of());
    }

    /** The channel of one of a person's contact methods. */
    List<String> contact(Person person, Contact contact) {
        return contactChannels.getOrDefault(key(person.name(), contact), List.of());
    }

    private static String key(String person, Contact c) {
        return person + "\u0000" + c.kind().label() + "\u0000" + c.address().reveal();
    }
}
