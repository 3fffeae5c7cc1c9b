package dev.steward.console;

import dev.steward.core.audit.AuditProblem;
import dev.steward.core.audit.AuditQuery;
import dev.steward.core.audit.AuditRecord;
import dev.steward.core.audit.AuditReport;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The audit log, newest first, a page at a time (filtered by actor, action or target), and on request the verifier's
 * verdict on the whole chain: a verification reads every record, so it runs only when asked for ({@code ?verify=1}).
 */
public final class AuditPages {
    static final int PAGE = 50;
    private final ConsoleBackend backend;
    private final Views views;

    AuditPages(ConsoleBackend backend, Views views) {
        this.backend = backend;
        this.views = views;
    }

    void mount(JavalinConfig cfg) {
        cfg.routes.get("/ui/audit", this::list);
    }

    /** One audit record. */
    public record Row(
            long seq,
            String at,
            String ago,
            String actor,
            String source,
            String action,
            String target,
            String before,
            String after) {}

    /** The verifier's verdict. */
    public record Verdict(boolean intact, long records, String checkpoint, long unprotected, List<String> problems) {}

    /** The page's model; {@code older} is the link to the next page, empty on the last. */
    public record View(
            Page page,
            String actor,
            String action,
            String target,
            List<Row> rows,
            String older,
            boolean first,
            String verifyHref,
            Optional<Verdict> verdict) {}

    private void list(Context ctx) {
        String actor = param(ctx, "actor");
        String action = param(ctx, "action");
        String target = param(ctx, "target");
        Optional<Long> before = Optional.ofNullable(ctx.queryParam("before")).flatMap(AuditPages::seq);
        List<AuditRecord> records = backend.audit()
                .find(new AuditQuery(
                        optional(actor), optional(action), optional(target), Optional.empty(), before, PAGE));
        Instant now = backend.now();
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("actor", actor);
        filters.put("action", action);
        filters.put("target", target);
        String older = records.size() == PAGE
                ? link(filters, "before", Long.toString(records.getLast().seq()))
                : "";
        Optional<Verdict> verdict = "1".equals(ctx.queryParam("verify"))
                ? Optional.of(verdict(backend.audit().verify()))
                : Optional.empty();
        views.respond(
                ctx,
                "console/audit.jte",
                new View(
                        views.page(ctx, "Audit log", "audit"),
                        actor,
                        action,
                        target,
                        records.stream().map(r -> row(r, now)).toList(),
                        older,
                        before.isEmpty(),
                        link(filters, "verify", "1"),
                        verdict));
    }

    private static Optional<Long> seq(String text) {
        try {
            long n = Long.parseLong(text);
            return n > 0 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).orElse("").strip();
    }

    private static Optional<String> optional(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static String link(Map<String, String> filters, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(filters);
        all.put(name, value);
        return "/ui/audit?"
                + all.entrySet().stream()
                        .filter(e -> !e.getValue().isEmpty())
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    private static Row row(AuditRecord r, Instant now) {
        return new Row(
                r.seq(),
                r.at().toString(),
                Forms.utc(r.at()) + " (" + Texts.ago(r.at(), now) + ")",
                r.actor(),
                r.source(),
                r.action(),
                r.target(),
                r.before(),
                r.after());
    }

    private static Verdict verdict(AuditReport r) {
        return new Verdict(
                r.intact(),
                r.records(),
                r.lastCheckpoint()
                        .map(c -> "record " + c.seq() + ", signed " + Forms.utc(c.at()))
                        .orElse("none yet"),
                r.unprotected(),
                r.problems().stream().map(AuditPages::problem).toList());
    }

    private static String problem(AuditProblem p) {
        return "record " + p.seq() + ": "
                + p.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (" + p.detail() + ")";
    }
}
