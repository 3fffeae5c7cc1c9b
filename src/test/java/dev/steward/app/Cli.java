package dev.steward.app;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line through {@link Main#execute(PrintWriter, PrintWriter, String...)}, output captured. */
record Cli(int exitCode, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out, true);
                PrintWriter e = new PrintWriter(err, true)) {
            code = Main.execute(o, e, args);
        }
        return new Cli(code, out.toString(), err.toString());
    }

    /** Both streams, for assertion messages. */
    String transcript() {
        return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
