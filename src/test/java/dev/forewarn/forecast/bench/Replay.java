package dev.forewarn.forecast.bench;

import dev.forewarn.forecast.ForecastRequest;
import dev.forewarn.forecast.Forecaster;
import dev.forewarn.forecast.Projection;
import dev.forewarn.series.Series;

/**
 * Asks forewarn and the baselines at every origin of one case. forewarn gets the series cut at the
 * origin ({@link Series#upTo}) and a request at the origin, so it cannot see the future; the
 * baselines read only their window ending at the origin.
 */
final class Replay {

    /** The horizon the shipped rules ask with (the engine's default, a year). */
    static final long HORIZON_MILLIS = ForecastRequest.DEFAULT_HORIZON_MILLIS;

    /**
     * forewarn's answer at one origin and confidence.
     *
     * @param eta    projected first touch, or null
     * @param low    early bound, or null
     * @param high   late bound, or null (open: beyond the horizon)
     * @param reason the engine's reason when it gave no date, else null
     */
    record Answer(Long eta, Long low, Long high, String reason) {
        static Answer of(Projection p) {
            return new Answer(p.etaMillis(), p.etaLowMillis(), p.etaHighMillis(), p.etaMillis() == null ? p.reason() : null);
        }
    }

    /**
     * One origin's outcome.
     *
     * @param at        the origin, epoch milliseconds
     * @param scored    after the case's onset: counts for coverage, error, lead and false alarms
     * @param fw        forewarn at 80 %
     * @param nmEta     where node-mixin's 6-hour line meets the threshold, or null
     * @param nmWarns   node-mixin's warning fires
     * @param plEta     where the 7-day line meets the threshold within the horizon, or null
     * @param fw50      forewarn at 50 %, or null when not asked
     * @param fw95      forewarn at 95 %, or null when not asked
     */
    record Origin(long at, boolean scored, Answer fw, Long nmEta, boolean nmWarns, Long plEta, Answer fw50, Answer fw95) {
    }

    /**
     * A replayed case without its series (so that hundreds of them fit in memory).
     *
     * @param family            family or data set
     * @param kind              fill or quiet
     * @param draw              draw index
     * @param truth             first touch, or null
     * @param clearBeyondHorizon a quiet case known to stay clear for the whole horizon after every origin
     * @param origins           the outcomes, ascending
     * @param parameters        the case in words
     */
    record Result(String family, GeneratedCase.Kind kind, int draw, Long truth, boolean clearBeyondHorizon, Origin[] origins,
                  String parameters) {
    }

    private Replay() {
    }

    /** Replays one case; {@code calibrate} also asks at 50 % and 95 %. */
    static Result run(GeneratedCase c, Forecaster engine, boolean calibrate) {
        long[] at = c.originsMillis();
        Origin[] out = new Origin[at.length];
        for (int k = 0; k < at.length; k++) {
            long o = at[k];
            Series past = c.series().upTo(o);
            Answer a = ask(engine, past, c, o, 0.8);
            Answer a50 = calibrate ? ask(engine, past, c, o, 0.5) : null;
            Answer a95 = calibrate ? ask(engine, past, c, o, 0.95) : null;
            boolean nm = Baselines.nodeMixinFires(c.series(), c.size(), c.threshold(), c.direction(), o);
            Long nmEta = Baselines.lineEta(c.series(), o, Baselines.SIX_HOURS, c.threshold(), c.direction(), HORIZON_MILLIS);
            Long plEta = Baselines.lineEta(c.series(), o, Baselines.SEVEN_DAYS, c.threshold(), c.direction(), HORIZON_MILLIS);
            out[k] = new Origin(o, c.scored(o), a, nmEta, nm, plEta, a50, a95);
        }
        boolean clear = c.kind() == GeneratedCase.Kind.QUIET && c.truthMillis() == null
                && at.length > 0 && c.knownUntilMillis() >= at[at.length - 1] + HORIZON_MILLIS;
        return new Result(c.family(), c.kind(), c.draw(), c.truthMillis(), clear, out, c.parameters());
    }

    private static Answer ask(Forecaster engine, Series past, GeneratedCase c, long o, double confidence) {
        return Answer.of(engine.project(past, new ForecastRequest(c.threshold(), c.direction(), o, confidence, HORIZON_MILLIS)));
    }
}
