package dev.forewarn.report;

import dev.forewarn.rules.Finding;
import dev.forewarn.series.Times;
import java.time.Duration;
import java.util.List;

/**
 * The findings still learning their trend (too little history for a projection), counted for a
 * headline: an all-clear of {@code check} or a report's verdict must not read as a verdict on them.
 *
 * @param count          how many findings are learning
 * @param soonestSeconds how much more history the one nearest a verdict needs, seconds (null: unknown or none)
 */
public record Learning(int count, Long soonestSeconds) {

    /** None learning. */
    public static final Learning NONE = new Learning(0, null);

    /** The learning ones among {@code findings}. */
    public static Learning of(List<Finding> findings) {
        int n = 0;
        Long soonest = null;
        for (Finding f : findings) {
            if (!f.projection().learning()) {
                continue;
            }
            n++;
            Long more = f.projection().needsMoreSeconds();
            if (more != null && (soonest == null || more < soonest)) {
                soonest = more;
            }
        }
        return new Learning(n, soonest);
    }

    /** "still learning their trend (the first verdict in 2 days)" ("its" for one), without the when if unknown. */
    String stillLearning() {
        return "still learning " + (count == 1 ? "its" : "their") + " trend"
                + (soonestSeconds == null ? "" : " (the first verdict in " + Times.human(Duration.ofSeconds(soonestSeconds)) + ")");
    }
}
