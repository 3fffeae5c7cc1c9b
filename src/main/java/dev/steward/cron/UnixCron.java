package dev.steward.cron;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.steward.core.maintenance.CronRule;
import dev.steward.core.maintenance.CronSyntax;
import dev.steward.core.route.Parsed;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Standard Unix cron (minute hour day-of-month month day-of-week) by cron-utils. Expressions are evaluated in UTC
 * over local date-times, which has no DST, so the library never applies a DST rule of its own: the core resolves the
 * local times it returns with {@link dev.steward.core.maintenance.LocalTimes}.
 */
public final class UnixCron implements CronSyntax {
    public static final UnixCron INSTANCE = new UnixCron();
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    @Override
    public Parsed<CronRule> parse(String expression) {
        String text = expression == null ? "" : expression.strip();
        if (text.split("\\s+").length != 5) {
            return Parsed.failed("expected 5 fields, found " + (text.isEmpty() ? 0 : text.split("\\s+").length));
        }
        try {
            Cron cron = PARSER.parse(text).validate();
            return Parsed.ok(new Rule(text, ExecutionTime.forCron(cron)));
        } catch (RuntimeException e) { // cron-utils reports bad input as IllegalArgumentException, mostly
            return Parsed.failed(String.valueOf(e.getMessage()));
        }
    }

    private record Rule(String expression, ExecutionTime times) implements CronRule {
        @Override
        public Optional<LocalDateTime> nextAfter(LocalDateTime after) {
            return times.nextExecution(after.atZone(ZoneOffset.UTC)).map(z -> z.toLocalDateTime());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Rule r && r.expression.equals(expression);
        }

        @Override
        public int hashCode() {
            return expression.hashCode();
        }

        @Override
        public String toString() {
            return expression;
        }
    }
}
