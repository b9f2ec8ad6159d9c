#!/usr/bin/env bash
# What a dependent pays for errcodes (BENCHMARKS.md, "What a dependent pays").
#
# 1. Clean builds of tiny bins: no dependency (the floor); errcodes by path with default
#    features (every catalogue); errcodes with one catalogue (`default-features = false,
#    features = ["nuki"]`); the `http` crate. Each build has its own, freshly deleted
#    CARGO_TARGET_DIR and runs `--offline` after a `cargo fetch`. Reports crates compiled
#    (`Compiling` lines, the bin included, and their names) and wall seconds, median of RUNS
#    (default 3) with every run in brackets, dev and release.
# 2. Binary size of the tables: release, `strip = true`; bins that call lookups against the
#    same bin that depends on errcodes but doesn't call it; file and allocated section sizes.
# 3. `cargo build -p errcodes` in the workspace (clean, own target dir), default features and
#    nuki only, with the errcodes unit alone from `--timings`.
#
#   benches/compile-cost.sh            # ~1 min on 2 cores
#   RUNS=5 benches/compile-cost.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
work=${WORK:-$root/target/compile-cost}
rm -rf "$work"
mkdir -p "$work"

now() { date +%s.%N; }
secs() { awk "BEGIN {printf \"%.2f\", $2 - $1}"; }
median() { tr ' ' '\n' | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

# crate NAME DEPENDENCY-LINE MAIN-BODY
crate() {
    mkdir -p "$work/$1/src"
    cat >"$work/$1/Cargo.toml" <<EOF
[package]
name = "$1"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
$2

[profile.release]
strip = true

[workspace]
EOF
    cat >"$work/$1/src/main.rs" <<EOF
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let a = args.get(1).map_or("", String::as_str);
    let b = args.get(2).map_or("", String::as_str);
    let n: u32 = a.parse().unwrap_or(0);
    println!("{a} {b} {n}");
$3
}
EOF
}

all="errcodes = { path = \"$root/errcodes\" }"
nuki="errcodes = { path = \"$root/errcodes\", default-features = false, features = [\"nuki\"] }"
nuki_calls='    if let Some(code) = errcodes::nuki::from_byte(n as u8).or(errcodes::nuki::from_name(b)) {
        println!("{code}");
    }'

crate empty "" ""
# Depends on errcodes but never calls it: the size baseline.
crate errcodes-unused "$all" ""
# Every kind of lookup; `errcodes::lookup` reaches every catalogue's tables.
crate errcodes-all "$all" '    println!("{:?}", errcodes::nuki::from_byte(n as u8));
    println!("{:?}", errcodes::http::from_status(n as u16));
    println!("{:?}", errcodes::knox::tag::from_value(n));
    println!("{:?} {:?}", errcodes::nuki::from_name(b), errcodes::http::from_name(b));
    if let Ok(entry) = errcodes::lookup(a, b) {
        println!("{entry}");
    }'
# One catalogue through its typed API, default features: what the linker keeps.
crate errcodes-nuki "$all" "$nuki_calls"
# The same through the per-catalogue feature: only nuki's generated code is compiled.
crate errcodes-nuki-feature "$nuki" "$nuki_calls"
crate http-crate 'http = "1"' \
    '    println!("{:?}", http::StatusCode::from_u16(n as u16).ok().and_then(|s| s.canonical_reason()));'

# build DIR PROFILE-FLAG -> "crates seconds"
build() {
    local dir=$1 flag=$2 target=$work/target-$(basename "$1") start
    rm -rf "$target"
    start=$(now)
    CARGO_TARGET_DIR=$target cargo build --offline $flag --manifest-path "$dir/Cargo.toml" 2>"$work/log"
    echo "$(grep -c '^ *Compiling' "$work/log") $(secs "$start" "$(now)")"
}

