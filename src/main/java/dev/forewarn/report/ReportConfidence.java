package dev.forewarn.report;

import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.forecast.ForecastRequest;
import dev.forewarn.rules.Finding;
import dev.forewarn.rules.Rule;
import dev.forewarn.rules.RuleEvaluator;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.SeriesSource;

/**
 * A finding's dates projected again at the report's confidence (95 % where check uses the rule's
 * 80 %), its verdict and message kept as check gave them.
 */
final class ReportConfidence {

    private ReportConfidence() {
    }

    /**
     * The finding at {@code confidence}. A finding judged on the present value carries no date, or
     * one the evaluator's cheap screen passed as OK because the crossing is months away: a purchase
     * is planned months ahead, so the rule's own threshold is projected with the full forecast (to
     * the one-year horizon) and kept when it gives a date. A rule on a counter's rate, or a relative
     * threshold whose size series has no recent positive value, keeps check's finding.
     */
    static Finding of(Finding f, Rule rule, SeriesSource source, long atMillis, double confidence) {
        if (rule == null || rule.threshold() == null || rule.direction() == null || rule.rateWindowMillis() > 0) {
            return f;
        }
        SeriesKey key = f.projection().series();
        // the level check judges the rule's trend against (a share of the size series' recent value)
        Double level = RuleEvaluator.threshold(rule, key, source, atMillis);
        if (level == null) {
            return f;
        }
        double threshold = level;
        // The engine's history span, as check, forecast and top read it: one series, one answer.
        var p = new ForecastEngine().project(source.read(key, atMillis - ForecastEngine.HISTORY_MILLIS, atMillis),
                new ForecastRequest(threshold, rule.direction(), atMillis, confidence, ForecastRequest.DEFAULT_HORIZON_MILLIS))
                .withThresholdText(rule.threshold().shown(key.name(), threshold));
        boolean forecast = f.projection().fit() != null || f.projection().hasEta();
        return p.hasEta() || forecast ? new Finding(f.ruleId(), f.source(), f.severity(), f.message(), p) : f;
    }
}
