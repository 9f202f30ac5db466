package dev.forewarn.cli;

import dev.forewarn.forecast.Projection;
import dev.forewarn.rules.Rule;
import dev.forewarn.rules.RuleEvaluator;
import dev.forewarn.rules.RuleSet;
import dev.forewarn.series.SeriesSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules in force as {@code forecast} meets them: the rule {@code --rule ID} projects as, and
 * the notes that name the rule {@code check} judges a series by when {@code forecast} ran to its
 * default threshold instead. Loaded as {@code check} loads them (built-in set, then the rules.d
 * directories).
 */
final class ForecastRules {

    private ForecastRules() {
    }

    /** The rules in force. */
    static RuleSet inForce() {
        return RuleSet.load(true, RuleSet.standardDirs(System.getenv()), null);
    }

    /** The rule with this id, refused (exit 2) when none is in force or it has no threshold to project to. */
    static Rule named(String id) {
        Rule r = inForce().find(id);
        if (r == null) {
            throw new UserException("--rule: no rule '" + id + "' in force; 'forewarn rules list' lists them", ExitCodes.USAGE, null);
        }
        if (r.threshold() == null) {
            throw new UserException("--rule: rule " + r.id() + " has no threshold to project to (it judges present values"
                    + (r.growth() != null ? " and growth" : "") + " only)", ExitCodes.USAGE, null);
        }
        return r;
    }

    /**
     * One note for each rule that judges a projected series at another level than the projection's
     * ("available memory" to 2 % of its total, not to 0 B), so that the date beside check's is not
     * taken for a disagreement; {@code selector} is what the user typed, for the command to run.
     */
    static List<String> otherLevels(List<Rule> rules, SeriesSource source, List<Projection> projections, long atMillis, String selector) {
        List<String> notes = new ArrayList<>();
        Set<String> said = new HashSet<>();
        for (Projection p : projections) {
            for (Rule r : rules) {
                if (r.threshold() == null || !r.matches(p.series()) || said.contains(r.id())) {
                    continue;
                }
                Double level = RuleEvaluator.threshold(r, p.series(), source, atMillis);
                if (level == null || Math.abs(level - p.threshold()) <= 1e-9 * Math.max(1, Math.abs(level))) {
                    continue;
                }
                said.add(r.id());
                notes.add("check judges " + p.series() + " with rule " + r.id() + ", to " + r.threshold().shown(p.series().name(), level)
                        + " at " + Math.round(r.confidence() * 100) + " %: forewarn forecast " + shellWord(selector) + " --rule " + r.id() + " gives its date");
            }
        }
        return notes;
    }

    /** {@code text} as one shell word: as it is when plain, else single-quoted ({@code 'fs.avail_bytes{mount="/"}'}). */
    static String shellWord(String text) {
        return text.matches("[A-Za-z0-9._:/-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
