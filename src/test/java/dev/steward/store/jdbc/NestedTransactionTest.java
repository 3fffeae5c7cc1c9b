package dev.steward.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores called inside {@link Database#inTransaction} join the caller's transaction (JDBI shares the thread's handle),
 * so the incident side can save an incident and enqueue its pages all or nothing.
 */
class NestedTransactionTest {
    @TempDir
    Path dataDir;

    @Test
    void aStoreCalledInsideATransactionIsRolledBackWithIt() {
        try (Database db = Database.sqlite(dataDir)) {
            JdbcSettingStore settings = new JdbcSettingStore(db);
            assertThatThrownBy(() -> db.inTransaction(h -> {
                        settings.getOrCreate("inner", () -> "written inside");
                        throw new IllegalStateException("crash after the inner write");
                    }))
                    .hasMessage("crash after the inner write");
            assertThat(settings.get("inner")).isEmpty();

            db.inTransaction(h -> settings.getOrCreate("inner", () -> "committed"));
            assertThat(settings.get("inner")).contains("committed");
        }
    }
}
