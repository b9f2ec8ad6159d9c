#!/usr/bin/env bash
# Peak memory and wall time of one release `codegen` run at its run-wide limits
# (BENCHMARKS.md, "Memory at the limits"): MAX_ENTRIES (50,000) entries in one file and in two,
# and MAX_ENTRIES entries padded to about MAX_TOTAL_BYTES (32 MiB). Synthetic catalogues are
# written by the `synth-catalog` bin into target/limits, never into catalog/. Needs GNU time
# (/usr/bin/time, Debian package `time`).
#
#   benches/limits.sh        # ~1 min on 2 cores after the build
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${WORK:-$root/target/limits}
cd "$root"
cargo build -q --release -p codegen
cargo build -q --release -p errcodes-benches --bin synth-catalog
bin=${CARGO_TARGET_DIR:-$root/target}/release
rm -rf "$work"

echo "| case | catalogue bytes | peak memory | wall time |"
echo "|---|---:|---:|---:|"
# entries, files, description bytes, label
for case in "50000 1 0 MAX_ENTRIES in one file" "50000 2 0 MAX_ENTRIES in two files" \
            "50000 1 520 MAX_ENTRIES, about MAX_TOTAL_BYTES"; do
    read -r n files pad label <<<"$case"
    dir=$work/$n-$files-$pad
    "$bin/synth-catalog" "$n" "$dir/catalog" "$files" "$pad"
    bytes=$(cat "$dir"/catalog/*.yaml | wc -c)
    mkdir -p "$dir/out"
    stats=$(/usr/bin/time -f "%M %e" "$bin/codegen" --catalog "$dir/catalog" --out "$dir/out/generated" 2>&1 >/dev/null | tail -1) || { echo "codegen refused $label" >&2; exit 1; }
    read -r kb secs <<<"$stats"
    printf '| %s | %s | %s MB | %s s |\n' "$label" "$bytes" "$((kb / 1000))" "$secs"
done
