#!/usr/bin/env bash
# Flash footprint of a lookup (BENCHMARKS.md, "Flash footprint"; issue 22).
#
# 1. x86_64 host: tiny bins generated into target/footprint/, each its own workspace, built
#    `--offline` with the workspace's Cargo.lock, release profile opt-level "s", LTO,
#    panic = "abort", codegen-units = 1, strip = true:
#      fixed   prints a fixed name, description and remediation (black-boxed: nothing folds)
#      nuki    looks a black-boxed byte up with `nuki::from_byte` (errcodes with
#              `default-features = false, features = ["nuki"]`) and prints the same three
#      all     errcodes with `all-catalogues`: `errcodes::lookup(id, text)` with black-boxed
#              arguments (reaches every catalogue through `catalogs()`) and prints the three
#    Stripped file sizes, and allocated sections (`size -A`) of the same bins built with the
#    profile `unstripped` (release without strip), with their largest symbols.
# 2. thumbv7em-none-eabihf: `#![no_std]`, `#![no_main]` bins linked by rust-lld with no
#    linker script (`--entry=main`): read a byte with `read_volatile` from a fixed address,
#    write name/description/remediation pointers and lengths with `write_volatile`; fixed
#    text against `nuki::from_byte`. `llvm-size -A` (or binutils `size -A`). Skipped, with a
#    message, when the target cannot be installed.
# 3. A helper bin (host, dev profile) that counts the catalogue's own text and the stored
#    strings and pointers, for the breakdown.
#
#   benches/footprint.sh            # ~1 min on 2 cores, cold
#   ERRCODES=/tmp/old/errcodes benches/footprint.sh   # another errcodes (e.g. a `git archive`
#                                                     # of an older commit, whole tree)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
errcodes=$(cd "${ERRCODES:-$root/errcodes}" && pwd)
work=${WORK:-$root/target/footprint}
rm -rf "$work"
mkdir -p "$work"
export CARGO_TARGET_DIR=$work/target
thumb=thumbv7em-none-eabihf

profile='[profile.release]
opt-level = "s"
lto = true
panic = "abort"
codegen-units = 1
strip = true

[profile.unstripped]
inherits = "release"
strip = false'

# crate NAME DEPENDENCY-LINE PROFILE-TEXT; src/main.rs from stdin
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

$3

[workspace]
EOF
    cp "$root/Cargo.lock" "$work/$1/"
    cat >"$work/$1/src/main.rs"
}

nuki="errcodes = { path = \"$errcodes\", default-features = false, features = [\"nuki\"] }"
all="errcodes = { path = \"$errcodes\", default-features = false, features = [\"all-catalogues\"] }"

# The shared printing: the same in every host bin.
print='    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{name}\n{description}");
    if let Some(remediation) = remediation {
        let _ = writeln!(out, "{remediation}");
    }'

crate fixed "" "$profile" <<EOF
use std::{hint::black_box, io::Write};

fn main() {
    let _byte: u8 = black_box(0x13);
    let name: &str = black_box("P_ERROR_MAX_USER");
    let description: &str = black_box("fixed description");
    let remediation: Option<&str> = black_box(Some("fixed remediation"));
$print
}
EOF

crate nuki "$nuki" "$profile" <<EOF
use std::{hint::black_box, io::Write};

fn main() {
    let byte: u8 = black_box(0x13);
    let Some(code) = errcodes::nuki::from_byte(byte) else { return };
    let (name, description, remediation) = (code.name(), code.description(), code.remediation());
$print
}
EOF

crate all "$all" "$profile" <<EOF
use std::{hint::black_box, io::Write};

fn main() {
    let _ = black_box(errcodes::catalogs());
    let Ok(entry) = errcodes::lookup(black_box("nuki"), black_box("13")) else { return };
    let (name, description, remediation) = (entry.name(), entry.description(), entry.remediation());
$print
}
EOF

# Counts for the breakdown: the catalogue's own text and what the tables store.
crate text-count "$all" "" <<'EOF'
use std::collections::BTreeSet;
use errcodes::{Catalog, Entry, Value};

