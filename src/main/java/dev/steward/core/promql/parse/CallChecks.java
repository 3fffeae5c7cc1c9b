package dev.steward.core.promql.parse;

import java.util.List;

/** Argument count and type checks of function calls and aggregations, with Prometheus's messages. */
final class CallChecks {
    private CallChecks() {}

    static void check(Parser p, Token name, FunctionSpec fn, List<Expr> args) throws ParseException {
        int expected = fn.argTypes().size();
        int n = args.size();
        if (fn.variadic() == 0) {
            if (expected != n) {
                throw p.errorAt(
                        name.start(),
                        "expected " + expected + " argument(s) in call to \"" + fn.name() + "\", got " + n);
            }
        } else {
            int min = expected - 1;
            if (min > n) {
                throw p.errorAt(
                        name.start(),
                        "expected at least " + min + " argument(s) in call to \"" + fn.name() + "\", got " + n);
            }
            int max = min + fn.variadic();
            if (fn.variadic() > 0 && max < n) {
                throw p.errorAt(
                        name.start(),
                        "expected at most " + max + " argument(s) in call to \"" + fn.name() + "\", got " + n);
            }
        }
        for (int k = 0; k < n; k++) {
            ValueType want = fn.argTypes().get(Math.min(k, expected - 1));
            expectType(p, args.get(k), want, "call to function \"" + fn.name() + "\"");
        }
    }

    static void expectType(Parser p, Expr e, ValueType want, String context) throws ParseException {
        if (e.type() != want) {
            throw p.errorAt(
                    e.position(),
                    "expected type " + want.description() + " in " + context + ", got "
                            + e.type().description());
        }
    }
}
