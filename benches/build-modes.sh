#!/usr/bin/env bash
# What each mode of errcodes-build costs a dependent (BENCHMARKS.md, "errcodes-build: build
# time vs committed output").
#
# 1. Clean `cargo build` of tiny lib crates, each with its own freshly deleted target folder,
#    `--offline`, the workspace's Cargo.lock: an empty crate (the floor); committed-output mode
#    (errcodes by path, default features off, plus the committed modules of the example crate
#    codegen/acme-lock); build-time mode (the same catalogue, codegen/acme-lock/catalog, turned into
#    $OUT_DIR/catalogs.rs by build.rs with errcodes-build as a build-dependency), with each
#    build-script profile of PROFILES (below).
#    Crates compiled (`Compiling` lines, the crate itself included) and wall seconds, median
#    of RUNS (default 3), every run in brackets.
# 2. What a build-script rerun costs after a YAML edit (the `title:` of one file changes, so
#    the generated code changes too), for the example catalogue (9 entries), a copy of the real
#    catalogue/ (errcodes' own, ~250 entries) and a 5,000-entry synthetic one (synth-catalog),
#    each with every build-script profile: the wall time of the `cargo build` after the edit,
#    and the build script alone (run directly, OUT_DIR set).
#
#   benches/build-modes.sh            # ~15 min on 2 cores; output also under target/build-modes/
#   RUNS=5 PROFILES="default bo2" benches/build-modes.sh
#   RUNS=1 PROFILES=default RERUNS=0 benches/build-modes.sh   # part 1 only, about a minute
#   BUILD_DEP_EXTRA=", default-features = false" benches/build-modes.sh   # the lean build.rs route
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
work=${WORK:-$root/target/build-modes}
rm -rf "$work"
mkdir -p "$work"

now() { date +%s.%N; }
secs() { awk "BEGIN {printf \"%.2f\", $2 - $1}"; }
median() { tr ' ' '\n' | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

errcodes="errcodes = { path = \"$root/errcodes\", default-features = false }"
# BUILD_DEP_EXTRA is appended inside the build-dependency's braces, e.g.
# ", default-features = false" for the lean build.rs route (no syn 3, no prettyplease).
build_dep="errcodes-build = { path = \"$root/codegen/errcodes-build\"${BUILD_DEP_EXTRA:-} }"

# The build-script profiles compared: cargo's default (build scripts and their dependencies
# at opt-level 0), `[profile.dev.build-override] opt-level = N` (boN: all of them optimised),
# `[profile.dev.package.errcodes-build] opt-level = N` (pkgN: only the generator crate).
profiles=${PROFILES:-default bo1 bo2 pkg2}
describe() {
    case $1 in
    default) echo "default (0)" ;;
    bo*) echo "build-override ${1#bo}" ;;
    pkg*) echo "errcodes-build ${1#pkg}" ;;
    esac
}

# crate NAME MODE(empty|committed|build) CATALOG-DIR PROFILE
crate() {
    local dir=$work/$1 mode=$2 catalog=$3 profile=$4
    mkdir -p "$dir/src"
    cp "$root/Cargo.lock" "$dir/Cargo.lock"
    {
        printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n' "$1"
        printf '[dependencies]\n'
        [ "$mode" != empty ] && printf '%s\n' "$errcodes"
        if [ "$mode" = build ]; then
            printf '\n[build-dependencies]\n%s\n' "$build_dep"
        fi
        case $profile in
        default) ;;
        bo*) printf '\n[profile.dev.build-override]\nopt-level = %s\n' "${profile#bo}" ;;
        pkg*) printf '\n[profile.dev.package.errcodes-build]\nopt-level = %s\n' "${profile#pkg}" ;;
        esac
        printf '\n[workspace]\n'
    } >"$dir/Cargo.toml"
    case $mode in
    empty) echo '//! Nothing.' >"$dir/src/lib.rs" ;;
    committed)
        cp -r "$root/codegen/acme-lock/src/committed" "$dir/src/committed"
        printf '//! Committed output.\n#[rustfmt::skip]\npub mod committed;\n' >"$dir/src/lib.rs"
        ;;
    build)
        cp -r "$catalog" "$dir/catalog"
        rm -f "$dir/catalog/"*.md
        printf '//! Build-time mode.\ninclude!(concat!(env!("OUT_DIR"), "/catalogs.rs"));\n' >"$dir/src/lib.rs"
        cat >"$dir/build.rs" <<'EOF'
