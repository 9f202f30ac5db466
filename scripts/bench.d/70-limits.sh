#!/usr/bin/env bash
# Limits benchmark: the largest report (findings) and the largest import (points of one series)
# that the wrapper's default heap (-Xmx512m for report and import) carries, and the peak RSS of
# each (/usr/bin/time -v). Sizes are tried in ascending order (override with
# BENCH_LIMITS_FINDINGS / BENCH_LIMITS_POINTS); the figure is the largest that ended with exit 0.
# A size that fails ends the ladder; its error line goes to stderr.
# Prints: name<TAB>value<TAB>unit<TAB>target.
set -euo pipefail
root=${FOREWARN_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
fw="$root/scripts/forewarn"
work=$(mktemp -d)
[ -n "${BENCH_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { echo "limits: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
at=$(( $(date +%s) / 3600 * 3600 ))

# rss_kb LOG: the peak resident set size that /usr/bin/time -v wrote
rss_kb() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }

best_findings=0; best_findings_rss=0
for n in ${BENCH_LIMITS_FINDINGS:-250 1000 2000}; do
  # n filesystems, 14 days hourly, each falling to empty within one to two months: n findings
  python3 - "$at" "$n" > "$work/f.csv" <<'PY'
import sys
at, n = int(sys.argv[1]), int(sys.argv[2])
start = at - 14 * 86400
print("time,series,value")
for m in range(n):
    rate = (20 + m % 50) * 1e9 / 30 / 86400
    key = 'fs.avail_bytes{mount="/m%d",fstype="ext4"}' % m
    for t in range(start, at + 1, 3600):
        print("%d,%s,%.0f" % (t * 1000, key, max(60e9 - rate * (t - start), 1e9)))
    print('%d,fs.size_bytes{mount="/m%d",fstype="ext4"},100000000000' % (at * 1000, m))
PY
  rm -f "$work/r.db"*
  "$fw" import --store "$work/r.db" "$work/f.csv" >/dev/null
  if /usr/bin/time -v -o "$work/time.log" "$fw" report --store "$work/r.db" --at "$at" -o "$work/r.html" 2>"$work/err"; then
    best_findings=$n; best_findings_rss=$(rss_kb "$work/time.log")
  else
    echo "limits: report of $n findings failed: $(head -1 "$work/err")" >&2
    break
  fi
done
printf 'limits.report_findings\t%d\tfindings\t>= 1000 within -Xmx512m\n' "$best_findings"
printf 'limits.report_peak_rss\t%.0f\tMiB\t< 512 + JVM\n' "$(awk -v k="$best_findings_rss" 'BEGIN {print k / 1024}')"

best_points=0; best_points_rss=0
for n in ${BENCH_LIMITS_POINTS:-1000000 10000000}; do
  rm -f "$work/i.db"*
  if python3 -c "
import sys
w = sys.stdout.write
t0 = 1700000000000
for b in range(0, $n, 100000):
    w(''.join('%d,%d\n' % (t0 + i * 10000, i % 1000) for i in range(b, min(b + 100000, $n))))
" | /usr/bin/time -v -o "$work/time.log" "$fw" import --series cpu.load1 --store "$work/i.db" - >/dev/null 2>"$work/err"; then
    best_points=$n; best_points_rss=$(rss_kb "$work/time.log")
  else
    echo "limits: import of $n points failed: $(head -1 "$work/err")" >&2
    break
  fi
done
printf 'limits.import_points\t%d\tpoints\t>= 10000000 within -Xmx512m\n' "$best_points"
printf 'limits.import_peak_rss\t%.0f\tMiB\t< 512 + JVM\n' "$(awk -v k="$best_points_rss" 'BEGIN {print k / 1024}')"
