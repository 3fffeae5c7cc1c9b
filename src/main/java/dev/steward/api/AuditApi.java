package dev.steward.api;

import dev.steward.audit.AuditLog;
import dev.steward.core.audit.AuditProblem;
import dev.steward.core.audit.AuditQuery;
import dev.steward.core.audit.AuditRecord;
import dev.steward.core.audit.AuditReport;
import dev.steward.core.audit.Checkpoint;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/audit}: the audit log newest first, filtered and paged, and {@code /api/v1/audit/verify}, the
 * verifier's report on the whole stored log (200 whether intact or not: the report is the resource; read {@code
 * intact}). Mounted on a Javalin configuration by the composition root; errors are rendered here, so the routes work
 * on any server. A verification reads every record, so it costs in proportion to the log.
 */
public final class AuditApi {
    private final AuditLog log;
    private final JsonMapper json = JsonMapper.builder().build();

    public AuditApi(AuditLog log) {
        this.log = log;
    }

    public void mount(JavalinConfig cfg) {
        cfg.routes.get("/api/v1/audit", ctx -> guarded(ctx, () -> list(ctx)));
        cfg.routes.get("/api/v1/audit/verify", ctx -> guarded(ctx, () -> send(ctx, report(log.verify()))));
    }

    private void list(Context ctx) {
        AuditQuery query = query(ctx);
        List<AuditRecord> records = log.find(query);
        List<Object> out = new ArrayList<>();
        records.forEach(r -> out.add(record(r)));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("records", out);
        // a full page may have more below it; the client asks again with before=<next_before>
        data.put(
                "next_before",
                records.size() == query.limit() ? records.getLast().seq() : null);
        send(ctx, data);
    }

    /** The query the parameters ask for; every bad parameter in one 400. */
    static AuditQuery query(Context ctx) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        Optional<Instant> since = Optional.empty();
        try {
            since = TimeParams.parse(ctx.queryParam("since"));
        } catch (IllegalArgumentException e) {
            errors.add(new ApiException.FieldError("since", ctx.queryParam("since"), TimeParams.EXPECTED));
        }
        long limit = number(ctx, "limit", AuditQuery.DEFAULT_LIMIT, AuditQuery.MAX_LIMIT, errors);
        long before = number(ctx, "before", 0, Long.MAX_VALUE, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(400, "invalid audit query", errors);
        }
        return new AuditQuery(
                param(ctx, "actor"),
                param(ctx, "action"),
                param(ctx, "target"),
                since,
                before == 0 ? Optional.empty() : Optional.of(before),
                (int) limit);
    }

    private static Optional<String> param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(v -> !v.isEmpty());
    }

    private static long number(Context ctx, String name, long absent, long max, List<ApiException.FieldError> errors) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            long n = Long.parseLong(value);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new ApiException.FieldError(
                name, value, max == Long.MAX_VALUE ? "a positive integer" : "an integer from 1 to " + max));
        return absent;
    }

    private Map<String, Object> record(AuditRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", r.seq());
        m.put("at", r.at().toString());
        m.put("actor", r.actor());
        m.put("source", r.source());
        m.put("action", r.action());
        m.put("target", r.target());
        m.put("before", jsonOrText(r.before()));
        m.put("after", jsonOrText(r.after()));
        m.put("prev_hash", r.prevHash());
        m.put("hash", r.hash());
        return m;
    }

    /** The stored JSON as JSON; null when empty, the text itself when it is not JSON. */
    private Object jsonOrText(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            return text;
        }
    }

    /** The report as the API and {@code steward audit verify --format json} show it. */
    public static Map<String, Object> report(AuditReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("intact", r.intact());
        m.put("records", r.records());
        m.put("last_seq", r.lastSeq());
        m.put("last_checkpoint", r.lastCheckpoint().map(AuditApi::checkpoint).orElse(null));
        m.put("unprotected", r.unprotected());
        List<Object> problems = new ArrayList<>();
        for (AuditProblem p : r.problems()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("seq", p.seq());
            pm.put("kind", p.kind().name().toLowerCase(Locale.ROOT));
            pm.put("detail", p.detail());
            problems.add(pm);
        }
        m.put("problems", problems);
        return m;
    }

    private static Map<String, Object> checkpoint(Checkpoint c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", c.seq());
        m.put("hash", c.hash());
        m.put("at", c.at().toString());
        return m;
    }

    private void guarded(Context ctx, Runnable handler) {
        try {
            handler.run();
        } catch (ApiException e) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("status", "error");
            doc.put("error", e.getMessage());
            List<Object> list = new ArrayList<>();
            for (ApiException.FieldError f : e.errors()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("field", f.field());
                m.put("value", f.value());
                m.put("expected", f.expected());
                list.add(m);
            }
            doc.put("errors", list);
            ctx.status(e.status()).contentType(ApiServer.JSON).result(json.writeValueAsString(doc));
        }
    }

    private void send(Context ctx, Object data) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", "success");
        doc.put("data", data);
        ctx.status(200).contentType(ApiServer.JSON).result(json.writeValueAsString(doc));
    }
}
