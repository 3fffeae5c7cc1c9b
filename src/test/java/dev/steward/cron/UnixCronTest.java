package dev.steward.cron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.maintenance.CronRule;
import dev.steward.core.route.Parsed;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnixCronTest {
    static final LocalDateTime SUNDAY_NOON = LocalDateTime.parse("2026-11-22T12:00");

    static List<LocalDateTime> next(String expression, int count) {
        CronRule rule = ((Parsed.Ok<CronRule>) UnixCron.INSTANCE.parse(expression)).value();
        List<LocalDateTime> out = new ArrayList<>();
        LocalDateTime cursor = SUNDAY_NOON;
        for (int i = 0; i < count; i++) {
            cursor = rule.nextAfter(cursor).orElseThrow();
            out.add(cursor);
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({
        "'0 2 * * 0', 2026-11-29T02:00, 2026-12-06T02:00",
        "'0 2 * * 7', 2026-11-29T02:00, 2026-12-06T02:00",
        "'0 2 * * sun', 2026-11-29T02:00, 2026-12-06T02:00",
        "'*/20 12 * * *', 2026-11-22T12:20, 2026-11-22T12:40",
        "'30 1 1 * *', 2026-12-01T01:30, 2027-01-01T01:30",
        "'0 0 29 2 *', 2028-02-29T00:00, 2032-02-29T00:00"
    })
    void standardFiveFieldExpressionsGiveTheNextLocalMinutesStrictlyAfter(
            String expression, LocalDateTime first, LocalDateTime second) {
        assertThat(next(expression, 2)).containsExactly(first, second);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 2 * *", "0 0 2 * * *", "61 * * * *", "0 25 * * *", "0 2 * * funday", "", "@daily"})
    void malformedExpressionsAreRefusedWithAReason(String expression) {
        assertThat(UnixCron.INSTANCE.parse(expression)).isInstanceOf(Parsed.Failed.class);
    }
}
