package dev.steward.core.rule.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One table of templates, values and renderings, checked against Steward's renderer and, when promtool is installed,
 * against Prometheus's (promtool test rules compares the annotations of alerts generated from the table).
 */
class TemplateParityTest {
    static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    static final Map<String, String> LABELS = Map.of("instance", "db-1:9187", "job", "postgres");

    record Row(String template, double value, String rendered) {}

    static final List<Row> TABLE = List.of(
            new Row("{{ $labels.instance }} of {{ $labels.job }}", 0, "db-1:9187 of postgres"),
            new Row("{{ $value }}", 0.30000000000000004, "0.30000000000000004"),
            new Row("{{ $value }}", 1234567, "1.234567e+06"),
            new Row("{{ $value }}", 123456.7, "123456.7"),
            new Row("{{ $value }}", 0.00001234, "1.234e-05"),
            new Row("{{ $value }}", Double.NaN, "NaN"),
            new Row("{{ $value }}", Double.NEGATIVE_INFINITY, "-Inf"),
            new Row("{{ humanize $value }}", 1234567, "1.235M"),
            new Row("{{ humanize $value }}", -1234, "-1.234k"),
            new Row("{{ humanize $value }}", 0.0012, "1.2m"),
            new Row("{{ humanize $value }}", 1e30, "1e+06Y"),
            new Row("{{ humanize1024 $value }}", 1536, "1.5ki"),
            new Row("{{ humanize1024 $value }}", 5e12, "4.547Ti"),
            new Row("{{ humanizeDuration $value }}", 90061, "1d 1h 1m 1s"),
            new Row("{{ humanizeDuration $value }}", -90, "-1m 30s"),
            new Row("{{ humanizeDuration $value }}", 59.99, "59.99s"),
            new Row("{{ humanizeDuration $value }}", 0.00025, "250us"),
            new Row("{{ humanizePercentage $value }}", 0.1234, "12.34%"),
            new Row("{{ humanizeTimestamp $value }}", 1435065584.128, "2015-06-23 13:19:44.128 +0000 UTC"),
            new Row("{{ printf \"%.2f\" $value }}", 3.14159, "3.14"),
            new Row("{{ printf \"%.3e\" $value }}", 1234.5, "1.234e+03"),
            new Row("{{ printf \"%05.1f\" $value }}", -2.5, "-02.5"),
            new Row("{{ printf \"%d\" $value }}", 3, "%!d(float64=3)"),
            new Row("{{ printf \"%.4g\" $value }}", 12345, "1.234e+04"),
            new Row("{{ printf \"%8.3f|\" $value }}", 3.14159, "   3.142|"),
            new Row("{{ toUpper $labels.job }} {{ title \"disk almost full\" }}", 0, "POSTGRES Disk Almost Full"),
            new Row("{{ reReplaceAll \"(.*):(.*)\" \"${2} on $1\" $labels.instance }}", 0, "9187 on db-1"),
            new Row("{{ if gt $value 0.9 }}crit{{ else if gt $value 0.5 }}warn{{ else }}ok{{ end }}", 0.7, "warn"),
            new Row("{{ with $labels.job }}job {{ . }}{{ end }}", 0, "job postgres"),
            new Row("{{ range $k, $v := $labels }}{{ $k }}={{ $v }};{{ end }}", 0, "instance=db-1:9187;job=postgres;"),
            new Row("{{ $labels }}", 0, "map[instance:db-1:9187 job:postgres]"),
            new Row("a  {{- \"b\" -}}  c{{/* comment */}}", 0, "abc"),
            new Row("[{{ $labels.missing }}]", 0, "[]"),
            new Row(
                    "{{ stripPort $labels.instance }} {{ stripPort \"[::1]:9100\" }} {{ stripPort \"x\" }}",
                    0,
                    "db-1 ::1 x"),
            new Row(
                    "{{ stripDomain \"node1.example.com:9100\" }} {{ stripDomain \"10.0.0.1:9100\" }}",
                    0,
                    "node1:9100 10.0.0.1:9100"),
            new Row("{{ stripDomain \"host.example.com\" }}", 0, "host"),
            new Row("{{ printf \"%s %s\" \"a\" }}", 0, "a %!s(MISSING)"),
            new Row("{{ printf \"%s\" \"a\" \"b\" }}", 0, "a%!(EXTRA string=b)"),
            new Row("{{ printf \"%x %X\" 255 \"hi\" }}", 0, "ff 6869"),
            new Row("{{ printf \"%-6s|%q\" \"ab\" \"a\\\"b\" }}", 0, "ab    |\"a\\\"b\""),
            new Row("{{ printf \"%.2f%%\" $value }}", 99.999, "100.00%"),
            new Row("{{ printf \"%v %.1s %+.1f\" true \"xyz\" $value }}", 2.25, "true x +2.2"),
            new Row("{{ printf \"%g %.4g\" $value 1000.0 }}", 100000, "100000 1000"),
            new Row("{{ humanizePercentage $value }}", 0.99999, "100%"),
            new Row("{{ humanizePercentage $value }}", Double.NaN, "NaN%"),
            new Row("{{ humanize $value }}", 0.0000005, "500n"),
            new Row("{{ humanizeTimestamp $value }}", 0, "1970-01-01 00:00:00 +0000 UTC"),
            new Row("{{ if and (gt $value 1.0) (lt $value 5.0) }}in{{ end }}", 3, "in"),
            new Row("{{ $x := printf \"%.0f\" $value }}at {{ $x }}%", 42.4, "at 42%"),
            new Row("{{ match \"^db-\" $labels.instance }} {{ len $labels.job }}", 0, "true 8"));

