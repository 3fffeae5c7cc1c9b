package dev.steward.console;

/** Text as the console's templates escape it in an element's content, to find it in a page. */
final class Html {
    private Html() {}

    static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
