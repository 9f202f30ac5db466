#!/usr/bin/env bash
# Terminal figures: top's CPU per redrawn frame (80x24, off-screen xterm), the cost of one data
# refresh and one forecast pass, and the time from starting 'forewarn shell' to its prompt in a
# real terminal (tmux), median of 3 cold starts through scripts/forewarn.
# Prints "name<TAB>value<TAB>unit<TAB>target" lines.
set -euo pipefail
root=${FOREWARN_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
fw="$root/scripts/forewarn"
tmp=$(mktemp -d)
sock="forewarn-bench-$$"
cleanup() { tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

# top: a few samples first so the snapshot has history, then 500 frames off-screen
"$fw" top --store "$tmp/s.db" --frames 500 --size 80x24

if ! command -v tmux >/dev/null; then
  printf 'shell.startup_to_prompt\tn/a\tms\t<= 1000 (tmux missing)\n'
  exit 0
fi
times=()
for i in 1 2 3; do
  tmux -L "$sock" kill-server 2>/dev/null || true
  start=$(date +%s%N)
  tmux -L "$sock" -f /dev/null new-session -d -x 80 -y 24 \
    "XDG_STATE_HOME='$tmp/state' '$fw' shell --store '$tmp/s.db'"
  deadline=$((start + 20000000000))
  until tmux -L "$sock" capture-pane -p 2>/dev/null | grep -q '^forewarn>'; do
    [ "$(date +%s%N)" -lt "$deadline" ] || break
    sleep 0.01
  done
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
  tmux -L "$sock" send-keys exit Enter 2>/dev/null || true
  sleep 0.3
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
printf 'shell.startup_to_prompt\t%s\tms\t<= 1000 (runs: %s)\n' "$median" "${times[*]}"