fn text(e: &Entry) -> usize {
    e.name().len() + e.description().len() + e.remediation().map_or(0, str::len)
}

/// Every string a catalogue's records hold, with the number of `&str` fields, the number
/// of slice/reference fields other than `&str`, and the pointers those slices hold.
fn count(cats: &[&Catalog], label: &str) {
    let mut strs: Vec<&str> = Vec::new();
    let (mut refs, mut slice_items, mut entries, mut names) = (0usize, 0usize, 0usize, 0usize);
    let mut source_lists = BTreeSet::new();
    let mut own_text = 0;
    let mut source_text = 0;
    for cat in cats {
        strs.extend([cat.id(), cat.slug(), cat.title()]);
        refs += 3; // sources, entries, absent slices
        for s in cat.sources() {
            strs.extend([s.id(), s.title(), s.url()]);
            source_text += s.id().len() + s.title().len() + s.url().len();
        }
        for a in cat.absent() {
            strs.extend([a.wire(), a.reason()]);
            if let Value::Text(t) = a.value() {
                strs.push(t);
            }
        }
        for e in cat.entries() {
            entries += 1;
            names += 1 + e.aliases().len();
            own_text += text(&e);
            strs.extend([e.catalog(), e.wire(), e.name(), e.description()]);
            strs.extend(e.remediation());
            strs.extend(e.uncertain());
            strs.extend(e.aliases());
            if let Value::Text(t) = e.value() {
                strs.push(t);
            }
            refs += 5; // aliases, sources, device_names, causes slices and `source`
            slice_items += e.sources().len();
            source_lists.insert(e.sources().map(|s| s.id()).collect::<Vec<_>>().join(","));
            for d in e.device_names() {
                strs.extend([d.name(), d.device()]);
            }
            for c in e.causes() {
                strs.extend([c.name(), c.description()]);
                strs.extend(c.remediation());
            }
        }
    }
    let bytes: usize = strs.iter().map(|s| s.len()).sum();
    let distinct: BTreeSet<&str> = strs.iter().copied().collect();
    let distinct_bytes: usize = distinct.iter().map(|s| s.len()).sum();
    println!("{label}.entries {entries}");
    println!("{label}.names_and_aliases {names}");
    println!("{label}.own_text {own_text}");
    println!("{label}.source_text {source_text}");
    println!("{label}.str_fields {}", strs.len());
    println!("{label}.str_bytes {bytes}");
    println!("{label}.distinct_str_bytes {distinct_bytes}");
    println!("{label}.other_ref_fields {refs}");
    println!("{label}.source_list_items {slice_items}");
    println!("{label}.distinct_source_lists {}", source_lists.len());
}

