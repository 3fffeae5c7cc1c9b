package dev.steward.stackfile;

import dev.steward.core.rule.ExpressionCheck;
import dev.steward.core.rule.RuleDialect;
import dev.steward.core.rule.RuleGroup;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Parses the text of one Prometheus rule file ({@code groups: [...]}) with the stack file's position-keeping YAML
 * reader and error reporting; {@code dev.steward.rulefile.RuleFileLoader} reads the files. Expressions are checked by
 * the given {@link ExpressionCheck}; an empty file has no groups, as in Prometheus.
 */
public final class RuleFileParser {
    private final RuleDialect dialect;
    private final ExpressionCheck expressions;

    public RuleFileParser(RuleDialect dialect, ExpressionCheck expressions) {
        this.dialect = dialect;
        this.expressions = expressions;
    }

    /** The groups of {@code yamlText}, read from {@code fileName} (used in messages and as the groups' file). */
    public RuleFileResult parse(String yamlText, String fileName) {
        Diagnostics diagnostics = new Diagnostics(fileName);
        NodeReader reader = new NodeReader(
                diagnostics,
                new References(name -> Optional.empty(), SecretFileReader.fileSystem(), Path.of("")),
                new ScalarColumns(yamlText));
        RuleGroupReader groups = new RuleGroupReader(reader, dialect, expressions, fileName);
        List<RuleGroup> out = YamlTree.compose(yamlText, diagnostics, null)
                .flatMap(root -> reader.fields(root, "", "a mapping with groups", List.of("groups")))
                .flatMap(f -> f.get("groups"))
                .map(n -> groups.groups(n, "groups"))
                .orElse(List.of());
        if (!diagnostics.isEmpty()) {
            return new RuleFileResult.Invalid(diagnostics.sorted());
        }
        return new RuleFileResult.Loaded(out);
    }

    /** A result holding one error without position, for a file that cannot be read. */
    public static RuleFileResult unreadable(String fileName, String message, String expected) {
        Diagnostics d = new Diagnostics(fileName);
        d.add(YamlNode.Position.UNKNOWN, "", message, null, expected);
        return new RuleFileResult.Invalid(d.sorted());
    }
}
