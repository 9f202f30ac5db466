#!/usr/bin/env bash
# Sampling figures, tab-separated (name, value, unit, target):
#  - cold 'forewarn sample' through the wrapper (CDS archive already made): wall and CPU
#    (user+sys of the whole process tree), median of 11 runs into one store (SMART is then read by the
#    first one only, as it is due every 10 minutes);
#  - the same with SMART read on every run (--enable smart), median of 5: what the one sample
#    in ten that reads it costs;
#  - the same on a busier host: 400 more (sleeping) processes for the process scan, median of 5;
#  - warm CPU per sample inside one 'collect' JVM (63 samples, the first 3 not counted):
#    median of the sampling thread's CPU (ThreadMXBean) and mean of the whole process's CPU
#    (GC and compiler threads and smartctl children included, /proc/self/stat), from
#    collect's hidden --bench option;
#  - peak RSS (VmHWM) of that collect.
# Every run writes into a temporary store, never the user's.
set -euo pipefail
root=${FOREWARN_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
fw="$root/scripts/forewarn"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export FOREWARN_STORE="$tmp/bench.db"

"$fw" sample --store "$tmp/warmup.db" >/dev/null   # builds the jar and the archive if needed

median() { sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

TIMEFORMAT='%R %U %S'
cold() { # cold RUNS [sample options...]: appends "wall user sys" lines to $tmp/times
  local runs=$1; shift
  : > "$tmp/times"
  for _ in $(seq "$runs"); do
    { time "$fw" sample --store "$tmp/bench.db" "$@" >/dev/null 2>&1 ; } 2>>"$tmp/times"
  done
}
cold 11
printf 'sample.cold_wall\t%s\ts\t-\n' "$(awk '{print $1}' "$tmp/times" | median)"
printf 'sample.cold_cpu\t%s\ts\t<= 0.5\n' "$(awk '{print $2+$3}' "$tmp/times" | median)"
cold 5 --enable smart
printf 'sample.cold_cpu_reading_smart\t%s\ts\t-\n' "$(awk '{print $2+$3}' "$tmp/times" | median)"
sleepers=()
for _ in $(seq 400); do sleep 120 & sleepers+=($!); done   # each ends by itself within 2 minutes
cold 5
kill "${sleepers[@]}" 2>/dev/null || true
wait "${sleepers[@]}" 2>/dev/null || true
printf 'sample.cold_cpu_400_more_processes\t%s\ts\t-\n' "$(awk '{print $2+$3}' "$tmp/times" | median)"

"$fw" collect --store "$tmp/bench.db" --interval 100ms --count 63 --bench 2>"$tmp/collect.err" >/dev/null
get() { awk -F'\t' -v k="$1" '$1=="bench" && $2==k {print $3}' "$tmp/collect.err"; }
printf 'collect.warm_thread_cpu_per_sample\t%s\tms\t<= 10\n' "$(get thread_cpu_ms_median)"
printf 'collect.warm_process_cpu_per_sample\t%s\tms\t<= 10\n' "$(get process_cpu_ms_mean)"
printf 'collect.peak_rss\t%s\tMiB\t<= 64\n' "$(get peak_rss_mib)"
