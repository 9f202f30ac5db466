package dev.forewarn.cli;

import dev.forewarn.rules.Rule;
import dev.forewarn.rules.RuleSet;
import dev.forewarn.sampling.SmartCollector;
import dev.forewarn.series.Selector;
import dev.forewarn.series.SeriesSource;
import java.util.Optional;

/**
 * The one line {@code check} adds when the disk health rules have nothing to judge: why SMART is
 * not watched here (smartctl missing, not root, or no disk with SMART data), said once per check
 * instead of once per rule and disk.
 */
final class SmartNote {

    private SmartNote() {
    }

    static Optional<String> of(RuleSet rules, SeriesSource source) {
        boolean asked = rules.rules().stream().map(Rule::selector).anyMatch(s -> s.name().startsWith("smart."));
        if (!asked) {
            return Optional.empty();
        }
        boolean watched = source.find(Selector.of("*")).stream().anyMatch(k -> k.name().startsWith("smart."));
        if (watched) {
            return Optional.empty();
        }
        String why = SmartCollector.unavailableReason()
                .orElse("smartctl finds no disk with SMART data on this host (virtual disks have none)");
        return Optional.of("disk health is not watched: " + why);
    }
}
