package dev.steward.statuspage;

import dev.steward.core.statuspage.PublicIncident;
import dev.steward.core.statuspage.PublicUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Public incidents as JSON. The public form has what the page shows; the operator form adds the stage, who wrote
 * each update and the proposed update.
 */
final class IncidentJson {
    private IncidentJson() {}

    static Map<String, Object> publicForm(PublicIncident i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("title", i.title());
        m.put("impact", i.impact().label());
        m.put("status", i.status().label());
        m.put("components", i.components());
        m.put("published_at", i.publishedAt().map(Instant::toString).orElse(null));
        m.put("resolved_at", i.resolvedAt().map(Instant::toString).orElse(null));
        m.put("updated_at", i.lastChange().toString());
        List<Object> updates = new ArrayList<>();
        for (PublicUpdate u : i.updates().reversed()) {
            updates.add(update(u, false));
        }
        m.put("updates", updates);
        return m;
    }

    static Map<String, Object> operatorForm(PublicIncident i) {
        Map<String, Object> m = publicForm(i);
        m.put("stage", i.stage().label());
        m.put("created_at", i.createdAt().toString());
        m.put("created_by", i.createdBy());
        List<Object> updates = new ArrayList<>();
        for (PublicUpdate u : i.updates().reversed()) {
            updates.add(update(u, true));
        }
        m.put("updates", updates);
        m.put("proposed", i.proposed().map(u -> update(u, true)).orElse(null));
        return m;
    }

    private static Map<String, Object> update(PublicUpdate u, boolean withAuthor) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", u.at().toString());
        m.put("status", u.status().label());
        m.put("message", u.message());
        if (withAuthor) {
            m.put("by", u.by());
        }
        return m;
    }
}
