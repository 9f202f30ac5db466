#!/usr/bin/env bash
# forewarn check over 100 filesystems with one year of 5-minute history each (plus their sizes):
# 90 steady, 5 filling slowly, 5 crossing within two weeks. Prints, tab-separated:
#   check_warm_wall_ms   median of 5 runs in one warm JVM (after 3 warm-up runs)    target <= 1000
#   check_warm_cpu_ms    the same runs' CPU time of the checking thread (less sensitive to a loaded machine)
#   check_cold_wall_ms   one CLI run through scripts/forewarn (AppCDS, C1), wall clock
#   check_cold_cpu_ms    the same run's user + system CPU time
# The store is generated once into target/bench/ (about a minute) and reused.
set -euo pipefail
root=${FOREWARN_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
jar="$root/target/forewarn.jar"
dir="$root/target/bench"
db="$dir/check-100x1y.db"
at=1773446400000            # 2026-03-14T00:00:00Z
at_iso=2026-03-14T00:00:00Z
mkdir -p "$dir"
if [ ! -f "$db" ] || [ "$root/scripts/bench.d/CheckBench.java" -nt "$db" ]; then
  java -Xmx1g -cp "$jar" "$root/scripts/bench.d/CheckBench.java" make "$db" "$at" >&2
fi

# Warm: the same check in one JVM; the first runs load classes and compile.
runs=$(java -Xmx1g -cp "$jar" "$root/scripts/bench.d/CheckBench.java" warm "$db" "$at_iso" 8)
median_of_last5() { tr ' ' '\n' | tail -n 5 | sort -n | sed -n 3p; }
printf 'check_warm_wall_ms\t%s\tms\t<= 1000\n' "$(echo "$runs" | sed -n 1p | median_of_last5)"
printf 'check_warm_cpu_ms\t%s\tms\t-\n' "$(echo "$runs" | sed -n 2p | median_of_last5)"

# Cold: one process, as cron runs it. One untimed run first builds the AppCDS archive if missing.
"$root/scripts/forewarn" check --store "$db" --at "$at_iso" --quiet >/dev/null 2>&1 || true
TIMEFORMAT='%R %U %S'
t=$( { time "$root/scripts/forewarn" check --store "$db" --at "$at_iso" --quiet >/dev/null 2>&1 || true; } 2>&1 )
read -r real user sys <<<"$t"
awk -v r="$real" -v u="$user" -v s="$sys" 'BEGIN { printf "check_cold_wall_ms\t%.0f\tms\t-\ncheck_cold_cpu_ms\t%.0f\tms\t-\n", r * 1000, (u + s) * 1000 }'
printf 'check_bench_load_avg\t%s\tload\t-\n' "$(cut -d' ' -f1 /proc/loadavg)"
