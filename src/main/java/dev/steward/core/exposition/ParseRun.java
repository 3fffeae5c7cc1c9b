package dev.steward.core.exposition;

import dev.steward.core.series.Labels;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * The grammar of one parse, line by line, over a {@link ByteCursor}: metadata lines, sample lines with their labels,
 * values, timestamps and (OpenMetrics) exemplars. Holds the current line for error positions and a label builder
 * reused from line to line.
 */
final class ParseRun extends ByteCursor {
    private final SampleHandler handler;
    private final Labels.Builder labels = Labels.builder();
    private final String[] seenNames = new String[64];
    private int seen;
    private int line;
    private int lineStart;
    private int samples;
    private boolean sawEof;

    ParseRun(byte[] b, int offset, int length, ExpositionFormat format, SampleHandler handler) {
        super(b, offset, length, format == ExpositionFormat.OPENMETRICS);
        this.handler = handler;
    }

    ParseResult run() {
        try {
            while (pos < end) {
                lineStart = pos;
                line++;
                if (sawEof) {
                    throw new Malformed(pos, "unexpected data after # EOF");
                }
                parseLine();
            }
            if (openMetrics && !sawEof) {
                throw new Malformed(pos, "OpenMetrics exposition does not end with # EOF");
            }
            return new ParseResult.Parsed(samples);
        } catch (Malformed m) {
            return new ParseResult.Failed(toError(m));
        }
    }

    private ParseError toError(Malformed m) {
        int start = Math.min(lineStart, end);
        int stop = start;
        while (stop < end && b[stop] != '\n') {
            stop++;
        }
        String excerpt = new String(b, start, Math.min(stop - start, 160), StandardCharsets.UTF_8);
        return new ParseError(Math.max(line, 1), Math.max(m.offset, start) - start + 1, m.getMessage(), excerpt);
    }

    private void parseLine() {
        if (!openMetrics) {
            skipBlanks();
        }
        if (pos >= end || b[pos] == '\n') {
            if (openMetrics) {
                throw new Malformed(pos, "blank lines are not allowed in OpenMetrics");
            }
            pos++;
        } else if (b[pos] == '#') {
            comment();
        } else {
            sampleLine();
        }
    }

    private void comment() {
        pos++;
        if (openMetrics) {
            expect(' ', "a space after '#'");
        } else if (!isBlank(pos)) {
            skipLine();
            return;
        }
        skipBlanks();
        int wordStart = pos;
        while (pos < end && b[pos] >= 'A' && b[pos] <= 'Z') {
            pos++;
        }
        String word = new String(b, wordStart, pos - wordStart, StandardCharsets.ISO_8859_1);
        switch (word) {
            case "HELP" -> handler.help(metadataName(), helpText());
            case "TYPE" -> typeLine();
            case "UNIT" -> unitLine();
            case "EOF" -> eofLine();
            default -> {
                if (openMetrics) {
                    throw new Malformed(
                            wordStart,
                            "expected HELP, TYPE, UNIT or EOF after '# ', found "
                                    + NumberSyntax.token(b, wordStart, lineEnd()));
                }
                skipLine();
            }
        }
    }

    private void typeLine() {
        String family = metadataName();
        requireBlank("the metric type");
        int start = pos;
        while (pos < end && b[pos] != '\n' && !isBlank(pos)) {
            pos++;
        }
        String keyword = new String(b, start, pos - start, StandardCharsets.UTF_8);
        MetricType type = MetricType.fromKeyword(
                        keyword, openMetrics ? ExpositionFormat.OPENMETRICS : ExpositionFormat.PROMETHEUS_TEXT)
                .orElseThrow(() -> new Malformed(
                        start,
                        "unknown metric type \"" + keyword + "\", expected one of "
                                + (openMetrics
                                        ? "counter, gauge, histogram, gaugehistogram, summary, info, stateset, unknown"
                                        : "counter, gauge, histogram, summary, untyped")));
        endOfLine();
        handler.type(family, type);
    }

    private void unitLine() {
        if (!openMetrics) {
            skipLine();
            return;
        }
        String family = metadataName();
        String unit = "";
        if (pos < end && b[pos] == ' ') {
            pos++;
            int start = pos;
            pos = lineEnd();
            unit = new String(b, start, pos - start, StandardCharsets.UTF_8);
        }
        endOfLine();
        handler.unit(family, unit);
    }

    private void eofLine() {
        if (!openMetrics) {
            skipLine();
            return;
        }
        if (pos < end && b[pos] != '\n') {
            throw new Malformed(pos, "expected the end of the line after # EOF, found " + describe(pos));
        }
        sawEof = true;
        pos++;
    }

    /** The family name after HELP, TYPE or UNIT. */
    private String metadataName() {
        requireBlank("a metric name");
        int start = pos;
        scanMetricName();
        if (pos == start) {
            throw new Malformed(pos, "expected a metric name, found " + describe(pos));
        }
        return ascii(start, pos);
    }

