package dev.forewarn.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML text into {@link YamlNode}s that keep each node's line and column, using Jackson's
 * YAML parser token by token (its tree model forgets locations). Syntax errors and duplicate keys
 * become {@link RuleProblem}s, never exceptions.
 */
final class YamlReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    /** The document and the problems met while reading it. */
    record Result(YamlNode root, List<RuleProblem> problems) {
    }

    private final String file;
    private final List<RuleProblem> problems = new ArrayList<>();

    private YamlReader(String file) {
        this.file = file;
    }

    /** Reads one YAML document; root is null when the text is empty or unreadable. */
    static Result read(String text, String file) {
        YamlReader r = new YamlReader(file);
        YamlNode root = null;
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t != null) {
                root = r.node(p, t);
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            r.problems.add(new RuleProblem(file, line(loc), column(loc), "YAML syntax: " + firstLine(e.getOriginalMessage())));
            root = null;
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports some malformed input (bad escapes, odd bytes) outside Jackson's exception type.
            r.problems.add(new RuleProblem(file, 0, 0, "YAML syntax: " + firstLine(String.valueOf(e.getMessage()))));
            root = null;
        }
        return new Result(root, List.copyOf(r.problems));
    }

    private YamlNode node(JsonParser p, JsonToken t) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = line(loc);
        int col = column(loc);
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode> fields = new LinkedHashMap<>();
                Map<String, YamlNode> keys = new LinkedHashMap<>();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonLocation kl = p.currentTokenLocation();
                    YamlNode keyNode = YamlNode.scalar(name, line(kl), column(kl));
                    YamlNode value = node(p, p.nextToken());
                    if (fields.containsKey(name)) {
                        problems.add(new RuleProblem(file, keyNode.line(), keyNode.column(),
                                "duplicate key '" + name + "' (first at line " + keys.get(name).line() + ")"));
                        continue;
                    }
                    fields.put(name, value);
                    keys.put(name, keyNode);
                }
                return new YamlNode(YamlNode.Kind.MAPPING, null, fields, keys, null, line, col);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                JsonToken i;
                while ((i = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (i == null) {
                        throw new IOException("unexpected end of input");
                    }
                    items.add(node(p, i));
                }
                return new YamlNode(YamlNode.Kind.SEQUENCE, null, null, null, items, line, col);
            }
            case VALUE_STRING -> {
                return YamlNode.scalar(p.getText(), line, col);
            }
            case VALUE_NUMBER_INT -> {
                Object v = p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? (Object) p.getText() : (Object) p.getLongValue();
                return YamlNode.scalar(v, line, col);
            }
            case VALUE_NUMBER_FLOAT -> {
                return YamlNode.scalar(p.getDoubleValue(), line, col);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return YamlNode.scalar(t == JsonToken.VALUE_TRUE, line, col);
            }
            case VALUE_NULL -> {
                return YamlNode.scalar(null, line, col);
            }
            case VALUE_EMBEDDED_OBJECT -> {
                // binary (!!binary) or other tagged values: keep as text, validation will reject it.
                return YamlNode.scalar(p.getText(), line, col);
            }
            default -> throw new IOException("unexpected " + t);
        }
    }

    private static int line(JsonLocation loc) {
        return loc == null ? 0 : Math.max(0, loc.getLineNr());
    }

    private static int column(JsonLocation loc) {
        return loc == null ? 0 : Math.max(0, loc.getColumnNr());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }
}
