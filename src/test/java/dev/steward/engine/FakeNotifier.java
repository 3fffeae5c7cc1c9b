package dev.steward.engine;

import dev.steward.core.notify.Message;
import dev.steward.notify.Notifier;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A notifier whose answer depends on the (test) time, and that remembers every attempt. */
final class FakeNotifier implements Notifier {
    record Attempt(Instant at, Message message, String idempotencyKey, Delivery delivery) {}

    static final Delivery OK = new Delivery.Delivered("200 OK");
    static final Delivery DOWN = new Delivery.Failed("connect", "connection refused", true);
    static final Delivery REJECTED = new Delivery.Failed("status 400", "invalid payload", false);

    private final String channel;
    private final InstantSource clock;
    private final Function<Instant, Delivery> answer;
    private final List<Attempt> attempts = new ArrayList<>();

    FakeNotifier(String channel, InstantSource clock, Function<Instant, Delivery> answer) {
        this.channel = channel;
        this.clock = clock;
        this.answer = answer;
    }

    static FakeNotifier up(String channel, InstantSource clock) {
        return new FakeNotifier(channel, clock, at -> OK);
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public synchronized Delivery deliver(Message message, String idempotencyKey) {
        Delivery d = answer.apply(clock.instant());
        attempts.add(new Attempt(clock.instant(), message, idempotencyKey, d));
        return d;
    }

    synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** The attempts that the receiver accepted, in the order it accepted them. */
    synchronized List<Attempt> delivered() {
        return attempts.stream()
                .filter(a -> a.delivery() instanceof Delivery.Delivered)
                .toList();
    }
}
