package dev.steward.stackfile;

import dev.steward.stackfile.YamlNode.Entry;
import dev.steward.stackfile.YamlNode.Mapping;
import dev.steward.stackfile.YamlNode.Scalar;
import java.util.Optional;

/** A mapping of the stack file whose keys have been checked against the schema, with its path. */
record Fields(Mapping mapping, String path) {

    Optional<YamlNode> get(String key) {
        return entry(key).map(Entry::value);
    }

    Optional<Scalar> keyNode(String key) {
        return entry(key).map(Entry::key);
    }

    boolean has(String key) {
        return entry(key).isPresent();
    }

    String path(String key) {
        return KeyPath.key(path, key);
    }

    private Optional<Entry> entry(String key) {
        return mapping.entries().stream()
                .filter(e -> e.key().value().equals(key))
                .findFirst();
    }
}
