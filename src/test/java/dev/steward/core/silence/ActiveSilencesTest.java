package dev.steward.core.silence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ActiveSilencesTest {
    private static final Instant NOW = Instant.parse("2025-03-30T01:30:00Z");

    @Test
    void theLiteralPrefixIsWhatEveryMatchMustStartWith() {
        assertThat(ActiveSilences.literalPrefix("host-12-[0-4]:.*")).isEqualTo("host-12-");
        assertThat(ActiveSilences.literalPrefix("api")).isEqualTo("api");
        assertThat(ActiveSilences.literalPrefix("apis?")).isEqualTo("api");
        assertThat(ActiveSilences.literalPrefix("ab*c")).isEqualTo("a");
        assertThat(ActiveSilences.literalPrefix("ab+c")).isEqualTo("ab");
        assertThat(ActiveSilences.literalPrefix("ab{0,2}")).isEqualTo("a");
        assertThat(ActiveSilences.literalPrefix("api|web")).isEmpty();
        assertThat(ActiveSilences.literalPrefix("(?i)api")).isEmpty();
        assertThat(ActiveSilences.literalPrefix("\\d+")).isEmpty();
    }

    @Test
    void theIndexAnswersExactlyAsAScanOfEverySilence() {
        long seed = 20261124L;
        System.out.println("ActiveSilencesTest seed " + seed);
        Random r = new Random(seed);
        for (int round = 0; round < 30; round++) {
            List<Silence> list = new ArrayList<>();
            for (int k = 0; k < 20; k++) {
                list.add(randomSilence(r, "s" + k));
            }
            Silences silences = Silences.of(list);
            ActiveSilences active = silences.activeAt(NOW);
            for (int a = 0; a < 200; a++) {
                Labels l = randomLabels(r);
                assertThat(active.silenced(l))
                        .as("seed %d round %d %s", seed, round, l)
                        .isEqualTo(silences.silenced(l, NOW));
                assertThat(active.mutes(l)).isEqualTo(silences.mutes(l, NOW));
            }
        }
    }

    private static final String[] PATTERNS = {"h-1.*", "h-[12]", "h-1|h-2", "h-2?", "h-.*", "", ".+", "x*"};

    private static Silence randomSilence(Random r, String id) {
        List<SilenceMatcher> ms = new ArrayList<>();
        int n = 1 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
            String name = r.nextBoolean() ? "instance" : "service";
            String value = name.equals("instance") ? PATTERNS[r.nextInt(PATTERNS.length)] : "s" + r.nextInt(3);
            ms.add(
                    switch (r.nextInt(4)) {
                        case 0 -> SilenceMatcher.equal(name, value);
                        case 1 -> SilenceMatcher.notEqual(name, value);
                        case 2 -> SilenceMatcher.regex(name, value);
                        default -> SilenceMatcher.notRegex(name, value);
                    });
        }
        Instant start = NOW.minusSeconds(r.nextInt(3) == 0 ? -60 : 60);
        Instant end = r.nextInt(5) == 0 ? NOW : NOW.plusSeconds(600);
        return new Silence(id, ms, start, end, "alice", "test", start);
    }

    private static Labels randomLabels(Random r) {
        Labels.Builder b = Labels.builder().add("alertname", "Down");
        if (r.nextInt(4) > 0) {
            b.add("instance", "h-" + r.nextInt(4));
        }
        if (r.nextInt(4) > 0) {
            b.add("service", "s" + r.nextInt(3));
        }
        return b.build();
    }
}
