package dev.steward.app;

import dev.steward.core.check.ProbeResult;
import java.util.ArrayList;
import java.util.List;

/** The text table of {@code steward check}: service, check, status, latency, and the reason of each failure. */
final class CheckTable {
    private CheckTable() {}

    static String render(List<CheckCommand.Outcome> outcomes) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SERVICE", "CHECK", "STATUS", "LATENCY", "REASON"});
        for (CheckCommand.Outcome o : outcomes) {
            String reason =
                    o.result() instanceof ProbeResult.Failed f ? f.failure().describe() : "";
            rows.add(new String[] {
                o.check().service(), o.check().name(), o.result().success() ? "up" : "DOWN", latency(o.result()), reason
            });
        }
        int[] width = new int[5];
        for (String[] r : rows) {
            for (int i = 0; i < 4; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < 4; i++) {
                b.append(i == 3 ? pad(r[i], width[i], true) : pad(r[i], width[i], false))
                        .append("  ");
            }
            b.append(r[4]).append(System.lineSeparator());
        }
        return b.toString().replaceAll("(?m) +$", "");
    }

    private static String latency(ProbeResult r) {
        double ms = r.latency().toNanos() / 1e6;
        return ms < 10 ? String.format("%.1f ms", ms) : String.format("%.0f ms", ms);
    }

    private static String pad(String s, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - s.length()));
        return right ? spaces + s : s + spaces;
    }
}
