//! Reads the divan output of several runs of `benches/lookups.rs` and prints, per group, ns per
//! lookup (median of the runs, with their range) and the ratio to errcodes computed inside each
//! run (median of the runs).
//!
//! `cargo run -q --release -p errcodes-benches --bin bench-report -- run1.txt run2.txt run3.txt`
//!
//! `bench-report --before-after b1.txt b2.txt a1.txt a2.txt` pairs run `i` of an older build
//! (`b*`) with run `i` of the current one (`a*`, taken right after it; see
//! `benches/before-after.sh`): each pair is reported as one run in which the older build's
//! errcodes rows appear as `before` (and `before_reason`), so "÷ errcodes" on that row is
//! before ÷ now within a pair (> 1: now is faster).

use std::collections::BTreeMap;
use std::process::ExitCode;

/// Keys per pass: one divan sample is one pass over the stream (see `benches/lookups.rs`).
const KEYS_PER_PASS: f64 = 65_536.0;
const STREAMS: [&str; 3] = ["hit", "miss", "chain"];

/// `group -> approach -> stream -> ns per lookup`, for one run.
type Run = BTreeMap<String, BTreeMap<String, BTreeMap<String, f64>>>;

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: bench-report RUN.txt...");
        return ExitCode::from(2);
    }
    let paired = paths[0] == "--before-after";
    let paths = &paths[usize::from(paired)..];
    let mut runs = Vec::new();
    for path in paths {
        match std::fs::read_to_string(path) {
            Ok(text) => runs.push(parse(&text)),
            Err(err) => {
                eprintln!("bench-report: {path}: {err}");
                return ExitCode::FAILURE;
            }
        }
    }
    if paired {
        if runs.len() % 2 != 0 {
            eprintln!("bench-report: --before-after needs as many before runs as after runs");
            return ExitCode::from(2);
        }
        let after = runs.split_off(runs.len() / 2);
        runs = runs
            .into_iter()
            .zip(after)
            .map(|(b, a)| pair(b, a))
            .collect();
    }
    print!("{}", report(&runs));
    ExitCode::SUCCESS
}

/// Run `after` with `before`'s errcodes rows added as `before` and `before_reason`.
fn pair(before: Run, mut after: Run) -> Run {
    for (group, approaches) in before {
        let Some(now) = after.get_mut(&group) else {
            continue;
        };
        for (from, to) in [("errcodes", "before"), ("errcodes_reason", "before_reason")] {
            if let Some(streams) = approaches.get(from) {
                now.insert(to.to_string(), streams.clone());
            }
        }
    }
    after
}

/// Divan's tree: each level is indented by 3 characters; a leaf carries
/// `name fastest │ slowest │ median │ mean │ samples │ iters`.
fn parse(text: &str) -> Run {
    let mut run = Run::new();
    let mut path: Vec<String> = Vec::new();
    for line in text.lines() {
        let indent = line
            .chars()
            .take_while(|c| matches!(c, ' ' | '│' | '├' | '╰' | '─'))
            .count();
        let rest: String = line.chars().skip(indent).collect();
        let cells: Vec<&str> = rest.split('│').collect();
        let Some(name) = cells[0].split_whitespace().next() else {
            continue;
        };
        if cells.len() < 6 || indent == 0 {
            continue; // not a bench row, or divan's header line
        }
        let depth = indent / 3;
        path.truncate(depth - 1);
        path.push(name.to_string());
        let median = cells.get(2).and_then(|c| duration_ns(c));
        if let (Some(median), [group, approach, stream]) = (median, path.as_slice()) {
            run.entry(group.clone())
                .or_default()
                .entry(approach.clone())
                .or_default()
                .insert(stream.clone(), median / KEYS_PER_PASS);
        }
    }
    run
}

/// `"1.999 ms"` in nanoseconds.
fn duration_ns(cell: &str) -> Option<f64> {
    let mut parts = cell.split_whitespace();
    let value: f64 = parts.next()?.parse().ok()?;
    let scale = match parts.next()? {
        "ps" => 1e-3,
        "ns" => 1.0,
        "µs" | "us" => 1e3,
        "ms" => 1e6,
        "s" => 1e9,
        _ => return None,
    };
    Some(value * scale)
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

fn report(runs: &[Run]) -> String {
    let mut out = format!(
        "ns per lookup: median of {} runs (min–max). \"÷ errcodes\": the approach's time \
         divided by errcodes' in the same run and stream, median of the runs \
         (> 1: errcodes is faster).\n",
        runs.len()
    );
    let groups: Vec<&String> = runs.first().map(|r| r.keys().collect()).unwrap_or_default();
    for group in groups {
        out += &format!(
            "\n### {group}\n\n| approach | hit ns | miss ns | chain ns | hit ÷ errcodes | miss ÷ errcodes | chain ÷ errcodes |\n|---|---|---|---|---|---|---|\n"
        );
        let mut approaches: Vec<&String> = runs[0][group].keys().collect();
        approaches.sort_by_key(|a| (a.as_str() != "errcodes", a.as_str()));
        for approach in approaches {
            let ns = |stream: &str| -> Vec<f64> {
                (runs.iter())
                    .filter_map(|r| r.get(group)?.get(approach)?.get(stream).copied())
                    .collect()
            };
            let ratio = |stream: &str| -> Vec<f64> {
                (runs.iter())
                    .filter_map(|r| {
                        let g = r.get(group)?;
                        Some(g.get(approach)?.get(stream)? / g.get("errcodes")?.get(stream)?)
                    })
                    .collect()
            };
            let mut row = format!("| {approach} |");
            for stream in STREAMS {
                let values = ns(stream);
                let (lo, hi) = values
                    .iter()
                    .fold((f64::MAX, 0f64), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
                row += &match median(values) {
                    Some(m) => format!(" {m:.2} ({lo:.2}–{hi:.2}) |"),
                    None => " – |".to_string(),
                };
            }
            for stream in STREAMS {
                row += &match median(ratio(stream)) {
                    Some(r) => format!(" {r:.2} |"),
                    None => " – |".to_string(),
                };
            }
            out += &row;
            out.push('\n');
        }
        // The name-hash decision: how much faster the prototype is than phf, in-run.
        if runs[0][group].contains_key("sampled") {
            out += "\nphf ÷ sampled (in-run, median):";
            for stream in STREAMS {
                let ratios: Vec<f64> = (runs.iter())
                    .filter_map(|r| {
                        let g = r.get(group)?;
                        Some(g.get("phf")?.get(stream)? / g.get("sampled")?.get(stream)?)
                    })
                    .collect();
                if let Some(r) = median(ratios) {
                    out += &format!(" {stream} {r:.1}×");
                }
            }
            out.push('\n');
        }
    }
    out
}
