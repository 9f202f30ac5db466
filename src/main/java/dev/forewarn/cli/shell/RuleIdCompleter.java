package dev.forewarn.cli.shell;

import dev.forewarn.rules.Rule;
import dev.forewarn.rules.RuleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Completes rule ids after {@code rules explain} and {@code forecast ... --rule}: the ids of the rules in force, read as the
 * command will read them (built-in set, rules.d directories, and the line's own
 * {@code --rules FILE}), each time Tab is pressed, so an edited rules file shows at once.
 */
final class RuleIdCompleter implements Completer {

    private final CommandLine root;
    private final Function<Path, RuleSet> rules;

    /** Reads the rules in force, as the {@code rules} commands do, from this environment. */
    RuleIdCompleter(CommandLine root, Map<String, String> env) {
        this(root, extra -> RuleSet.load(true, RuleSet.standardDirs(env), extra));
    }

    RuleIdCompleter(CommandLine root, Function<Path, RuleSet> rules) {
        this.root = root;
        this.rules = rules;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (!expectsRuleId(root, line.words(), line.wordIndex())) {
            return;
        }
        for (String id : ids(line.words())) {
            candidates.add(new Candidate(id, id, "rule", null, null, null, true));
        }
    }

    /** The ids in force for this line, in the order the rules were defined. */
    List<String> ids(List<String> words) {
        Path extra = null;
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equals("--rules") && !words.get(i + 1).isEmpty()) {
                extra = Path.of(words.get(i + 1));
            }
        }
        List<String> out = new ArrayList<>();
        for (Rule r : rules.apply(extra).rules()) {
            out.add(r.id());
        }
        return out;
    }

    /**
     * True when the word at {@code index} is the {@code ID} parameter of {@code rules explain}
     * in the command tree {@code root} (not the command words, an option, or an option's value),
     * or the value of {@code forecast}'s {@code --rule}.
     */
    static boolean expectsRuleId(CommandLine root, List<String> words, int index) {
        if (index < 2 || index > words.size()) {
            return false;
        }
        if (words.get(0).equals("forecast") && root.getSubcommands().containsKey("forecast")) {
            return words.get(index - 1).equals("--rule");
        }
        CommandLine rules = root.getSubcommands().get(words.get(0));
        CommandLine explain = rules == null || !words.get(0).equals("rules") ? null : rules.getSubcommands().get(words.get(1));
        if (explain == null || !words.get(1).equals("explain")) {
            return false;
        }
        String current = index < words.size() ? words.get(index) : "";
        if (current.startsWith("-")) {
            return false;
        }
        OptionSpec option = explain.getCommandSpec().findOption(words.get(index - 1));
        return option == null || option.arity().max() == 0;
    }
}
