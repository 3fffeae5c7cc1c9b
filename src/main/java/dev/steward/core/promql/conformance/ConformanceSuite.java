package dev.steward.core.promql.conformance;

import dev.steward.core.promql.EngineSettings;
import dev.steward.core.promql.PromQLException;
import dev.steward.core.promql.PromqlEngine;
import dev.steward.core.promql.parse.Expr;
import dev.steward.core.promql.parse.Parser;
import dev.steward.core.series.LabelMatcher;
import dev.steward.core.series.Labels;
import dev.steward.core.series.MemorySeriesStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs Prometheus test scripts against {@link PromqlEngine} over a fresh {@link MemorySeriesStore} per file and per
 * {@code clear}. Cases that load or expect native histograms are skipped: this engine stores floats only.
 */
public final class ConformanceSuite {
    private final EngineSettings settings;

    public ConformanceSuite(EngineSettings settings) {
        this.settings = settings;
    }

    public ConformanceSuite() {
        this(EngineSettings.DEFAULTS);
    }

    /** Runs the script text of one file; {@code name} labels the outcomes. */
    public FileReport runFile(String name, String text) {
        List<Command> commands;
        try {
            commands = ScriptParser.parse(text);
        } catch (PromQLException | RuntimeException e) {
            return new FileReport(name, List.of(), "cannot parse test file: " + e.getMessage());
        }
        List<CaseOutcome> outcomes = new ArrayList<>();
        MemorySeriesStore store = new MemorySeriesStore();
        List<Labels> histogramSeries = new ArrayList<>();
        for (Command c : commands) {
            switch (c) {
                case Command.Clear clear -> {
                    store = new MemorySeriesStore();
                    histogramSeries.clear();
                }
                case Command.Load load -> load(store, load, histogramSeries);
                case Command.Eval eval ->
                    outcomes.add(run(name, new PromqlEngine(store, settings), eval, histogramSeries));
            }
        }
        return new FileReport(name, outcomes, null);
    }

    private static void load(MemorySeriesStore store, Command.Load load, List<Labels> histogramSeries) {
        for (Command.LoadedSeries s : load.series()) {
            for (int k = 0; k < s.timestamps().length; k++) {
                store.append(s.labels(), s.timestamps()[k], s.values()[k]);
            }
            if (s.hasHistograms()) {
                histogramSeries.add(s.labels());
            }
            String name = s.labels().metricName();
            if (load.withNhcb()
                    && name != null
                    && name.endsWith("_bucket")
                    && s.labels().has("le")) {
                histogramSeries.add(s.labels().toBuilder()
                        .add(Labels.METRIC_NAME, name.substring(0, name.length() - "_bucket".length()))
                        .remove("le")
                        .build());
            }
        }
    }

    private static CaseOutcome run(String file, PromqlEngine engine, Command.Eval eval, List<Labels> histogramSeries) {
        if (eval.usesNativeHistograms()) {
            return new CaseOutcome(
                    file, eval.line(), eval.query(), CaseOutcome.Status.SKIPPED, "expects native histograms");
        }
        if (readsHistograms(eval.query(), histogramSeries)) {
            return new CaseOutcome(
                    file,
                    eval.line(),
                    eval.query(),
                    CaseOutcome.Status.SKIPPED,
                    "reads series with native histogram samples");
        }
        String reason;
        try {
            reason = CaseCheck.check(engine, eval);
        } catch (RuntimeException e) {
            reason = "unexpected exception: " + e;
        }
        return new CaseOutcome(
                file,
                eval.line(),
                eval.query(),
                reason == null ? CaseOutcome.Status.PASSED : CaseOutcome.Status.FAILED,
                reason);
    }

    /** Whether a selector of the query matches a series that has native histogram samples. */
    static boolean readsHistograms(String query, List<Labels> histogramSeries) {
        if (histogramSeries.isEmpty()) {
            return false;
        }
        Expr e;
        try {
            e = Parser.parse(query);
        } catch (PromQLException ex) {
            return false;
        }
        List<List<LabelMatcher>> selectors = new ArrayList<>();
        collect(e, selectors);
        for (List<LabelMatcher> ms : selectors) {
            for (Labels l : histogramSeries) {
                if (ms.stream().allMatch(m -> m.matches(l))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void collect(Expr e, List<List<LabelMatcher>> out) {
        switch (e) {
            case Expr.VectorSelector vs -> out.add(vs.matchers());
            case Expr.MatrixSelector ms -> out.add(ms.selector().matchers());
            case Expr.Subquery sq -> collect(sq.expr(), out);
            case Expr.Call c -> c.args().forEach(a -> collect(a, out));
            case Expr.Aggregate a -> {
                collect(a.expr(), out);
                if (a.param() != null) {
                    collect(a.param(), out);
                }
            }
            case Expr.Binary b -> {
                collect(b.lhs(), out);
                collect(b.rhs(), out);
            }
            case Expr.Unary u -> collect(u.expr(), out);
            case Expr.Paren p -> collect(p.expr(), out);
            case Expr.NumberLiteral n -> {}
            case Expr.StringLiteral s -> {}
        }
    }
}