fn main() {
    if let Err(failure) = errcodes_build::Builder::new().compile() {
        eprintln!("{failure}");
        std::process::exit(1);
    }
}
EOF
        ;;
    esac
}

# build DIR TARGET -> "crates seconds"
build() {
    local dir=$1 target=$2 start
    start=$(now)
    CARGO_TARGET_DIR=$target cargo build --offline --manifest-path "$dir/Cargo.toml" 2>"$work/log" ||
        { cat "$work/log" >&2; return 1; }
    echo "$(grep -c '^ *Compiling' "$work/log") $(secs "$start" "$(now)")"
}

echo "uptime: $(uptime)"
echo "$(rustc --version); $(cargo --version); commit $(git -C "$root" rev-parse --short HEAD)"
echo

ex=$root/codegen/acme-lock/catalog
crate empty empty - default
crate committed committed - default
for profile in $profiles; do
    crate "build-$profile" build "$ex" "$profile"
done
cargo fetch -q --manifest-path "$work/build-default/Cargo.toml"

echo "## Clean build of a dependent, dev profile (median of $runs, runs in brackets)"
echo
echo "| crate | build-script profile | crates compiled | \`cargo build\` s | − empty s |"
echo "|---|---|---:|---:|---:|"
names=()
floor=0
for name in empty committed $(printf 'build-%s ' $profiles); do
    times=()
    for _ in $(seq 1 "$runs"); do
        rm -rf "$work/target-$name"
        read -r crates t <<<"$(build "$work/$name" "$work/target-$name")"
        times+=("$t")
    done
    m=$(echo "${times[*]}" | median | xargs printf '%.2f')
    [ "$name" = empty ] && floor=$m
    shown=-
    [[ $name == build-* ]] && shown=$(describe "${name#build-}")
    echo "| ${name%%-*} | $shown | $crates | $m (${times[*]}) | $(awk "BEGIN {printf \"%+.2f\", $m - $floor}") |"
    names+=("$name: $(sed -n 's/^ *Compiling \([^ ]*\).*/\1/p' "$work/log" | sort | xargs | sed 's/ /, /g')")
done
echo
printf -- '- %s\n' "${names[@]}"

if [ "${RERUNS:-1}" = 0 ]; then
    echo
    echo "uptime: $(uptime)"
    exit 0
fi

echo
echo "## A build-script rerun after a YAML edit (median of $runs, runs in brackets)"
echo
synth=$work/synth-catalog
(cd "$root" && cargo run -q --release -p errcodes-benches --bin synth-catalog -- 5000 "$synth")
echo "| catalogue | entries | build-script profile | \`cargo build\` after the edit s | build script alone s |"
echo "|---|---:|---|---:|---:|"
for spec in "example:$ex:lock.yaml:9" "real:$root/catalog:nuki.yaml:$(grep -c '^  - value:' "$root"/catalog/*.yaml | awk -F: '{s+=$2} END {print s}')" \
    "synth-5000:$synth:synth.yaml:5000"; do
    IFS=: read -r label catalog file entries <<<"$spec"
    for profile in $profiles; do
        name=rerun-$label-$profile
        crate "$name" build "$catalog" "$profile"
        target=$work/target-rerun-$profile
        build "$work/$name" "$target" >/dev/null
        walls=()
        alone=()
        for i in $(seq 1 "$runs"); do
            sed -i "s/^title: .*/title: Edited title $i/" "$work/$name/catalog/$file"
            read -r _ t <<<"$(build "$work/$name" "$target")"
            walls+=("$t")
            script=$(ls -t "$target"/debug/build/"$name"-*/build-script-build | head -1)
            mkdir -p "$work/out"
            start=$(now)
            (cd "$work/$name" && OUT_DIR=$work/out "$script" >/dev/null)
            alone+=("$(secs "$start" "$(now)")")
        done
        echo "| $label | $entries | $(describe "$profile") | $(echo "${walls[*]}" | median | xargs printf '%.2f') (${walls[*]}) | $(echo "${alone[*]}" | median | xargs printf '%.2f') (${alone[*]}) |"
    done
done
echo
echo "uptime: $(uptime)"
