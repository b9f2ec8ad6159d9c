//! Handling a Tapkey 401: `cargo run -p errcodes --features response --example tapkey_401`

use errcodes::Action;
use errcodes::response::TapkeyError;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let body = br#"{"ErrorCode":"TokenExpired","ErrorMessage":"The access token has expired.","UserErrorMessage":"Bitte erneut anmelden."}"#;
    let err = TapkeyError::from_response(401, body)?;
    println!("{err}");
    if err.next_step() == Action::RefreshCredentials {
        println!("  refreshing the access token, then retrying once");
    }
    if let Some(code) = err.code() {
        for cause in code.entry().causes() {
            println!(
                "  possible cause {}: {}",
                cause.name(),
                cause.remediation().unwrap_or("-")
            );
        }
    }
    Ok(())
}
