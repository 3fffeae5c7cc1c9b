package dev.steward.routefile;

import dev.steward.core.route.Parsed;
import dev.steward.core.route.TimeInterval;
import dev.steward.core.route.TimePeriod;
import dev.steward.core.route.TimePeriod.IntRange;
import dev.steward.core.route.TimePeriodText;
import dev.steward.yaml.YamlFields;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads one entry of {@code time_intervals} (or {@code mute_time_intervals}): a name and its periods. */
final class TimeIntervalReader {
    private static final List<String> FIELDS = List.of("name", "time_intervals");
    private static final List<String> PERIOD =
            List.of("times", "weekdays", "days_of_month", "months", "years", "location");
    private static final List<String> TIMES = List.of("start_time", "end_time");

    private final YamlFields y;

    TimeIntervalReader(YamlFields y) {
        this.y = y;
    }

    /** The interval, or null when it has no name (already reported). */
    TimeInterval interval(Node node, String path) {
        Map<String, Node> f = y.fields(node, path, FIELDS, "a mapping with name and time_intervals");
        String name = y.text(f.get("name"), path + ".name", "a name").orElse(null);
        if (name == null || name.isEmpty()) {
            y.error(node, path + ".name", "missing", null, "the interval's name");
        }
        List<TimePeriod> periods = new ArrayList<>();
        List<Node> items = y.list(f.get("time_intervals"), path + ".time_intervals", "a list of time periods");
        for (int i = 0; i < items.size(); i++) {
            periods.add(period(items.get(i), path + ".time_intervals[" + i + "]"));
        }
        return name == null || name.isEmpty() ? null : new TimeInterval(name, periods);
    }

    private TimePeriod period(Node node, String path) {
        Map<String, Node> f = y.fields(node, path, PERIOD, "a time period mapping");
        List<IntRange> times = new ArrayList<>();
        List<Node> items = y.list(f.get("times"), path + ".times", "a list of start_time/end_time mappings");
        for (int i = 0; i < items.size(); i++) {
            String p = path + ".times[" + i + "]";
            Map<String, Node> t = y.fields(items.get(i), p, TIMES, "a mapping with start_time and end_time");
            var start = y.text(t.get("start_time"), p + ".start_time", "HH:MM");
            var end = y.text(t.get("end_time"), p + ".end_time", "HH:MM");
            if (start.isEmpty() || end.isEmpty()) {
                y.error(
                        items.get(i),
                        p,
                        "needs both start_time and end_time",
                        null,
                        "start_time: 09:00, end_time: 17:00");
                continue;
            }
            add(TimePeriodText.times(start.get(), end.get()), items.get(i), p, times);
        }
        ZoneId zone = y.text(f.get("location"), path + ".location", "an IANA time zone")
                .map(l -> switch (TimePeriodText.location(l)) {
                    case Parsed.Ok<ZoneId>(ZoneId z) -> z;
                    case Parsed.Failed<ZoneId>(String reason) -> {
                        y.error(f.get("location"), path + ".location", reason, null, null);
                        yield ZoneOffset.UTC;
                    }
                })
                .orElse(ZoneOffset.UTC);
        return new TimePeriod(
                times,
                ranges(f.get("weekdays"), path + ".weekdays", TimePeriodText::weekdays),
                ranges(f.get("days_of_month"), path + ".days_of_month", TimePeriodText::daysOfMonth),
                ranges(f.get("months"), path + ".months", TimePeriodText::months),
                ranges(f.get("years"), path + ".years", TimePeriodText::years),
                zone);
    }

    private List<IntRange> ranges(Node node, String path, Function<String, Parsed<IntRange>> parse) {
        List<IntRange> out = new ArrayList<>();
        List<Node> items = y.list(node, path, "a list of values or ranges");
        for (int i = 0; i < items.size(); i++) {
            String p = path + "[" + i + "]";
            Node item = items.get(i);
            y.text(item, p, "a value or a range such as a:b").ifPresent(t -> add(parse.apply(t), item, p, out));
        }
        return out;
    }

    private void add(Parsed<IntRange> parsed, Node at, String path, List<IntRange> out) {
        switch (parsed) {
            case Parsed.Ok<IntRange>(IntRange r) -> out.add(r);
            case Parsed.Failed<IntRange>(String reason) -> y.error(at, path, reason, null, null);
        }
    }
}
