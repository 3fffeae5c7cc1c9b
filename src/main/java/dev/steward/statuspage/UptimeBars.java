package dev.steward.statuspage;

import dev.steward.core.config.CheckConfig;
import dev.steward.core.config.ServiceConfig;
import dev.steward.core.config.StackConfig;
import dev.steward.core.config.StatusPageConfig;
import dev.steward.core.rollup.Resolution;
import dev.steward.core.rollup.Rollup;
import dev.steward.core.statuspage.DailyUptime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each component's 90 daily uptime values, read from the rollups and kept for {@link #FRESH}: the page is public
 * and anonymous, and rollups reach the store only once a minute anyway, so a burst of visitors costs one read per
 * component and minute rather than one per visit.
 */
final class UptimeBars {
    static final Duration FRESH = Duration.ofSeconds(60);

    private record Key(String component, List<String> services) {}

    private record Entry(Instant at, List<DailyUptime.Day> days) {}

    private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

    List<DailyUptime.Day> days(StatusPageSource source, StackConfig stack, StatusPageConfig.Component c, Instant now) {
        Key key = new Key(c.name(), c.services());
        Entry e = cache.get(key);
        if (e != null && !now.isBefore(e.at()) && now.isBefore(e.at().plus(FRESH))) {
            return e.days();
        }
        List<DailyUptime.Day> days = DailyUptime.of(rollups(source, stack, c, now), now, DailyUptime.DAYS);
        cache.put(key, new Entry(now, days));
        return days;
    }

    private static List<Rollup> rollups(
            StatusPageSource source, StackConfig stack, StatusPageConfig.Component component, Instant now) {
        Instant from = DailyUptime.from(now, DailyUptime.DAYS);
        Instant hour = Resolution.HOUR.bucketStart(now);
        List<Rollup> out = new ArrayList<>();
        for (String service : component.services()) {
            ServiceConfig s = stack.services().get(service);
            if (s == null) {
                continue;
            }
            for (CheckConfig check : s.checks()) {
                // hourly rollups up to the current hour, then the minutes saved since it began
                out.addAll(source.rollups(check.id(), Resolution.HOUR, from, hour));
                out.addAll(source.rollups(check.id(), Resolution.MINUTE, hour, now.plusSeconds(60)));
            }
        }
        return out;
    }
}
