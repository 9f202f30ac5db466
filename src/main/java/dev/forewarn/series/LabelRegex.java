package dev.forewarn.series;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * The regular expression of a {@code =~} or {@code !~} label matcher, in RE2 syntax and
 * matched as Prometheus matches it: against the whole label value, in time linear in the
 * value's length (RE2/J has no backtracking, so no pattern can hang a selector), with
 * {@code .} matching a newline too. RE2 has no backreferences and no lookaround; such a
 * pattern is refused when the selector is parsed.
 *
 * <p>Its own class so that RE2/J's classes load only when a selector has a regex matcher.
 */
final class LabelRegex {

    private final Pattern pattern;

    private LabelRegex(Pattern pattern) {
        this.pattern = pattern;
    }

    /**
     * Compiles a label matcher's expression.
     *
     * @throws IllegalArgumentException saying what RE2 cannot read, and that it is RE2 syntax
     */
    static LabelRegex compile(String regex) {
        try {
            return new LabelRegex(Pattern.compile("(?s:" + regex + ")"));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getDescription() + " in /" + regex
                    + "/ (RE2 syntax, as in Prometheus: no backreferences, no lookaround)");
        }
    }

    /** True when the whole value matches. */
    boolean matches(String value) {
        return pattern.matches(value);
    }
}
