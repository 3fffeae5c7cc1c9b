package dev.steward.core.rule.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTest {
    private static final Map<String, String> LABELS =
            Map.of("__name__", "up", "instance", "db-1:9187", "job", "postgres", "mountpoint", "/var/lib");

    private static String render(String template, double value) {
        TemplateParse p = Template.parse(template);
        assertThat(p).as("parse of %s", template).isInstanceOf(TemplateParse.Parsed.class);
        return ((TemplateParse.Parsed) p)
                .template()
                .render(new TemplateData(LABELS, value, Map.of("cluster", "eu-1"), "http://steward:9090"));
    }

    private static TemplateParse.Invalid invalid(String template) {
        TemplateParse p = Template.parse(template);
        assertThat(p).as("parse of %s", template).isInstanceOf(TemplateParse.Invalid.class);
        return (TemplateParse.Invalid) p;
    }

    @Test
    void rendersLabelsAndValueLikePrometheus() {
        assertThat(render("{{ $labels.instance }} of job {{ $labels.job }} is down", 0))
                .isEqualTo("db-1:9187 of job postgres is down");
        assertThat(render("value {{ $value }}", 0.25)).isEqualTo("value 0.25");
        assertThat(render("{{ $value }}", 1e6)).isEqualTo("1e+06");
        assertThat(render("{{ $value }}", 123456)).isEqualTo("123456");
        assertThat(render("{{ .Labels.job }}/{{ .Value }}", 3)).isEqualTo("postgres/3");
        assertThat(render("[{{ $labels.missing }}]", 0)).isEqualTo("[]");
        assertThat(render("{{ $externalLabels.cluster }} {{ $externalURL }}", 0))
                .isEqualTo("eu-1 http://steward:9090");
        assertThat(render("plain text", 0)).isEqualTo("plain text");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '¦',
            value = {
                "{{ humanize $value }}¦1234567¦1.235M",
                "{{ $value | humanize }}¦0.0012¦1.2m",
                "{{ humanize $value }}¦0¦0",
                "{{ humanize $value }}¦999¦999",
                "{{ humanize1024 $value }}¦1048576¦1Mi",
                "{{ humanize1024 $value }}¦1¦1",
                "{{ humanizeDuration $value }}¦90061¦1d 1h 1m 1s",
                "{{ humanizeDuration $value }}¦3723¦1h 2m 3s",
                "{{ humanizeDuration $value }}¦1.5¦1.5s",
                "{{ humanizeDuration $value }}¦0.002¦2ms",
                "{{ humanizeDuration $value }}¦0¦0s",
                "{{ humanizePercentage $value }}¦0.1234¦12.34%",
                "{{ humanizePercentage $value }}¦0.5¦50%",
                "{{ humanizeTimestamp $value }}¦1435065584.128¦2015-06-23 13:19:44.128 +0000 UTC",
                "{{ humanizeTimestamp $value }}¦1435065584¦2015-06-23 13:19:44 +0000 UTC",
                "{{ printf \"%.2f\" $value }}¦3.14159¦3.14",
                "{{ printf \"%.1f%%\" $value }}¦93.25¦93.2%",
                "{{ printf \"%d items\" 5 }}¦0¦5 items",
                "{{ printf \"%5.1f|\" $value }}¦2.25¦'  2.2|'",
                "{{ printf \"%s\" $value }}¦1.5¦%!s(float64=1.5)",
                "{{ printf \"%e\" $value }}¦123456¦1.234560e+05",
                "{{ printf \"%g\" $value }}¦0.00001¦1e-05",
                "{{ printf \"%v %q\" $value $labels.job }}¦2¦2 \"postgres\"",
            })
    void formatsNumbersWithPrometheusFunctions(String template, double value, String expected) {
        assertThat(render(template, value)).isEqualTo(expected);
    }

    @Test
    void transformsText() {
        assertThat(render("{{ toUpper $labels.job }} {{ $labels.job | toLower }}", 0))
                .isEqualTo("POSTGRES postgres");
        assertThat(render("{{ title \"disk almost full\" }}", 0)).isEqualTo("Disk Almost Full");
        assertThat(render("{{ reReplaceAll \":[0-9]+$\" \"\" $labels.instance }}", 0))
                .isEqualTo("db-1");
        assertThat(render("{{ reReplaceAll \"(.*):(.*)\" \"${2} on $1\" $labels.instance }}", 0))
                .isEqualTo("9187 on db-1");
        assertThat(render("{{ if match \"^db-\" $labels.instance }}database{{ end }}", 0))
                .isEqualTo("database");
    }

    @Test
    void escapesQueriesAndKnowsTheExternalUrl() {
        assertThat(render("{{ urlQueryEscape \"a b&c=d/é~*\" }}", 0)).isEqualTo("a+b%26c%3Dd%2F%C3%A9~%2A");
        assertThat(render("{{ externalURL }}|{{ pathPrefix }}", 0)).isEqualTo("http://steward:9090|");
        Template t = ((TemplateParse.Parsed) Template.parse("{{ pathPrefix }}/alerts")).template();
        assertThat(t.render(new TemplateData(Map.of(), 0, Map.of(), "https://ops.example.com/steward")))
                .isEqualTo("/steward/alerts");
    }

    @Test
    void choosesBranchesWithComparisons() {
        String t = "{{ if gt $value 0.9 }}critical{{ else if gt $value 0.5 }}warning{{ else }}ok{{ end }}";
        assertThat(render(t, 0.95)).isEqualTo("critical");
        assertThat(render(t, 0.7)).isEqualTo("warning");
        assertThat(render(t, 0.1)).isEqualTo("ok");
        assertThat(render("{{ if eq $labels.job \"postgres\" }}pg{{ end }}", 0)).isEqualTo("pg");
        assertThat(render("{{ if ne $labels.job \"postgres\" }}x{{ else }}y{{ end }}", 0))
                .isEqualTo("y");
        assertThat(render("{{ if lt $value 10 }}small{{ end }}", 3)).isEqualTo("small");
        assertThat(render("{{ if and (gt $value 1.0) (lt $value 5.0) }}in{{ end }}", 3))
                .isEqualTo("in");
    }

    @Test
    void withAndRangeRebindDot() {
        assertThat(render("{{ with $labels.job }}job {{ . }}{{ else }}no job{{ end }}", 0))
                .isEqualTo("job postgres");
        assertThat(render("{{ with $labels.nope }}{{ . }}{{ else }}none{{ end }}", 0))
                .isEqualTo("none");
        assertThat(render("{{ range $k, $v := $labels }}{{ $k }}={{ $v }};{{ end }}", 0))
                .isEqualTo("__name__=up;instance=db-1:9187;job=postgres;mountpoint=/var/lib;");
        assertThat(render("{{ range $externalLabels }}[{{ . }}]{{ end }}", 0)).isEqualTo("[eu-1]");
        assertThat(render("{{ range $v := .Labels }}{{ end }}done", 0)).isEqualTo("done");
        assertThat(render("{{ $labels }}", 0))
                .isEqualTo("map[__name__:up instance:db-1:9187 job:postgres mountpoint:/var/lib]");
    }

    @Test
    void declaresVariablesAndTrimsSpace() {
        assertThat(render("{{ $pct := printf \"%.0f\" $value }}at {{ $pct }}%", 42.4))
                .isEqualTo("at 42%");
        assertThat(render("a  {{- \"b\" -}}  c", 0)).isEqualTo("abc");
        assertThat(render("{{/* a comment */}}x", 0)).isEqualTo("x");
    }

    @Test
    void queriesFailAsTextWhereNoQueryIsAvailable() {
        assertThat(render("{{ query \"up\" | len }}", 0))
                .isEqualTo("<error expanding template: error calling query: no query is available here>");
        TemplateData empty = new TemplateData(
                Map.of(), 0, Map.of(), "", expr -> new TemplateQuery.Result.Samples(java.util.List.of()));
        assertThat(((TemplateParse.Parsed) Template.parse("{{ query \"x\" | first }}"))
                        .template()
                        .render(empty))
                .isEqualTo("<error expanding template: error calling first: first() called on vector with no"
                        + " elements>");
    }

    @Test
    void runtimeErrorsRenderAsTextInsteadOfThrowing() {
        assertThat(render("{{ humanize $labels.job }}", 0))
                .startsWith("<error expanding template: error calling humanize: strconv.ParseFloat");
        assertThat(render("{{ gt $labels.job 1.0 }}", 0))
                .isEqualTo("<error expanding template: error calling gt: incompatible types for comparison:"
                        + " string and float64>");
        assertThat(render("{{ $value.foo }}", 0)).startsWith("<error expanding template: can't evaluate field foo");
    }

    @Test
    void syntaxErrorsAreReportedWithTheirOffset() {
        assertThat(invalid("{{ $labels.instance ").message()).isEqualTo("unclosed action");
        assertThat(invalid("ok {{ if $value }}x").message()).contains("{{end}} is missing");
        assertThat(invalid("{{ nosuch $value }}").message()).isEqualTo("function \"nosuch\" not defined");
        assertThat(invalid("{{ nosuch $value }}").offset()).isEqualTo(3);
        assertThat(invalid("{{ $lables.job }}").message()).isEqualTo("undefined variable \"$lables\"");
        assertThat(invalid("{{ now }}").message())
                .isEqualTo("the function \"now\" is not supported in Steward templates (not implemented)");
        assertThat(invalid("{{ define \"x\" }}{{ end }}").message()).contains("not supported");
        assertThat(invalid("{{ with $value }}x").message()).contains("{{with}}: {{end}} is missing");
        assertThat(invalid("{{ end }}").message()).contains("unexpected");
        assertThat(invalid("{{ \"abc }}").message()).isEqualTo("unterminated string");
    }
}