fn main() {
    let nuki: usize = errcodes::nuki::Code::ALL
        .iter()
        .map(|c| c.name().len() + c.description().len() + c.remediation().map_or(0, str::len))
        .sum();
    let sum = |f: fn(errcodes::nuki::Code) -> usize| -> usize { errcodes::nuki::Code::ALL.iter().map(|&c| f(c)).sum() };
    println!("nuki.codes {}", errcodes::nuki::Code::ALL.len());
    println!("nuki.code_all_text {nuki}");
    println!("nuki.name_bytes {}", sum(|c| c.name().len()));
    println!("nuki.description_bytes {}", sum(|c| c.description().len()));
    println!("nuki.remediation_bytes {}", sum(|c| c.remediation().map_or(0, str::len)));
    println!("nuki.wire_bytes {}", sum(|c| c.wire().len()));
    println!("size_of.Entry {}", size_of::<Entry>());
    println!("size_of.Catalog {}", size_of::<Catalog>());
    println!("size_of.Source {}", size_of::<errcodes::Source>());
    count(&[&errcodes::nuki::CATALOG], "nuki");
    count(errcodes::catalogs(), "all");
    // The floor of the levers, for the `*-blob` probes: nuki's name, description and
    // remediation in one string with u16 ends, and the byte -> index table; nothing else.
    if let Some(path) = std::env::args().nth(1) {
        let (mut blob, mut ends, mut index) = (String::new(), Vec::new(), [255_u8; 256]);
        for (i, &c) in errcodes::nuki::Code::ALL.iter().enumerate() {
            index[usize::from(u8::from(c))] = u8::try_from(i).unwrap();
            for s in [c.name(), c.description(), c.remediation().unwrap_or("")] {
                blob.push_str(s);
                ends.push(u16::try_from(blob.len()).unwrap());
            }
        }
        let rs = format!(
            "static BLOB: &str = {blob:?};\nstatic ENDS: [u16; {}] = {ends:?};\nstatic INDEX: [u8; 256] = {index:?};\n\
             fn lookup(byte: u8) -> Option<(&'static str, &'static str, &'static str)> {{\n\
             let i = usize::from(INDEX[usize::from(byte)]);\n\
             if i == 255 {{ return None; }}\n\
             let end = |k: usize| usize::from(ENDS.get(k).copied().unwrap_or(0));\n\
             let s = |k: usize| BLOB.get(if k == 0 {{ 0 }} else {{ end(k - 1) }}..end(k)).unwrap_or(\"\");\n\
             Some((s(3 * i), s(3 * i + 1), s(3 * i + 2)))\n}}\n",
            ends.len()
        );
        std::fs::write(path, rs).unwrap();
    }
}
EOF

build() { (cd "$work/$1" && cargo build --offline --quiet "${@:2}"); }

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'); $(uptime)"
if [ "$errcodes" = "$root/errcodes" ]; then
    at="$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- errcodes || echo ' (modified)')"
else
    at=$errcodes
fi
echo "== rustc $(rustc -V | cut -d' ' -f2), errcodes at $at"

build text-count
"$work/target/debug/text-count" "$work/blob.rs" >"$work/text-count.txt"

# The levers' floor: nuki's three texts in one blob with u16 ends (written by text-count).
crate nuki-blob "" "$profile" <<EOF
use std::{hint::black_box, io::Write};

include!("$work/blob.rs");

fn main() {
    let byte: u8 = black_box(0x13);
    let Some((name, description, remediation)) = lookup(byte) else { return };
    let remediation = Some(remediation).filter(|r| !r.is_empty());
$print
}
EOF

for c in fixed nuki all nuki-blob; do
    build "$c" --release
    build "$c" --profile unstripped
done
val() { awk -v k="$1" '$1 == k {print $2}' "$work/text-count.txt"; }

file_size() { stat -c %s "$1"; }
# section BIN NAME: allocated size of a section (0 when absent)
section() { size -A "$1" | awk -v s="$2" '$1 == s {print $2; f=1} END {if (!f) print 0}'; }

bin() { echo "$work/target/$2/$1"; }
f=$(file_size "$(bin fixed release)")
n=$(file_size "$(bin nuki release)")
a=$(file_size "$(bin all release)")

echo
echo "== x86_64-unknown-linux-gnu (PIE), stripped release bins"
echo "| bin | bytes | Δ vs fixed |"
echo "|---|---:|---:|"
echo "| fixed text | $f | – |"
echo "| \`nuki::from_byte\`, \`features = [\"nuki\"]\` | $n | **+$((n - f))** |"
echo "| \`errcodes::lookup\`, \`all-catalogues\` | $a | **+$((a - f))** |"
b=$(file_size "$(bin nuki-blob release)")
echo "| no errcodes: nuki's three texts in one blob, \`u16\` ends, byte index (the levers' floor) | $b | **+$((b - f))** |"

echo
echo "== x86_64 allocated sections, profile unstripped (release without strip): Δ vs fixed"
secs=".text .rodata .data.rel.ro .rela.dyn .eh_frame .eh_frame_hdr .got .data .bss .relro_padding"
echo "| section | fixed | nuki | Δ nuki | all | Δ all | nuki-blob | Δ nuki-blob |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for s in $secs; do
    sf=$(section "$(bin fixed unstripped)" "$s")
    sn=$(section "$(bin nuki unstripped)" "$s")
    sa=$(section "$(bin all unstripped)" "$s")
    sb=$(section "$(bin nuki-blob unstripped)" "$s")
    echo "| \`$s\` | $sf | $sn | $((sn - sf)) | $sa | $((sa - sf)) | $sb | $((sb - sf)) |"
