//! Handling a Knox Tag API error body: `cargo run -p errcodes --features response --example knox_error`

use errcodes::response::KnoxTagError;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let bodies = [
        r#"{"result":400,"code":"4000000","message":"RESOURCE_INVALID_PARAM","data":"The specified request parameters are not valid."}"#,
        r#"{"result":401,"code":"40100000","message":"AUTHORIZATION_FAIL","data":"Missing or invalid authorization header"}"#,
        r#"{"result":403,"code":"4000001","message":"MISSING_REQUIRED_PARAM","data":"status and code disagree"}"#,
        r#"{"result":409,"code":"4090001","message":"TAG_ALREADY_EXISTS","data":"a code nobody catalogued yet"}"#,
    ];
    for body in bodies {
        let err = KnoxTagError::from_json(body.as_bytes())?;
        println!("{err}");
        println!("  next step: {}", err.next_step());
        if let Some(mismatch) = err.status_mismatch() {
            println!(
                "  note: result says {}, catalogue says {}",
                mismatch.result, mismatch.catalogued
            );
        }
        assert_eq!(err.to_json(), body, "re-serializes to the same body");
    }
    Ok(())
}
