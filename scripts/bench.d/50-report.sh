#!/usr/bin/env bash
# Report benchmark: a store with a year of hourly history for 20 filesystems that each fill
# within the year (so the report has 20 findings, each with a chart), then one PDF report.
# Prints: name<TAB>value<TAB>unit<TAB>target.
set -euo pipefail
root=${FOREWARN_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
jar="$root/target/forewarn.jar"
work=$(mktemp -d)
[ -n "${BENCH_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
[ -z "${BENCH_KEEP:-}" ] || echo "keeping $work" >&2
at=$(( $(date +%s) / 3600 * 3600 ))
python3 - "$at" > "$work/history.csv" <<'PY'
import math, sys
at = int(sys.argv[1])
hours = 365 * 24
print("time,series,value")
for m in range(20):
    size = 1e12
    rate = (0.6 + 0.15 * m) * 1e9 / 24          # bytes per hour, 0.6 to 3.45 GB/day
    left = rate * 24 * (20 + 12 * m)            # crosses 20 to 248 days ahead; the slowest still fills for weeks before now
    key = 'fs.avail_bytes{mount="/data%02d"}' % m
    skey = 'fs.size_bytes{mount="/data%02d"}' % m
    for h in range(hours):
        t = at - (hours - 1 - h) * 3600
        week = ((t // 3600) % 168) / 168.0
        v = left + rate * (hours - 1 - h) * 0.999 - 0.3 * rate * 24 * week + 2e8 * math.sin(h * 0.9)
        print("%d,%s,%.0f" % (t, key, min(v, size)))
        if h % 24 == 0 or h == hours - 1:
            print("%d,%s,%.0f" % (t, skey, size))
PY
java -jar "$jar" import --store "$work/bench.db" "$work/history.csv" >/dev/null
run() {
  # wall and CPU seconds (user + sys) of one report; CPU stays meaningful on a loaded machine
  local TIMEFORMAT='%R %U %S'
  { time java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" report -v --store "$work/bench.db" --at "$at" \
      --format pdf -o "$work/r.pdf" 2>"$work/log"; } 2>&1 | awk '{printf "%.2f %.2f\n", $1, $2 + $3}'
}
run >/dev/null   # warm the file cache once
read -r secs cpu < <(run)
findings=$(grep -o 'read the history of [0-9]*' "$work/log" | grep -o '[0-9]*$')
eval_ms=$(grep -o 'rules into [0-9]* findings in [0-9]* ms' "$work/log" | grep -o '[0-9]* ms' | grep -o '[0-9]*')
render_ms=$(grep -o 'rendered [a-z]* in [0-9]* ms' "$work/log" | grep -o '[0-9]* ms' | grep -o '[0-9]*')
printf 'report_pdf_findings\t%s\tcount\t20\n' "$findings"
printf 'report_pdf_wall\t%s\ts\t<= 5\n' "$secs"
printf 'report_pdf_cpu\t%s\ts\t(info)\n' "$cpu"
printf 'report_pdf_load_average\t%s\t1min\t(info)\n' "$(cut -d' ' -f1 /proc/loadavg)"
printf 'report_pdf_rule_evaluation\t%s\tms\t(info)\n' "$eval_ms"
printf 'report_pdf_render\t%s\tms\t(info)\n' "$render_ms"
printf 'report_pdf_size\t%s\tbytes\t(info)\n' "$(stat -c %s "$work/r.pdf")"
