package dev.steward.rulefile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.rule.AlertingRule;
import dev.steward.core.rule.ExpressionCheck;
import dev.steward.core.rule.Rule;
import dev.steward.core.rule.RuleDialect;
import dev.steward.core.rule.RuleGroup;
import dev.steward.core.rule.template.Template;
import dev.steward.core.rule.template.TemplateData;
import dev.steward.core.rule.template.TemplateParse;
import dev.steward.stackfile.ConfigError;
import dev.steward.stackfile.RuleFileParser;
import dev.steward.stackfile.RuleFileResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random damage to real rule files and to templates: the parser always answers with a value (never throws), every
 * error has a position or a path, and a template that parses renders without throwing whatever the data. Each case is
 * named by its seed; another range runs with {@code -Drulefile.seed=N}.
 */
class RuleFileFuzzTest {
    static final long BASE = Long.getLong("rulefile.seed", 11_000L);
    static final RuleFileParser PARSER = new RuleFileParser(RuleDialect.STEWARD, ExpressionCheck.ACCEPT_ALL);
    static final String JUNK = " :-[]{}\"',#&*!|>\n\t$x0.(){{}}";
    static String fixture;

    @BeforeAll
    static void read() throws IOException {
        fixture = Files.readString(Path.of("src/test/resources/rules/node-exporter.yml"))
                + Files.readString(Path.of("src/test/resources/rules/blackbox.yml"))
                        .replace("groups:", "");
        System.out.println(
                "RuleFileFuzzTest: seeds %d..%d (rerun with -Drulefile.seed=%d)".formatted(BASE, BASE + 299, BASE));
    }

    static Stream<Long> seeds() {
        return LongStream.range(BASE, BASE + 300).boxed();
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void damagedRuleFileGivesAResultAndTemplatesRenderWithoutThrowing(long seed) {
        Random r = new Random(seed);
        String yaml = damage(fixture, r);
        RuleFileResult result = PARSER.parse(yaml, "damaged.yml");
        switch (result) {
            case RuleFileResult.Invalid(var errors) -> {
                for (ConfigError e : errors) {
                    assertThat(e.line() > 0 || !e.path().isEmpty())
                            .as("seed %d: %s", seed, e)
                            .isTrue();
                }
            }
            case RuleFileResult.Loaded(var groups) -> {
                for (RuleGroup g : groups) {
                    for (Rule rule : g.rules()) {
                        if (rule instanceof AlertingRule a) {
                            a.annotations()
                                    .values()
                                    .forEach(t -> assertThat(t.render(data(r))).isNotNull());
                        }
                    }
                }
            }
        }
        String template = damage(
                "{{ if gt $value 1.0 }}{{ $labels.instance | toUpper }}{{ else }}"
                        + "{{ printf \"%.2f\" $value }} {{ humanize $value }}{{ end }}{{ range $k, $v := $labels }}{{ $k }}"
                        + "{{ end }}",
                r);
        if (Template.parse(template) instanceof TemplateParse.Parsed(Template t)) {
            assertThat(t.render(data(r))).as("seed %d: %s", seed, template).isNotNull();
        }
    }

    private static TemplateData data(Random r) {
        double[] values = {0, -1.5, 1e300, Double.NaN, Double.POSITIVE_INFINITY, 0.001};
        return TemplateData.of(Map.of("instance", "a:1", "job", "x"), values[r.nextInt(values.length)]);
    }

    private static String damage(String text, Random r) {
        StringBuilder b = new StringBuilder(text);
        for (int edits = 1 + r.nextInt(4); edits > 0; edits--) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(4)) {
                case 0 -> b.insert(at, JUNK.charAt(r.nextInt(JUNK.length())));
                case 1 -> b.delete(at, Math.min(b.length(), at + 1 + r.nextInt(6)));
                case 2 -> b.setCharAt(at, JUNK.charAt(r.nextInt(JUNK.length())));
                default -> {
                    int from = r.nextInt(b.length());
                    b.insert(at, b.substring(from, Math.min(b.length(), from + r.nextInt(40))));
                }
            }
        }
        return b.toString();
    }

    static final String[] PIECES = {
        "{{",
        "}}",
        "{{-",
        " -}}",
        " ",
        "$labels",
        ".instance",
        "$value",
        "$x",
        " := ",
        " = ",
        "|",
        "(",
        ")",
        "if",
        "else",
        "end",
        "with",
        "range",
        ",",
        "\"a\"",
        "`b`",
        "1",
        "2.5",
        "-3",
        "humanize",
        "printf",
        "\"%.2f\"",
        "eq",
        "gt",
        "and",
        "not",
        "len",
        "index",
        ".",
        "/*",
        "*/",
        "text",
        "\\",
        "\"",
        "toUpper",
        "reReplaceAll",
        "\"(.*)\"",
        "\"$1\"",
        "true",
        "nil",
        "$",
        ".Labels",
        "query"
    };

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void templatesOfRandomTokensParseOrFailAsValuesAndNeverThrowWhenRendered(long seed) {
        Random r = new Random(seed);
        for (int n = 0; n < 20; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(14); k >= 0; k--) {
                b.append(PIECES[r.nextInt(PIECES.length)]);
            }
            String template = b.toString();
            switch (Template.parse(template)) {
                case TemplateParse.Parsed(Template t) ->
                    assertThat(t.render(data(r)))
                            .as("seed %d: %s renders, or fails with a reason, not a Java exception", seed, template)
                            .doesNotContainPattern("<error expanding template: [A-Za-z]*Exception>");
                case TemplateParse.Invalid(String message, int offset) -> {
                    assertThat(message).as("seed %d: %s", seed, template).isNotBlank();
                    assertThat(offset).as("seed %d: %s", seed, template).isBetween(0, template.length());
                }
            }
        }
    }
}
