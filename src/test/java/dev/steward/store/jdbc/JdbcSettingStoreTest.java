package dev.steward.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcSettingStoreTest {
    @TempDir
    Path dataDir;

    @Test
    void aGeneratedValueIsKeptAcrossReopeningTheStore() {
        try (Database db = Database.sqlite(dataDir)) {
            assertThat(new JdbcSettingStore(db).getOrCreate("link_key", () -> "first"))
                    .isEqualTo("first");
            assertThat(new JdbcSettingStore(db).getOrCreate("link_key", () -> "second"))
                    .isEqualTo("first");
        }
        try (Database db = Database.sqlite(dataDir)) {
            assertThat(new JdbcSettingStore(db).get("link_key")).contains("first");
            assertThat(new JdbcSettingStore(db).get("other")).isEmpty();
        }
    }
}
