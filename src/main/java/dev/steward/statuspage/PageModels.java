package dev.steward.statuspage;

import dev.steward.core.config.ServiceConfig;
import dev.steward.core.config.StackConfig;
import dev.steward.core.config.StatusPageConfig;
import dev.steward.core.maintenance.MaintenanceCalendar;
import dev.steward.core.maintenance.Occurrence;
import dev.steward.core.series.Labels;
import dev.steward.core.statuspage.ComponentPolicy;
import dev.steward.core.statuspage.ComponentStatus;
import dev.steward.core.statuspage.DailyUptime;
import dev.steward.core.statuspage.PublicIncident;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the {@link PageModel} from the daemon's state and the registry's incidents. */
final class PageModels {
    public static final Duration PAST = Duration.ofDays(14);
    public static final Duration MAINTENANCE_AHEAD = Duration.ofDays(14);

    private PageModels() {}

    static PageModel build(StatusPageSource source, StatusPageRegistry registry, UptimeBars bars) {
        Instant now = source.now();
        StackConfig stack = source.config();
        StatusPageConfig page = stack.statusPage();
        Map<String, ComponentStatus> statuses = source.components();
        List<PageModel.Group> groups = new ArrayList<>();
        for (StatusPageConfig.Group g : page.groups()) {
            List<PageModel.Component> components = new ArrayList<>();
            ComponentStatus worst = ComponentStatus.OPERATIONAL;
            for (StatusPageConfig.Component c : g.components()) {
                ComponentStatus status = statuses.getOrDefault(c.name(), ComponentStatus.OPERATIONAL);
                worst = ComponentStatus.worst(worst, status);
                List<DailyUptime.Day> days = bars.days(source, stack, c, now);
                components.add(
                        new PageModel.Component(c.name(), c.description(), status, days, DailyUptime.overall(days)));
            }
            groups.add(new PageModel.Group(g.name(), worst, components));
        }
        List<PublicIncident> open =
                registry.active().stream().filter(PublicIncident::isPublic).toList();
        return new PageModel(
                page.title(),
                page.description(),
                now,
                ComponentPolicy.overall(statuses),
                groups,
                open,
                maintenance(source.maintenance(), stack, now),
                registry.resolvedSince(now.minus(PAST)));
    }

    /** Occurrences in progress or starting soon that cover at least one service shown on the page. */
    static List<PageModel.Maintenance> maintenance(MaintenanceCalendar calendar, StackConfig stack, Instant now) {
        List<PageModel.Maintenance> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<Occurrence> occurrences = new ArrayList<>(calendar.active(now));
        occurrences.addAll(calendar.occurrences(now, now.plus(MAINTENANCE_AHEAD)));
        occurrences.sort(Comparator.comparing(Occurrence::start));
        for (Occurrence o : occurrences) {
            if (!o.end().isAfter(now) || !seen.add(o.window().id() + "@" + o.start())) {
                continue;
            }
            List<String> components = covered(o, stack);
            if (!components.isEmpty()) {
                out.add(new PageModel.Maintenance(o.window().title(), o.start(), o.end(), components, o.contains(now)));
            }
        }
        return out;
    }

    private static List<String> covered(Occurrence o, StackConfig stack) {
        List<String> out = new ArrayList<>();
        for (StatusPageConfig.Component c : stack.statusPage().components()) {
            boolean covers = c.services().stream().anyMatch(name -> {
                ServiceConfig s = stack.services().get(name);
                Labels labels = s == null ? Labels.EMPTY : Labels.fromMap(s.labels());
                return o.window().scope().covers(name, labels, stack.dependsOn());
            });
            if (covers) {
                out.add(c.name());
            }
        }
        return out;
    }
}
