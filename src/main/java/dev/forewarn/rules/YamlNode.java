package dev.forewarn.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a YAML document with the line and column where it starts, so that every
 * validation problem can name file:line:column. Jackson's tree model drops locations; this
 * keeps them (see {@link YamlReader}).
 *
 * @param kind   what the node holds
 * @param scalar the scalar's value (String, Long, Double, Boolean, or null) for {@link Kind#SCALAR}
 * @param fields a mapping's entries in file order (value nodes), empty otherwise
 * @param keys   a mapping's key positions, by key, empty otherwise
 * @param items  a sequence's items, empty otherwise
 * @param line   1-based line
 * @param column 1-based column
 */
record YamlNode(Kind kind, Object scalar, Map<String, YamlNode> fields, Map<String, YamlNode> keys,
                List<YamlNode> items, int line, int column) {

    /** The three YAML node kinds. */
    enum Kind { SCALAR, MAPPING, SEQUENCE }

    YamlNode {
        fields = fields == null ? Map.of() : new LinkedHashMap<>(fields);
        keys = keys == null ? Map.of() : new LinkedHashMap<>(keys);
        items = items == null ? List.of() : List.copyOf(items);
    }

    static YamlNode scalar(Object value, int line, int column) {
        return new YamlNode(Kind.SCALAR, value, null, null, null, line, column);
    }

    boolean isMapping() {
        return kind == Kind.MAPPING;
    }

    boolean isSequence() {
        return kind == Kind.SEQUENCE;
    }

    boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    boolean isNull() {
        return kind == Kind.SCALAR && scalar == null;
    }

    /** A human word for the node's type, for "expected a duration, got a list" messages. */
    String typeName() {
        return switch (kind) {
            case MAPPING -> "a mapping";
            case SEQUENCE -> "a list";
            case SCALAR -> scalar == null ? "nothing (null)"
                    : scalar instanceof Boolean ? "a boolean"
                    : scalar instanceof Number ? "a number"
                    : "text";
        };
    }

    /** The scalar as text (numbers and booleans as written by Java), or null. */
    String text() {
        return kind == Kind.SCALAR && scalar != null ? String.valueOf(scalar) : null;
    }
}
