package dev.steward.core.rule.template;

import java.util.List;
import java.util.Optional;

/** The parse tree of a template: text, actions that print a pipeline, and {@code if/else if/else/end}. */
sealed interface Node {

    record Text(String text) implements Node {}

    /** {@code {{ pipeline }}}: prints the pipeline's value, unless the pipeline declares a variable. */
    record Action(Pipeline pipeline) implements Node {}

    record If(Pipeline condition, List<Node> then, List<Node> otherwise) implements Node {}

    /** {@code with}: like {@code if}, and the branch sees the value as dot. */
    record With(Pipeline value, List<Node> then, List<Node> otherwise) implements Node {}

    /** {@code range $k, $v := map}: the branch once per entry in key order (dot is the value); else when empty. */
    record Range(
            Optional<String> keyVariable,
            Optional<String> valueVariable,
            Pipeline collection,
            List<Node> then,
            List<Node> otherwise)
            implements Node {}

    /** {@code $x := cmd | cmd}: commands chained by pipes, each receiving the previous result as its last argument. */
    record Pipeline(Optional<String> variable, boolean declares, List<Command> commands, int offset) {}

    record Command(List<Operand> operands, int offset) {}

    sealed interface Operand {
        record Literal(Object value) implements Operand {}

        record Variable(String name, List<String> fields) implements Operand {}

        /** {@code .} or {@code .Labels.instance}: fields of the template's data. */
        record Field(List<String> fields) implements Operand {}

        record Function(String name) implements Operand {}

        record Nested(Pipeline pipeline) implements Operand {}
    }
}
