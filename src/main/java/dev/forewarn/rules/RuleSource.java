package dev.forewarn.rules;

/**
 * Where a rule is defined, so a finding can name it.
 *
 * @param file   the file as the user would find it ("built-in:rules/filesystem.yaml", "/etc/forewarn/rules.d/x.yaml")
 * @param line   1-based line of the rule's entry, or 0 if unknown
 * @param column 1-based column, or 0 if unknown
 */
public record RuleSource(String file, int line, int column) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + (column > 0 ? ":" + column : "") : file;
    }
}
