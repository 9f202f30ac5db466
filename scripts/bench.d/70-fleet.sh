#!/usr/bin/env bash
# The fleet from a real Prometheus: 500 instances x 10 node_exporter series x 30 days at 5-minute
# steps (43 million samples), backfilled once with promtool into target/bench/fleet/ (some minutes;
# reused afterwards), served by a Prometheus on 127.0.0.1 that this script starts and stops.
# Prints, tab-separated:
#   fleet_check_wall_s         one 'forewarn check --prometheus' of the whole fleet, CLI, wall   target <= 60
#   fleet_check_peak_rss_mib   that process's peak RSS
#   fleet_inproc_*             the same judged in one JVM, with the time per instance split
#   fleet_per_instance_*       into querying Prometheus and judging (forecasts included)
#   serve_scrape_ms_*          scrapes of serve's /metrics over that fleet                          target <= 1000
# FLEET_HOSTS=50 scripts/bench fleet runs a smaller fleet.
set -euo pipefail
root=${FOREWARN_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
jar="$root/target/forewarn.jar"
hosts=${FLEET_HOSTS:-500}
days=30
parallel=${FLEET_PARALLEL:-4}
dir="$root/target/bench/fleet-$hosts"
bench="$root/scripts/bench.d/FleetBench.java"
command -v prometheus >/dev/null && command -v promtool >/dev/null \
  || { echo "error: the fleet benchmark needs prometheus and promtool (apt-get install prometheus)" >&2; exit 1; }

if [ ! -f "$dir/end" ] || [ "$bench" -nt "$dir/end" ]; then
  rm -rf "$dir" && mkdir -p "$dir/om"
  end=$(( $(date +%s) / 300 * 300 ))
  t0=$(date +%s)
  java -Xmx1g -cp "$jar" "$bench" make "$dir/om" "$hosts" "$days" "$end" 72 | while read -r om; do
    promtool tsdb create-blocks-from openmetrics --max-block-duration=72h "$om" "$dir/data" >/dev/null
    rm -f "$om"
  done
  echo "$end" > "$dir/end"
  printf 'fleet_backfill_s\t%s\ts\t-\n' "$(( $(date +%s) - t0 ))"
fi
end=$(cat "$dir/end")

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
printf 'global:\n  scrape_interval: 1m\nscrape_configs: []\n' > "$dir/prometheus.yml"
# min = max block duration: no compaction starts in the background while the benchmark runs
prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" --storage.tsdb.retention.time=3650d \
  --storage.tsdb.min-block-duration=2h --storage.tsdb.max-block-duration=2h \
  --web.listen-address="127.0.0.1:$port" >"$dir/prometheus.log" 2>&1 &
prom=$!
trap 'kill "$prom" 2>/dev/null; wait "$prom" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$port/-/ready" >/dev/null 2>&1 && break
  kill -0 "$prom" 2>/dev/null || { echo "error: prometheus exited: $(tail -3 "$dir/prometheus.log")" >&2; exit 1; }
  sleep 0.5
done
url="http://127.0.0.1:$port"

# One warm-up query so the blocks are mapped, as they are on a Prometheus that has been running.
curl -fs "$url/api/v1/query?query=count(node_load15)&time=$end" >/dev/null

/usr/bin/time -o "$dir/check.time" -f '%e %M' java -Xmx512m -jar "$jar" check --prometheus "$url" --at "$end" \
  --since "${days}d" --parallel "$parallel" --query-timeout 60s > "$dir/check.txt" 2>"$dir/check.err" || true
read -r wall rss < <(tail -1 "$dir/check.time")
printf 'fleet_check_wall_s\t%s\ts\t<= 60\n' "$wall"
printf 'fleet_check_peak_rss_mib\t%.0f\tMiB\t-\n' "$(awk -v k="$rss" 'BEGIN{print k/1024}')"
printf 'fleet_check_first_line\t%s\ttext\t-\n' "$(head -1 "$dir/check.txt" | cut -d'|' -f1)"

java -Xmx512m -cp "$jar" "$bench" judge "$url" "$end" "$days" "$parallel"
java -Xmx512m -cp "$jar" "$bench" serve "$url" "$end" "$days" "$parallel"
printf 'fleet_bench_load_avg\t%s\tload\t-\n' "$(cut -d' ' -f1 /proc/loadavg)"
