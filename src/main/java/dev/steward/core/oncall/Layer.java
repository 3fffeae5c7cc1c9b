package dev.steward.core.oncall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One rotation of a schedule: {@code members} take turns in order, the first turn beginning at the first hand-off
 * (the {@code start} date at the hand-off time; for a weekly rotation the first hand-off weekday on or after
 * {@code start}). Before that the layer has nobody. Hand-off instants follow {@link WallTime#reach}: the first instant
 * at which the layer's clocks show the hand-off time, so 09:00 stays 09:00 local across daylight-saving changes (see
 * {@link Rotation}). With restrictions, the member whose turn it is is on duty only inside one of the windows.
 */
public record Layer(
        String name,
        List<String> members,
        Rotation rotation,
        LocalTime handoff,
        ZoneId zone,
        LocalDate start,
        List<Restriction> restrictions) {

    public Layer {
        members = List.copyOf(members);
        restrictions = List.copyOf(restrictions);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("layer " + name + ": expected at least one member");
        }
    }

    /** The member on duty at {@code at}, if any. */
    public Optional<String> memberAt(Instant at) {
        long turn = turn(at);
        if (turn < 0 || !onDuty(at)) {
            return Optional.empty();
        }
        return Optional.of(members.get((int) Math.floorMod(turn, (long) members.size())));
    }

    /** The instant turn {@code k} begins (turn 0 is the first hand-off). */
    public Instant handoff(long k) {
        return WallTime.reach(anchor().plusSeconds(k * rotation.stepSeconds()), zone);
    }

    /** The number of the turn running at {@code at}, or -1 before the first hand-off. */
    long turn(Instant at) {
        if (at.isBefore(handoff(0))) {
            return -1;
        }
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        long k = Math.max(0, Math.floorDiv(Duration.between(anchor(), local).toSeconds(), rotation.stepSeconds()));
        while (k > 0 && handoff(k).isAfter(at)) {
            k--;
        }
        while (!handoff(k + 1).isAfter(at)) {
            k++;
        }
        return k;
    }

    /** Every instant in {@code (from, to)} at which who is on duty in this layer may change. */
    void changes(Instant from, Instant to, TreeSet<Instant> into) {
        for (long k = Math.max(0, turn(from)); ; k++) {
            Instant h = handoff(k);
            if (!h.isBefore(to)) {
                break;
            }
            addInside(h, from, to, into);
        }
        LocalDate last = LocalDate.ofInstant(to, zone).plusDays(1);
        for (LocalDate d = LocalDate.ofInstant(from, zone).minusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            for (Restriction r : restrictions) {
                addInside(WallTime.reach(d.atTime(r.from()), zone), from, to, into);
                addInside(WallTime.reach(d.atTime(r.to()), zone), from, to, into);
            }
        }
    }

    private boolean onDuty(Instant at) {
        if (restrictions.isEmpty()) {
            return true;
        }
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        return restrictions.stream().anyMatch(r -> r.contains(local));
    }

    private LocalDateTime anchor() {
        return rotation.firstHandoff(start).atTime(handoff);
    }

    private static void addInside(Instant t, Instant from, Instant to, TreeSet<Instant> into) {
        if (t.isAfter(from) && t.isBefore(to)) {
            into.add(t);
        }
    }
}
