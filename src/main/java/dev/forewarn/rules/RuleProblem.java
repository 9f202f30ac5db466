package dev.forewarn.rules;

/**
 * One thing wrong in a rules file, where it is and what to do about it.
 *
 * @param file    the file as the user knows it
 * @param line    1-based line, or 0 when the parser could not tell
 * @param column  1-based column, or 0 when unknown
 * @param message what is wrong, in words
 */
public record RuleProblem(String file, int line, int column, String message) {

    /** {@code file:line:column: message}, the form compilers use and editors jump to. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + message;
    }
}
