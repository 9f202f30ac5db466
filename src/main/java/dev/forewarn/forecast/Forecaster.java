package dev.forewarn.forecast;

import dev.forewarn.series.Series;

/**
 * Projects a series toward a threshold. Implementations read only the points of the series at
 * or before {@link ForecastRequest#atMillis()} and never touch the store or the command line.
 */
public interface Forecaster {

    /** The projection, never null; with a null eta and a reason when no verdict can be given. */
    Projection project(Series series, ForecastRequest request);
}