    /** Series present for the templates' queries (promtool input series; Steward's fake query answers the same). */
    static final Map<String, List<TemplateQuery.Sample>> QUERIES = Map.of(
            "up",
            List.of(
                    new TemplateQuery.Sample(Map.of("__name__", "up", "instance", "a", "job", "node"), 1),
                    new TemplateQuery.Sample(Map.of("__name__", "up", "instance", "b", "job", "node"), 0)),
            "up == 0",
            List.of(new TemplateQuery.Sample(Map.of("__name__", "up", "instance", "b", "job", "node"), 0)),
            "nothing",
            List.of());

    static final List<Row> QUERY_TABLE = List.of(
            new Row(
                    "{{ range query \"up\" | sortByLabel \"instance\" }}{{ .Labels.instance }}={{ .Value }};{{ end }}",
                    0,
                    "a=1;b=0;"),
            new Row("{{ with query \"up == 0\" }}{{ . | first | label \"instance\" }} down{{ end }}", 0, "b down"),
            new Row("{{ with query \"nothing\" }}x{{ else }}none{{ end }}", 0, "none"),
            new Row("{{ query \"up\" | len }} {{ query \"up == 0\" | first | value }}", 0, "2 0"),
            new Row(
                    "{{ range $i, $s := query \"up\" | sortByLabel \"instance\" }}{{ $i }}:{{ $s.Labels.__name__ }} {{ end }}",
                    0,
                    "0:up 1:up "));

    @Test
    void stewardRendersWhatTheTableSays() {
        TemplateQuery query = expr -> new TemplateQuery.Result.Samples(QUERIES.get(expr));
        for (Row row : java.util.stream.Stream.concat(TABLE.stream(), QUERY_TABLE.stream())
                .toList()) {
            TemplateParse p = Template.parse(row.template());
            assertThat(p).as(row.template()).isInstanceOf(TemplateParse.Parsed.class);
            String rendered = ((TemplateParse.Parsed) p)
                    .template()
                    .render(new TemplateData(LABELS, row.value(), Map.of(), "", query));
            assertThat(rendered).as("%s with %s", row.template(), row.value()).isEqualTo(row.rendered());
        }
    }

    @Test
    void prometheusRendersWhatTheTableSays(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PROMTOOL), "install promtool (Debian package prometheus) to compare");
        StringBuilder rules = new StringBuilder("groups:\n  - name: templates\n    rules:\n");
        StringBuilder tests = new StringBuilder("rule_files: [templates.rules.yml]\nevaluation_interval: 1m\n"
                + "tests:\n  - interval: 1m\n    input_series:\n"
                + "      - {series: 'up{instance=\"a\",job=\"node\"}', values: '1'}\n"
                + "      - {series: 'up{instance=\"b\",job=\"node\"}', values: '0'}\n"
                + "    alert_rule_test:\n");
        List<Row> all = java.util.stream.Stream.concat(TABLE.stream(), QUERY_TABLE.stream())
                .toList();
        for (int i = 0; i < all.size(); i++) {
            Row row = all.get(i);
            rules.append("      - alert: T")
                    .append(i)
                    .append("\n        expr: ")
                    .append(json(expr(row.value())))
                    .append("\n        annotations: {t: ")
                    .append(json(row.template()))
                    .append("}\n");
            tests.append("      - eval_time: 0m\n        alertname: T")
                    .append(i)
                    .append("\n        exp_alerts:\n          - exp_labels: {instance: \"db-1:9187\", job: postgres}\n")
                    .append("            exp_annotations: {t: ")
                    .append(json(row.rendered()))
                    .append("}\n");
        }
        Files.writeString(dir.resolve("templates.rules.yml"), rules);
        Files.writeString(dir.resolve("templates.test.yml"), tests);
        Process p = new ProcessBuilder(PROMTOOL.toString(), "test", "rules", "templates.test.yml")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }

    private static String expr(double v) {
        String number = Double.isNaN(v) ? "NaN" : Double.isInfinite(v) ? (v > 0 ? "Inf" : "-Inf") : Double.toString(v);
        return "label_replace(label_replace(vector(" + number + "), \"instance\", \"db-1:9187\", \"\", \"\"),"
                + " \"job\", \"postgres\", \"\", \"\")";
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
