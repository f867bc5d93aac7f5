#!/bin/bash
# Compares two commands run alternately (A, B, A, B …), each as a fresh process: medians of the
# wall clock and of the CPU time (user + sys) over N runs each. On a noisy machine the
# alternation and the CPU figure are what make two builds comparable (docs/performance.md).
#   scripts/ab.sh 9 "node dist-node/cli/main.js /tmp/bench.xlsx --json" "node /tmp/vorher/dist-node/cli/main.js /tmp/bench.xlsx --json"
set -euo pipefail
if [ $# -ne 3 ]; then echo "usage: scripts/ab.sh N \"command A\" \"command B\"" >&2; exit 2; fi
n=$1; a=$2; b=$3
log=$(mktemp); timing=$(mktemp)
trap 'rm -f "$log" "$timing"' EXIT
for _ in $(seq "$n"); do
  for k in A B; do
    cmd=$a; [ "$k" = B ] && cmd=$b
    /usr/bin/time -f "%e %U %S" -o "$timing" bash -c "$cmd >/dev/null"
    echo "$k $(tail -1 "$timing")" >> "$log"
  done
done
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
for k in A B; do
  wall=$(awk -v k=$k '$1==k {print $2}' "$log" | median)
  cpu=$(awk -v k=$k '$1==k {print $3+$4}' "$log" | median)
  runs=$(awk -v k=$k '$1==k {printf "%s ", $2}' "$log")
  echo "$k: median wall $wall s, median CPU $cpu s (runs: $runs)"
done
