#!/usr/bin/env bash
# The lookup benchmark of an older commit and of the working tree, side by side: both bench
# binaries are built first, then run alternately (before 1, now 1, before 2, now 2, …) pinned
# to one CPU, and each pair is reported as one run with the older build's errcodes rows as
# `before` (see bench-report). Figures in BENCHMARKS.md ("Before/after issue 11").
#   benches/before-after.sh 093546f              # 3 pairs, CPU 1
#   RUNS=5 CPU=0 benches/before-after.sh main    # more pairs, other core
#   benches/before-after.sh 093546f knox_u32     # extra arguments go to divan (a filter)
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: benches/before-after.sh REV [divan args]}
shift
runs=${RUNS:-3}
cpu=${CPU:-1}
out=${OUT:-target/bench-before-after}
target=${CARGO_TARGET_DIR:-target}
mkdir -p "$out"
rm -rf "$out"/run* "$out"/before-src
bench_binary() { # newest lookups bench executable in $1
    ls -t "$1"/release/deps/lookups-* | grep -v '\.d$' | head -n 1
}

# The older tree, exported (no worktree), built in its own target dir.
mkdir -p "$out/before-src"
git archive "$rev" | tar -x -C "$out/before-src"
CARGO_TARGET_DIR="$out/before-target" cargo bench -q --manifest-path "$out/before-src/Cargo.toml" \
    -p errcodes-benches --bench lookups --no-run
cp "$(bench_binary "$out/before-target")" "$out/lookups-before"

cargo bench -q -p errcodes-benches --bench lookups --no-run
cp "$(bench_binary "$target")" "$out/lookups-now"
cargo build -q --release -p errcodes-benches --bin bench-report # no compile while measuring

uptime | tee "$out/uptime.txt"
for i in $(seq 1 "$runs"); do
    echo "pair $i/$runs ..." >&2
    taskset -c "$cpu" "$out/lookups-before" --bench "$@" >"$out/run-before-$i.txt"
    taskset -c "$cpu" "$out/lookups-now" --bench "$@" >"$out/run-now-$i.txt"
done
uptime | tee -a "$out/uptime.txt"
{
    echo "<!-- $(date -u +%FT%TZ), $(rustc -V), CPU $cpu, $runs pairs, before = $rev -->"
    cargo run -q --release -p errcodes-benches --bin bench-report -- --before-after \
        "$out"/run-before-*.txt "$out"/run-now-*.txt
} | tee "$out/report.md"
