package dev.steward.stackfile;

import dev.steward.stackfile.YamlNode.Position;
import dev.steward.stackfile.YamlNode.Scalar;

/**
 * Maps an offset inside a scalar's value to the line and column of that character in the file, so that an error in an
 * {@code expect} condition or a reference points at the offending character. Exact for scalars written on one line
 * (plain, single- or double-quoted, with their escapes); for other scalars it gives the scalar's start.
 */
final class ScalarColumns {
    private final int[] text;

    ScalarColumns(String text) {
        this.text = text.codePoints().toArray();
    }

    Position at(Scalar scalar, int offset) {
        Position start = scalar.start();
        if (start.index() < 0 || start.line() != scalar.end().line() || scalar.style() == YamlNode.Style.BLOCK) {
            return start;
        }
        int codePoints = scalar.value()
                .codePointCount(0, Math.min(Math.max(offset, 0), scalar.value().length()));
        int p = start.index();
        switch (scalar.style()) {
            case PLAIN -> p += codePoints;
            case SINGLE_QUOTED -> {
                p++;
                for (int k = 0; k < codePoints && p < text.length; k++) {
                    p += text[p] == '\'' && p + 1 < text.length && text[p + 1] == '\'' ? 2 : 1;
                }
            }
            case DOUBLE_QUOTED -> {
                p++;
                for (int k = 0; k < codePoints && p < text.length; k++) {
                    p += text[p] == '\\' && p + 1 < text.length ? escapeLength(text[p + 1]) : 1;
                }
            }
            case BLOCK -> {
                return start;
            }
        }
        return new Position(start.line(), start.column() + (p - start.index()), p);
    }

    private static int escapeLength(int c) {
        return switch (c) {
            case 'x' -> 4;
            case 'u' -> 6;
            case 'U' -> 10;
            default -> 2;
        };
    }
}
