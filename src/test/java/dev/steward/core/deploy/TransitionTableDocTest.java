package dev.steward.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/deployments-transitions.md} equal to the code's table. When they differ, the test writes the
 * table's markdown to {@code target/deployments-transitions.md}: copy it over the doc if the code is right.
 */
class TransitionTableDocTest {
    static final Path DOC = Path.of("docs/deployments-transitions.md");

    @Test
    void theCommittedTransitionTableIsTheCodesTable() throws IOException {
        String expected = Transitions.markdown();
        String committed = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
        if (!committed.equals(expected)) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/deployments-transitions.md"), expected, StandardCharsets.UTF_8);
        }
        assertThat(committed)
                .as(
                        "docs/deployments-transitions.md differs from Transitions.TABLE; the table's markdown was written to"
                                + " target/deployments-transitions.md")
                .isEqualTo(expected);
    }
}
