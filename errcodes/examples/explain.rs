//! Explains one code: `cargo run -p errcodes --example explain -- nuki ff`
//!
//! Uses only the cross-catalogue entry point, so every catalogue works without code here.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [catalog, text] = args.as_slice() else {
        eprintln!("usage: explain CATALOGUE CODE   (for example: explain nuki ff)");
        let ids: Vec<&str> = errcodes::catalogs().iter().map(|c| c.slug()).collect();
        eprintln!("catalogues: {}", ids.join(", "));
        return ExitCode::from(2);
    };
    match errcodes::lookup(catalog, text) {
        Ok(entry) => {
            println!("{} {} ({})", entry.wire(), entry.name(), entry.catalog());
            println!("  {}", entry.description());
            if let Some(fix) = entry.remediation() {
                println!("  remediation: {fix}");
            }
            if let Some(status) = entry.http_status() {
                println!("  HTTP status: {status}");
            }
            println!("  next step:   {}", entry.action());
            println!(
                "  source:      {} <{}>",
                entry.source().title(),
                entry.source().url()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("explain: {err}");
            ExitCode::FAILURE
        }
    }
}
