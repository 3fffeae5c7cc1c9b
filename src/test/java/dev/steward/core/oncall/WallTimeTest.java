package dev.steward.core.oncall;

import static dev.steward.core.oncall.RotationTest.BERLIN;
import static dev.steward.core.oncall.RotationTest.z;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WallTimeTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "2026-11-29T03:00:00Z, 2026-11-29T03:00:00Z",
        "2026-11-29T03:00Z, 2026-11-29T03:00:00Z",
        "2026-11-29 03:00:00+01:00, 2026-11-29T02:00:00Z",
        "2026-11-29T03:00 Europe/Berlin, 2026-11-29T02:00:00Z",
        "2026-11-29 03:00 America/New_York, 2026-11-29T08:00:00Z",
        "2026-03-29T02:30 Europe/Berlin, 2026-03-29T01:00:00Z",
        "2026-10-25T02:30 Europe/Berlin, 2026-10-25T00:30:00Z",
        "2028-02-29T23:59:59 UTC, 2028-02-29T23:59:59Z",
        "2026-12-31T23:30, 2026-12-31T22:30:00Z",
        "2026-12-31 23:30, 2026-12-31T22:30:00Z"
    })
    void parsesRfc3339AndLocalTimesWithAZone(String text, String expected) {
        assertThat(WallTime.parse(text, Optional.of(BERLIN))).contains(z(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-11-29T03:00", "2026-11-29T03:00 Mars/Olympus", "2027-02-29T03:00Z", "yesterday", "''"})
    void rejectsTimesWithoutAZoneOrThatDoNotExist(String text) {
        assertThat(WallTime.parse(text, Optional.empty())).isEmpty();
    }
}