echo "## Clean build of a dependent (median of $runs, runs in brackets)"
echo
echo "| bin | crates compiled | \`cargo build\` s | \`cargo build --release\` s |"
echo "|---|---:|---:|---:|"
names=()
for name in empty errcodes-all errcodes-nuki-feature http-crate; do
    dir=$work/$name
    cargo fetch -q --manifest-path "$dir/Cargo.toml"
    row="| $name |"
    for flag in "" --release; do
        times=()
        for _ in $(seq 1 "$runs"); do
            result=$(build "$dir" "$flag") || { cat "$work/log" >&2; exit 1; }
            read -r crates secs <<<"$result"
            times+=("$secs")
        done
        [ -z "$flag" ] && row="$row $crates |"
        row="$row $(echo "${times[*]}" | median | xargs printf '%.2f') (${times[*]}) |"
    done
    echo "$row"
    names+=("$name: $(sed -n 's/^ *Compiling \([^ ]*\).*/\1/p' "$work/log" | sort | xargs | sed 's/ /, /g')")
done
echo
printf -- '- %s\n' "${names[@]}"

echo
echo "## Binary size (release, strip = true)"
echo
sections() { size -A "$1" | awk 'NR>2 && $1 ~ /^\./ {print $1, $2}'; }
for name in errcodes-unused errcodes-all errcodes-nuki errcodes-nuki-feature empty http-crate; do
    CARGO_TARGET_DIR=$work/target-size cargo build -q --offline --release --manifest-path "$work/$name/Cargo.toml"
    cp "$work/target-size/release/$name" "$work/$name.bin"
done
echo "| bin | stripped bytes | Δ vs baseline |"
echo "|---|---:|---:|"
for pair in "errcodes-unused errcodes-unused" "errcodes-all errcodes-unused" "errcodes-nuki errcodes-unused" \
    "errcodes-nuki-feature errcodes-unused" "empty empty" "http-crate empty"; do
    set -- $pair
    s=$(stat -c %s "$work/$1.bin")
    b=$(stat -c %s "$work/$2.bin")
    echo "| $1 | $s | $((s - b)) (vs $2) |"
done
echo
echo "Sections that change, errcodes-all − errcodes-unused (bytes):"
echo
echo "| section | errcodes-unused | errcodes-all | Δ |"
echo "|---|---:|---:|---:|"
join -a1 -a2 -e0 -o 0,1.2,2.2 <(sections "$work/errcodes-unused.bin" | sort) \
    <(sections "$work/errcodes-all.bin" | sort) |
    awk '$2 != $3 {printf "| `%s` | %d | %d | %+d |\n", $1, $2, $3, $3 - $2}'

echo
echo "## \`cargo build -p errcodes\` in the workspace (clean, own target dir)"
echo
echo "| features | profile | crates compiled | wall s | errcodes unit s (--timings) |"
echo "|---|---|---:|---:|---:|"
for features in default nuki; do
    select=()
    [ "$features" != default ] && select=(--no-default-features --features "$features")
    for flag in "" --release; do
        target=$work/target-errcodes
        rm -rf "$target"
        start=$(now)
        (cd "$root" && CARGO_TARGET_DIR=$target cargo build --offline $flag -p errcodes "${select[@]}" --timings 2>"$work/log")
        wall=$(secs "$start" "$(now)")
        # The timings page lists each unit as `"name": "errcodes",` ... `"duration": 1.23,`.
        unit=$(awk '/"name": "errcodes"/ {found = 1} found && /"duration":/ {gsub(/[^0-9.]/, ""); print; exit}' \
            "$target"/cargo-timings/cargo-timing*.html)
        echo "| $features | ${flag:-dev} | $(grep -c '^ *Compiling' "$work/log") | $wall | ${unit:-?} |"
    done
done
generated=("$root"/errcodes/src/generated/*.rs "$root"/errcodes/src/generated/*/*.rs)
echo
echo "Generated source: $(cat "${generated[@]}" | wc -l) lines, $(cat "${generated[@]}" | wc -c) bytes" \
    "(nuki.rs: $(wc -c <"$root/errcodes/src/generated/nuki.rs") bytes)."
