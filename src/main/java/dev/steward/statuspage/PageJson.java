package dev.steward.statuspage;

import dev.steward.core.statuspage.DailyUptime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** The document of {@code GET /api/v1/status-page}: the page's model as JSON. */
final class PageJson {
    private PageJson() {}

    static Map<String, Object> render(PageModel model) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("title", model.title());
        doc.put("description", model.description());
        doc.put("generated_at", model.generatedAt().toString());
        doc.put("status", model.overall().label());
        doc.put("status_text", model.banner());
        List<Object> groups = new ArrayList<>();
        for (PageModel.Group g : model.groups()) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("name", g.name());
            group.put("status", g.status().label());
            group.put(
                    "components",
                    g.components().stream().map(PageJson::component).toList());
            groups.add(group);
        }
        doc.put("groups", groups);
        doc.put("incidents", model.open().stream().map(IncidentJson::publicForm).toList());
        List<Object> maintenance = new ArrayList<>();
        for (PageModel.Maintenance m : model.maintenance()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("title", m.title());
            item.put("start", m.start().toString());
            item.put("end", m.end().toString());
            item.put("components", m.components());
            item.put("in_progress", m.active());
            maintenance.add(item);
        }
        doc.put("scheduled_maintenance", maintenance);
        doc.put(
                "past_incidents",
                model.past().stream().map(IncidentJson::publicForm).toList());
        return doc;
    }

    private static Map<String, Object> component(PageModel.Component c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("description", c.description());
        m.put("status", c.status().label());
        m.put("uptime", value(c.uptime()));
        List<Object> days = new ArrayList<>();
        for (DailyUptime.Day d : c.days()) {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("date", d.date().toString());
            day.put("uptime", value(d.uptime()));
            days.add(day);
        }
        m.put("days", days);
        return m;
    }

    private static Double value(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
