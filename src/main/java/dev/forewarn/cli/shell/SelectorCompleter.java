package dev.forewarn.cli.shell;

import dev.forewarn.series.SeriesKey;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Completes series selectors from the store where a command expects one: a positional
 * parameter or an option whose label says {@code SELECTOR} ({@code show}, {@code forecast},
 * {@code backtest}, {@code export openmetrics}, {@code import --series}). Offers each metric
 * name and each full series key, {@code fs.avail_bytes{mount="/"}}.
 */
final class SelectorCompleter implements Completer {

    private final CommandLine root;
    private final SeriesKeyCache keys;

    SelectorCompleter(CommandLine root, SeriesKeyCache keys) {
        this.root = root;
        this.keys = keys;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (!expectsSelector(root, line.words(), line.wordIndex())) {
            return;
        }
        List<SeriesKey> all = keys.get();
        for (String s : candidates(all)) {
            candidates.add(new Candidate(s, s, "series", null, null, null, isComplete(s, all)));
        }
    }

    /** Metric names first, then every full key; no duplicates. */
    static Set<String> candidates(List<SeriesKey> keys) {
        Set<String> out = new LinkedHashSet<>();
        for (SeriesKey k : keys) {
            out.add(k.name());
        }
        for (SeriesKey k : keys) {
            out.add(k.toString());
        }
        return out;
    }

    /**
     * Whether accepting the candidate ends the word (JLine then adds a space): a full key does, and
     * so does a metric name none of whose series has labels; a metric name whose series have
     * labels does not, so that {@code {mount="/var"}} can follow it in the same word.
     */
    static boolean isComplete(String candidate, List<SeriesKey> keys) {
        if (candidate.indexOf('{') >= 0) {
            return true;
        }
        for (SeriesKey k : keys) {
            if (k.name().equals(candidate) && !k.labels().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** True when the word at {@code index} of this command line is a selector. */
    static boolean expectsSelector(CommandLine root, List<String> words, int index) {
        if (index <= 0 || index > words.size()) {
            return false;
        }
        String current = index < words.size() ? words.get(index) : "";
        if (current.startsWith("-")) {
            return false;
        }
        CommandLine cmd = root;
        for (int i = 0; i < index; i++) {
            CommandLine sub = cmd.getSubcommands().get(words.get(i));
            if (sub != null) {
                cmd = sub;
            }
        }
        if (cmd == root) {
            return false;
        }
        CommandSpec spec = cmd.getCommandSpec();
        String previous = words.get(index - 1);
        OptionSpec option = previous.startsWith("-") ? spec.findOption(previous) : null;
        if (option != null && option.arity().max() > 0) {
            return isSelector(option);
        }
        return spec.positionalParameters().stream().anyMatch(SelectorCompleter::isSelector);
    }

    private static boolean isSelector(ArgSpec arg) {
        return arg.paramLabel().toUpperCase(Locale.ROOT).contains("SELECTOR");
    }
}
