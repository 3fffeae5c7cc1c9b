package dev.steward.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LabelsTest {
    @Test
    void sortsByNameAndComparesByContent() {
        Labels a = Labels.of("job", "api", "__name__", "up", "instance", "h:1");
        Labels b = Labels.builder()
                .add("instance", "h:1")
                .add("__name__", "up")
                .add("job", "api")
                .build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.nameAt(0)).isEqualTo("__name__");
        assertThat(a.nameAt(1)).isEqualTo("instance");
        assertThat(a.nameAt(2)).isEqualTo("job");
        assertThat(a.get("job")).isEqualTo("api");
        assertThat(a.get("absent")).isNull();
        assertThat(a.metricName()).isEqualTo("up");
    }

    @Test
    void printsInPrometheusFormWithEscapes() {
        assertThat(Labels.metric("up", "job", "a\"b\\c\nd").toString()).isEqualTo("up{job=\"a\\\"b\\\\c\\nd\"}");
        assertThat(Labels.of("a", "1", "b", "2").toString()).isEqualTo("{a=\"1\", b=\"2\"}");
        assertThat(Labels.EMPTY.toString()).isEqualTo("{}");
        assertThat(Labels.metric("up").toString()).isEqualTo("up");
    }

    @Test
    void dropsEmptyValuesLikePrometheus() {
        assertThat(Labels.of("a", "", "b", "2")).isEqualTo(Labels.of("b", "2"));
    }

    @Test
    void aLaterValueForTheSameNameReplacesTheEarlierOne() {
        assertThat(Labels.builder().add("a", "1").add("a", "2").build()).isEqualTo(Labels.of("a", "2"));
    }

    @Test
    void builderRemovesAndWithoutDropsNames() {
        Labels l = Labels.metric("up", "job", "api", "env", "prod");
        assertThat(l.without("__name__", "env")).isEqualTo(Labels.of("job", "api"));
        assertThat(l.toBuilder().remove("job").build()).isEqualTo(Labels.metric("up", "env", "prod"));
    }

    @Test
    void rejectsAnOddNumberOfStrings() {
        assertThatThrownBy(() -> Labels.of("a", "1", "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odd count 3");
    }

    @Test
    void ordersLabelSetsLabelByLabel() {
        assertThat(Labels.of("a", "1")).isLessThan(Labels.of("a", "2"));
        assertThat(Labels.of("a", "1")).isLessThan(Labels.of("a", "1", "b", "1"));
        assertThat(Labels.of("a", "2")).isGreaterThan(Labels.of("a", "1", "b", "1"));
    }
}
