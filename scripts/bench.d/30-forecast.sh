#!/usr/bin/env bash
# Forecast engine speed: one year at 5-minute steps (105,120 points) with model choice, warm;
# and 100 such series. Prints name, value, unit, target (tab-separated).
set -euo pipefail
root="${FOREWARN_ROOT:-$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)}"
exec java -XX:+UseSerialGC -Xmx1g -cp "$root/target/forewarn.jar" dev.forewarn.forecast.bench.SpeedBench
