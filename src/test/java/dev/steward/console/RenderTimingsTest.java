package dev.steward.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.exposition.ExpositionWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RenderTimingsTest {
    private final AtomicLong ticker = new AtomicLong(1_000);
    private final RenderTimings timings = new RenderTimings(ticker::get);

    @Test
    void anAnswerCarriesItsServerTimeInMillisecondsFromTheTicker() {
        long start = timings.start();
        ticker.addAndGet(12_345_678);
        assertThat(timings.finish(start)).isEqualTo("render;dur=12.346");
    }

    @Test
    void metricsSumCountAndKeepTheLongestAnswerAndTheQuantiles() {
        for (int ms = 1; ms <= 100; ms++) {
            long start = timings.start();
            ticker.addAndGet(ms * 1_000_000L);
            timings.finish(start);
        }
        String text = ExpositionWriter.write(timings.families());
        assertThat(text)
                .contains("# TYPE steward_console_render_seconds summary")
                .contains("steward_console_render_seconds_count 100")
                .contains("steward_console_render_seconds_sum 5.05")
                .contains("steward_console_render_max_seconds 0.1");
        assertThat(value(text, "steward_console_render_seconds{quantile=\"0.99\"}"))
                .isBetween(0.098, 0.1);
        assertThat(value(text, "steward_console_render_seconds{quantile=\"0.5\"}"))
                .isBetween(0.049, 0.051);
    }

    @Test
    void beforeAnyAnswerTheSummaryIsZero() {
        String text = ExpositionWriter.write(timings.families());
        assertThat(text)
                .contains("steward_console_render_seconds_count 0")
                .contains("steward_console_render_max_seconds 0");
    }

    private static double value(String text, String series) {
        return text.lines()
                .filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1)))
                .findFirst()
                .orElseThrow();
    }
}
