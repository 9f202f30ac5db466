#!/usr/bin/env bash
# Forecast engine speed: one year at 5-minute steps (105,120 points) with model choice, warm;
# and 100 such series, warm: the median of 5 passes over the 100 after 2 (the first pass, with class
# loading and JIT compilation, is printed as first_pass; no target). Prints name, value, unit, target (tab-separated).
# SpeedBench lives in the test source set (not in the jar): scripts/test-classpath compiles it and gives its classpath.
set -euo pipefail
root="${FOREWARN_ROOT:-$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)}"
cp=$("$root/scripts/test-classpath")
exec java -XX:+UseSerialGC -Xmx1g -cp "$cp" dev.forewarn.forecast.bench.SpeedBench