    private String helpText() {
        if (pos >= end || b[pos] == '\n') {
            pos++;
            return "";
        }
        requireBlank("the help text");
        int start = pos;
        int stop = lineEnd();
        pos = stop + 1;
        return unescape(start, stop, openMetrics, "help text");
    }

    private void sampleLine() {
        int nameStart = pos;
        scanMetricName();
        if (pos == nameStart) {
            throw new Malformed(pos, "expected a metric name, found " + describe(pos));
        }
        String name = ascii(nameStart, pos);
        labels.clear().add(Labels.METRIC_NAME, name);
        seenNames[0] = Labels.METRIC_NAME;
        seen = 1;
        int afterName = pos;
        if (!openMetrics) {
            skipBlanks(); // the text format allows blanks between the name and its labels
        }
        if (pos < end && b[pos] == '{') {
            labelSet(true);
            if (openMetrics || isBlank(pos) || pos >= end || b[pos] == '\n') {
                requireBlank("a value");
            } // else the text format, like Prometheus, takes a value right after the closing brace
        } else {
            pos = afterName;
            requireBlank("a value");
        }
        int start = pos;
        scanToken();
        double value = NumberSyntax.parseFloat(b, start, pos, "a sample value");
        OptionalLong ts = OptionalLong.empty();
        if (isBlank(pos)) {
            skipSeparator();
            if (pos < end && b[pos] != '\n' && b[pos] != '#') {
                ts = OptionalLong.of(timestamp());
            }
        }
        if (openMetrics && pos < end && b[pos] == ' ') {
            skipSeparator();
        }
        if (openMetrics && pos < end && b[pos] == '#') {
            exemplar();
        }
        endOfLine();
        samples++;
        handler.sample(name, labels.build(), value, ts);
    }

    private long timestamp() {
        int start = pos;
        scanToken();
        if (!openMetrics) {
            return NumberSyntax.parseLong(b, start, pos, "a timestamp in milliseconds");
        }
        double seconds = NumberSyntax.parseFloat(b, start, pos, "a timestamp in seconds");
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw new Malformed(
                    start, "timestamp must be a finite number of seconds, found " + NumberSyntax.token(b, start, pos));
        }
        return Math.round(seconds * 1000.0);
    }

    /** An OpenMetrics exemplar, {@code # {trace_id="..."} 0.5 1700000000.1}: checked, then ignored. */
    private void exemplar() {
        pos++;
        expect(' ', "a space after the exemplar's '#'");
        if (pos >= end || b[pos] != '{') {
            throw new Malformed(pos, "expected '{' to start the exemplar's labels, found " + describe(pos));
        }
        labelSet(false);
        requireBlank("the exemplar's value");
        int start = pos;
        scanToken();
        NumberSyntax.parseFloat(b, start, pos, "the exemplar's value");
        if (pos < end && b[pos] == ' ') {
            pos++;
            start = pos;
            scanToken();
            NumberSyntax.parseFloat(b, start, pos, "the exemplar's timestamp");
        }
    }

    /** Reads {@code {name="value", ...}}, adding the labels to the builder when {@code keep}. */
    private void labelSet(boolean keep) {
        pos++;
        skipBlanks();
        while (true) {
            if (pos < end && b[pos] == '}') {
                pos++;
                return;
            }
            int nameStart = pos;
            scanLabelName();
            if (pos == nameStart) {
                throw new Malformed(pos, "expected a label name or '}', found " + describe(pos));
            }
            String name = ascii(nameStart, pos);
            skipBlanks();
            expect('=', "'=' after label name \"" + name + "\"");
            skipBlanks();
            expect('"', "'\"' to open the value of label \"" + name + "\"");
            String value = quotedValue(name);
            if (keep) {
                addLabel(nameStart, name, value);
            }
            skipBlanks();
            if (pos < end && b[pos] == ',') {
                pos++;
                skipBlanks();
            } else if (pos >= end || b[pos] != '}') {
                throw new Malformed(
                        pos, "expected ',' or '}' after the value of label \"" + name + "\", found " + describe(pos));
            }
        }
    }

    private void addLabel(int at, String name, String value) {
        for (int i = 0; i < seen; i++) {
            if (seenNames[i].equals(name)) {
                throw new Malformed(at, "duplicate label name \"" + name + "\"");
            }
        }
        if (seen == seenNames.length) {
            throw new Malformed(at, "more than " + seenNames.length + " labels on one sample");
        }
        seenNames[seen++] = name;
        labels.add(name, value);
    }

    /** The value after an opening quote, up to the closing one, unescaped. */
    /** Unescapes {@code \\}, {@code \n} and (in label values and OpenMetrics help) {@code \"}; checks UTF-8. */
    /** Between tokens: one space in OpenMetrics, any run of blanks in the text format. */
    /** Accepts the end of the line (trailing blanks too in the text format) and moves past it. */
}
