//! Handling a Nuki Web API webhook result: `cargo run -p errcodes --features response --example nuki_webhook`

use errcodes::Action;
use errcodes::response::{LockOutcome, NukiWebResult};

const WEBHOOK: &str = r#"{
  "detail": [
    {"smartlockId": 123456789, "success": false, "errorCode": "ff", "id": "68b142a584f104"},
    {"smartlockId": 987654321, "success": false, "errorCode": "13", "id": "68b142a584f105"},
    {"smartlockId": 555555555, "success": false, "errorCode": "7a", "id": "68b142a584f106"},
    {"smartlockId": 111111111, "success": true, "id": "68b142a584f107"}
  ],
  "type": "AuthCreation",
  "requestId": "68b142a584f103",
  "success": false
}"#;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let result = NukiWebResult::from_json(WEBHOOK.as_bytes())?;
    for lock in &result.detail {
        let next = lock.next_step();
        match lock.outcome() {
            LockOutcome::Succeeded => println!("{lock}"),
            LockOutcome::Failed(code) => println!("{lock}\n  -> {next} ({})", code.name()),
            LockOutcome::FailedUnknown(raw) => {
                println!("{lock}\n  -> {next} (raw code {raw:?} kept)")
            }
            // `LockOutcome` is non-exhaustive: a future outcome prints as itself.
            _ => println!("{lock}\n  -> {next}"),
        }
        if let (Action::Retry, Some(id)) = (next, lock.smartlock_id) {
            println!("  scheduling a retry for smart lock {id}");
        }
    }
    Ok(())
}
