package dev.steward.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LabelMatcherTest {
    @Test
    void regexIsAnchoredAtBothEnds() {
        LabelMatcher m = LabelMatcher.re("job", "api|web");
        assertThat(m.matches("api")).isTrue();
        assertThat(m.matches("web")).isTrue();
        assertThat(m.matches("api2")).isFalse();
        assertThat(m.matches("xweb")).isFalse();
        assertThat(LabelMatcher.nre("job", "api").matches("api-2")).isTrue();
    }

    @Test
    void dotMatchesNewlineAsInPrometheus() {
        assertThat(LabelMatcher.re("msg", "a.b").matches("a\nb")).isTrue();
    }

    @Test
    void anAbsentLabelIsTheEmptyString() {
        Labels l = Labels.metric("up");
        assertThat(LabelMatcher.neq("job", "x").matches(l)).isTrue();
        assertThat(LabelMatcher.eq("job", "").matches(l)).isTrue();
        assertThat(LabelMatcher.re("job", ".*").matches(l)).isTrue();
        assertThat(LabelMatcher.re("job", ".+").matches(l)).isFalse();
        assertThat(LabelMatcher.eq("job", "x").matchesEmpty()).isFalse();
        assertThat(LabelMatcher.nre("job", "x").matchesEmpty()).isTrue();
    }

    @Test
    void printsLikePromQl() {
        assertThat(LabelMatcher.nre("path", "/a\"b").toString()).isEqualTo("path!~\"/a\\\"b\"");
    }

    @Test
    void rejectsABadRegexSayingWhichAndWhy() {
        assertThatThrownBy(() -> LabelMatcher.re("job", "a("))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("job=~\"a(\"")
                .hasMessageContaining("Unclosed group");
    }

    @Test
    void equalityIgnoresTheCompiledPattern() {
        assertThat(LabelMatcher.re("a", "x.*")).isEqualTo(LabelMatcher.re("a", "x.*"));
        assertThat(LabelMatcher.re("a", "x.*")).isNotEqualTo(LabelMatcher.nre("a", "x.*"));
    }
}