done
echo "(.rela.dyn: 24 bytes per stored pointer: nuki +$((($(section "$(bin nuki unstripped)" .rela.dyn) - $(section "$(bin fixed unstripped)" .rela.dyn)) / 24)), all +$((($(section "$(bin all unstripped)" .rela.dyn) - $(section "$(bin fixed unstripped)" .rela.dyn)) / 24)) pointers)"

echo
echo "== catalogue text and stored strings (helper: target/footprint/text-count)"
cat "$work/text-count.txt"

# tables BIN: errcodes' named statics and functions, summed by name (ENTRIES, NAMES...).
# Promoted constants (the per-entry `sources` slices) and string literals have no symbol.
tables() {
    nm -S -t d -C "$1" | grep 'errcodes::' \
        | awk '{n=$4; sub(/.*::/, "", n); k=$3 " " n; s[k]+=$2; c[k]++} END {for (k in s) print s[k], c[k], k}' \
        | sort -rn | awk '{printf "| %s | %s | %d | %d |\n", $4, $3, $2, $1}'
}
for c in nuki all; do
    echo
    echo "== errcodes symbols in $c (nm -S, unstripped), summed by name"
    echo "| name | nm type | symbols | bytes |"
    echo "|---|---|---:|---:|"
    tables "$(bin "$c" unstripped)"
    echo "panic locations (errcodes source paths in the file): $(strings -n 8 "$(bin "$c" release)" | grep -c 'errcodes/src' || true)"
done

echo
echo "== $thumb"
if ! rustup target list --installed 2>/dev/null | grep -qx "$thumb"; then
    rustup target add "$thumb" >/dev/null 2>&1 || true
fi
if ! rustup target list --installed 2>/dev/null | grep -qx "$thumb"; then
    echo "SKIPPED: \`rustup target add $thumb\` failed (no network to the Rust distribution?)"
    exit 0
