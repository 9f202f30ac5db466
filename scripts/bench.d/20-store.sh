#!/usr/bin/env bash
# Store figures: bytes per raw point after importing 1,000,000 points, import throughput, and a
# cold `forewarn show` of one series with 100,000 points. Prints name<TAB>value<TAB>unit<TAB>target.
# The data mimic a sampler: 10 series x 100,000 points, one a minute with 0-200 ms jitter:
# three filesystems (bytes, 4 KiB steps), available memory, a byte counter, load averages
# (two decimals), a CPU busy ratio (full-precision doubles) and a process count.
set -euo pipefail
root="${FOREWARN_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}"
fw="$root/scripts/forewarn"
runs="${BENCH_RUNS:-3}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

awk -v n=100000 'BEGIN {
  srand(42); t0 = 1767225600000; print "time,series,value"
  a1 = 400e9; a2 = 80e9; a3 = 1.5e12; mem = 6e9; rx = 0; procs = 180; load = 0.5
  for (i = 0; i < n; i++) {
    t = t0 + i * 60000 + int(rand() * 200)
    a1 -= 4096 * int(rand() * 300); a2 -= 4096 * int(rand() * 20 - 8); a3 -= 4096 * int(rand() * 2000)
    mem = 6e9 + int((rand() - 0.5) * 5e8); rx += int(rand() * 5e6)
    load = load * 0.9 + rand() * 0.2; procs += int(rand() * 3) - 1
    printf "%.0f,fs.avail_bytes{mount=\"/\",device=\"sda1\"},%.0f\n", t, a1
    printf "%.0f,fs.avail_bytes{mount=\"/var\",device=\"sda2\"},%.0f\n", t, a2
    printf "%.0f,fs.avail_bytes{mount=\"/srv\",device=\"sdb1\"},%.0f\n", t, a3
    printf "%.0f,mem.available_bytes,%.0f\n", t, mem
    printf "%.0f,net.rx_bytes_total{iface=\"eth0\"},%.0f\n", t, rx
    printf "%.0f,cpu.load1,%.2f\n", t, load
    printf "%.0f,cpu.load5,%.2f\n", t, load * 0.8 + 0.1
    printf "%.0f,cpu.load15,%.2f\n", t, load * 0.6 + 0.2
    printf "%.0f,cpu.busy_ratio,%.17g\n", t, rand() * 0.3
    printf "%.0f,os.processes,%.0f\n", t, procs
  }
}' > "$tmp/points.csv"
points=1000000

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
now() { date +%s.%N; }

"$fw" --version >/dev/null   # builds the jar and its class archive outside the timings
import_times=()
for r in $(seq "$runs"); do
  rm -f "$tmp/s.db"*
  s=$(now); "$fw" import --store "$tmp/s.db" "$tmp/points.csv" >/dev/null; e=$(now)
  import_times+=("$(echo "$e - $s" | bc -l)")
done
import_s=$(printf '%s\n' "${import_times[@]}" | median)
size=$(stat -c %s "$tmp/s.db")
[ -f "$tmp/s.db-wal" ] && size=$((size + $(stat -c %s "$tmp/s.db-wal")))

show_times=()
for r in $(seq "$runs"); do
  s=$(now); "$fw" show --store "$tmp/s.db" 'fs.avail_bytes{mount="/"}' >/dev/null; e=$(now)
  show_times+=("$(echo "$e - $s" | bc -l)")
done
show_s=$(printf '%s\n' "${show_times[@]}" | median)

printf 'store bytes per raw point (1,000,000 imported)\t%.2f\tbytes\t<= 20\n' "$(echo "$size / $points" | bc -l)"
printf 'store import throughput (cold CLI, CSV, 1,000,000 points)\t%.0f\tpoints/s\t-\n' "$(echo "$points / $import_s" | bc -l)"
printf 'store import wall time (1,000,000 points)\t%.2f\ts\t-\n' "$import_s"
printf 'show one series of 100,000 points (cold CLI, wall)\t%.3f\ts\t-\n' "$show_s"
