package dev.forewarn.forecast.bench;

import dev.forewarn.forecast.Direction;
import dev.forewarn.forecast.PredictLinear;
import dev.forewarn.series.Series;

/**
 * The rules forewarn is compared with, on the same points.
 *
 * <p><b>node-mixin</b> {@code NodeFilesystemSpaceFillingUp}, severity warning, as node-mixin writes it:
 * {@code node_filesystem_avail_bytes / node_filesystem_size_bytes * 100 < 40 and
 * predict_linear(node_filesystem_avail_bytes[6h], 24*60*60) < 0} (and not read-only), {@code for: 1h},
 * evaluated every 5 minutes. For a threshold other than 0 (memory at 2 % of its total) the
 * comparison is with the threshold; without a size series the free-share gate is dropped. Its
 * date is where the 6-hour least-squares line meets the threshold.
 *
 * <p><b>predict_linear over 7 days</b> with forewarn's 14-day warning horizon: it warns when
 * {@code predict_linear(v[7d], 14*24*60*60)} is at or beyond the threshold, i.e. when the 7-day
 * line meets the threshold within 14 days; its date is where that line meets it. No free-share
 * gate and no "for", like forewarn's own rule, so the lead comparison is like for like.
 */
final class Baselines {

    static final long EVAL_MILLIS = 5 * 60_000L;
    static final long SIX_HOURS = 6 * 3_600_000L;
    static final long SEVEN_DAYS = 7 * 86_400_000L;
    static final double NODE_MIXIN_AHEAD_SECONDS = 24 * 60 * 60;
    static final double NODE_MIXIN_MAX_FREE_PCT = 40;
    static final long NODE_MIXIN_FOR_MILLIS = 3_600_000L;

    private Baselines() {
    }

    /** True when node-mixin's warning fires at {@code at}: its condition held at every evaluation of the last hour. */
    static boolean nodeMixinFires(Series v, Series size, double threshold, Direction d, long at) {
        for (long e = at; e >= at - NODE_MIXIN_FOR_MILLIS; e -= EVAL_MILLIS) {
            if (!nodeMixinCondition(v, size, threshold, d, e)) {
                return false;
            }
        }
        return true;
    }

    static boolean nodeMixinCondition(Series v, Series size, double threshold, Direction d, long t) {
        if (size != null && d == Direction.DOWN) {
            double a = PredictLinear.instant(v, t);
            double s = PredictLinear.instant(size, t);
            if (Double.isNaN(a) || Double.isNaN(s) || s <= 0 || !(a / s * 100 < NODE_MIXIN_MAX_FREE_PCT)) {
                return false;
            }
        }
        double p = PredictLinear.predict(v, t, SIX_HOURS, NODE_MIXIN_AHEAD_SECONDS);
        if (Double.isNaN(p)) {
            return false;
        }
        return d == Direction.UP ? p > threshold : p < threshold;
    }

    /**
     * Where the least-squares line over {@code [at - windowMillis, at]} meets the threshold, epoch
     * milliseconds: {@code at} when its value at {@code at} is already there, null when it points
     * away or meets it beyond {@code horizonMillis}.
     */
    static Long lineEta(Series v, long at, long windowMillis, double threshold, Direction d, long horizonMillis) {
        return PredictLinear.lineEtaMillis(v, at, windowMillis, threshold, d, horizonMillis);
    }
}
