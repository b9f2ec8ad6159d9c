#!/usr/bin/env bash
# The lookup benchmark as recorded in BENCHMARKS.md: build, then run benches/lookups.rs RUNS
# times (default 3) pinned to one CPU (default 1), then print medians and in-run ratios.
#   benches/run.sh                 # whole suite, ~1 min
#   RUNS=5 CPU=0 benches/run.sh    # more runs, other core
#   benches/run.sh nuki_byte       # extra arguments go to divan (here: a filter)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
cpu=${CPU:-1}
out=${OUT:-target/bench-results}
mkdir -p "$out"
rm -f "$out"/run*.txt
cargo bench -q -p errcodes-benches --bench lookups --no-run
cargo build -q --release -p errcodes-benches --bin bench-report  # before the runs: no compile while measuring
for i in $(seq 1 "$runs"); do
    echo "run $i/$runs ..." >&2
    taskset -c "$cpu" cargo bench -q -p errcodes-benches --bench lookups -- "$@" >"$out/run$i.txt"
done
{
    echo "<!-- $(date -u +%FT%TZ), $(rustc -V), CPU $cpu, $runs runs -->"
    cargo run -q --release -p errcodes-benches --bin bench-report -- "$out"/run*.txt
} | tee "$out/report.md"