fi
llvm_size=$(ls "$(rustc --print sysroot)"/lib/rustlib/*/bin/llvm-size 2>/dev/null | head -1 || true)
[ -n "$llvm_size" ] || llvm_size=$(command -v llvm-size || true)
[ -n "$llvm_size" ] || llvm_size=size
echo "(size tool: $llvm_size)"

thumb_profile='[profile.release]
opt-level = "s"
lto = true
panic = "abort"
codegen-units = 1
debug = false'

# thumb_crate NAME DEPENDENCY-LINE LOOKUP-EXPRESSION READ-TEXTS [ITEMS] (the expression may
# use `byte`, `id` and `text`; READ-TEXTS true reads the two texts; ITEMS go at the end)
thumb_crate() {
    crate "$1" "$2" "$thumb_profile" <<EOF
#![no_std]
#![no_main]
#![allow(unused)]

use core::ptr::{read_volatile, write_volatile};

/// A register or mailbox the firmware reads the error byte from.
const IN: *const u8 = 0x2000_0000 as *const u8;
/// Two short texts (length byte, then up to 31 bytes) for the catalogue-id lookup.
const ID: *const u8 = 0x2000_0040 as *const u8;
const TEXT: *const u8 = 0x2000_0060 as *const u8;
/// Where it writes name, description and remediation: pointer and length each.
const OUT: *mut usize = 0x2000_0100 as *mut usize;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

fn read_text(at: *const u8, buf: &mut [u8; 31]) -> &str {
    let len = usize::from(unsafe { read_volatile(at) }).min(buf.len());
    for (i, b) in buf[..len].iter_mut().enumerate() {
        *b = unsafe { read_volatile(at.add(1 + i)) };
    }
    core::str::from_utf8(&buf[..len]).unwrap_or("")
}

#[unsafe(no_mangle)]
pub extern "C" fn main() -> ! {
    loop {
        let byte = unsafe { read_volatile(IN) };
        let (mut a, mut b) = ([0; 31], [0; 31]);
        let (id, text) = if $4 { (read_text(ID, &mut a), read_text(TEXT, &mut b)) } else { ("", "") };
        let (name, description, remediation): (&str, &str, &str) = $3;
        for (i, s) in [name, description, remediation].into_iter().enumerate() {
            unsafe {
                write_volatile(OUT.add(2 * i), s.as_ptr() as usize);
                write_volatile(OUT.add(2 * i + 1), s.len());
            }
        }
    }
}

${5:-}
EOF
}
fixed_text='("P_ERROR_MAX_USER", "fixed description", "fixed text")'
thumb_crate thumb-fixed "" "if byte == 0x13 { $fixed_text } else { (\"\", \"\", \"\") }" false
thumb_crate thumb-nuki "$nuki" 'match errcodes::nuki::from_byte(byte) {
            Some(code) => (code.name(), code.description(), code.remediation().unwrap_or("")),
            None => ("", "", ""),
        }' false
thumb_crate thumb-nuki-blob "" 'lookup(byte).unwrap_or(("", "", ""))' false "include!(\"$work/blob.rs\");"
# The same two texts read and compared instead of looked up: the baseline of thumb-all.
thumb_crate thumb-fixed-text "" "if id == \"nuki\" && text == \"13\" { $fixed_text } else { (\"\", \"\", \"\") }" true
thumb_crate thumb-all "$all" 'match errcodes::lookup(id, text) {
            Ok(entry) => (entry.name(), entry.description(), entry.remediation().unwrap_or("")),
            Err(_) => ("", "", ""),
        }' true
for c in thumb-fixed thumb-nuki thumb-nuki-blob thumb-fixed-text thumb-all; do
    CARGO_TARGET_THUMBV7EM_NONE_EABIHF_RUSTFLAGS="-C link-arg=--entry=main" \
        build "$c" --release --target "$thumb"
done
tb() { echo "$work/target/$thumb/release/$1"; }
tsection() { "$llvm_size" -A "$1" | awk -v s="$2" '$1 == s {print $2; f=1} END {if (!f) print 0}'; }
echo "Linked ELF (rust-lld, no linker script, entry \`main\`); \`llvm-size -A\`:"
echo "| section | fixed | \`nuki::from_byte\` | Δ | nuki blob (levers' floor) | Δ | fixed, two texts read | \`errcodes::lookup\`, all-catalogues | Δ |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
flash() { echo $(($(tsection "$1" .text) + $(tsection "$1" .rodata) + $(tsection "$1" .data))); }
for s in .text .rodata .data .bss .ARM.exidx flash; do
    if [ "$s" = flash ]; then
        get() { flash "$(tb "$1")"; }
        label="flash (\`.text\` + \`.rodata\` + \`.data\`)"
    else
        get() { tsection "$(tb "$1")" "$s"; }
        label="\`$s\`"
    fi
    v=$(get thumb-fixed) w=$(get thumb-nuki) z=$(get thumb-nuki-blob) x=$(get thumb-fixed-text) y=$(get thumb-all)
    echo "| $label | $v | $w | **+$((w - v))** | $z | +$((z - v)) | $x | $y | **+$((y - x))** |"
done
for c in thumb-nuki thumb-all; do
    echo
    echo "== errcodes symbols in $c, summed by name"
    echo "| name | nm type | symbols | bytes |"
    echo "|---|---|---:|---:|"
    tables "$(tb "$c")"
    echo "core::fmt symbols: $(nm -C "$(tb "$c")" | grep -c 'core::fmt' || true) (fixed baselines: $(nm -C "$(tb thumb-fixed-text)" | grep -c 'core::fmt' || true)); panic locations: $(strings -n 8 "$(tb "$c")" | grep -c 'errcodes/src' || true)"
done
