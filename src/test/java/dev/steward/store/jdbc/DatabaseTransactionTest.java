package dev.steward.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTransactionTest {
    @TempDir
    Path dataDir;

    @Test
    void runsATransactionAgainAfterAConcurrentChangeAndRollsBackTheFailedAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        try (Database database = Database.sqlite(dataDir)) {
            int result = database.inTransaction(h -> {
                h.execute("INSERT INTO check_event (service, check_name, at_ms, from_state, to_state, reason)"
                        + " VALUES ('api', 'health', 1, 'up', 'down', 'attempt')");
                if (attempts.incrementAndGet() < 3) {
                    throw new ConcurrentChangeException("row gone");
                }
                return 42;
            });
            assertThat(result).isEqualTo(42);
            assertThat(attempts).hasValue(3);
            int rows = database.withHandle(h -> h.createQuery("SELECT count(*) FROM check_event")
                    .mapTo(Integer.class)
                    .one());
            assertThat(rows).isEqualTo(1);
        }
    }

    @Test
    void givesUpAfterFiveAttempts() {
        AtomicInteger attempts = new AtomicInteger();
        try (Database database = Database.sqlite(dataDir)) {
            assertThatThrownBy(() -> database.inTransaction(h -> {
                        attempts.incrementAndGet();
                        throw new ConcurrentChangeException("row gone again");
                    }))
                    .isInstanceOf(ConcurrentChangeException.class)
                    .hasMessage("row gone again");
            assertThat(attempts).hasValue(5);
        }
    }

    @Test
    void doesNotRunATransactionAgainForOtherErrors() {
        AtomicInteger attempts = new AtomicInteger();
        try (Database database = Database.sqlite(dataDir)) {
            assertThatThrownBy(() -> database.inTransaction(h -> {
                        attempts.incrementAndGet();
                        return h.execute("INSERT INTO no_such_table VALUES (1)");
                    }))
                    .hasMessageContaining("no_such_table");
            assertThat(attempts).hasValue(1);
        }
    }
}
