//! Firmware-style code: `no_std`, errcodes without default features, `?` into its own error
//! type, which chains to errcodes' errors through `core::error::Error`.
#![no_std]
#![forbid(unsafe_code)]

use core::fmt;

use errcodes::{ParseError, nuki};

/// What a BLE lock driver returns.
#[derive(Debug)]
pub enum LockError {
    /// The lock reported an error byte that errcodes knows.
    Device(nuki::Code),
    /// The lock reported something errcodes could not read.
    Unreadable(ParseError),
}

impl fmt::Display for LockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LockError::Device(_) => f.write_str("the lock refused the command"),
            LockError::Unreadable(_) => f.write_str("the lock's answer was unreadable"),
        }
    }
}

impl core::error::Error for LockError {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            LockError::Device(code) => Some(code),
            LockError::Unreadable(err) => Some(err),
        }
    }
}

// What `thiserror`'s `#[from]` writes.
impl From<nuki::Code> for LockError {
    fn from(code: nuki::Code) -> Self {
        LockError::Device(code)
    }
}
impl From<ParseError> for LockError {
    fn from(err: ParseError) -> Self {
        LockError::Unreadable(err)
    }
}

/// An error report frame: `[0x12, 0x00, error byte, …]`.
///
/// # Errors
/// The lock's error code, or why the byte is not one.
pub fn check_report(frame: &[u8]) -> Result<(), LockError> {
    match frame {
        [0x12, 0x00, byte, ..] => Err(nuki::Code::try_from(*byte)?.into()),
        _ => Ok(()),
    }
}

/// A webhook's `errorCode` text (`"13"`, `"ff"`).
///
/// # Errors
/// The code, or why the text is not one.
pub fn check_webhook(error_code: &str) -> Result<(), LockError> {
    Err(nuki::from_wire(error_code)?.into())
}

/// Generic over catalogues, as a tool would be.
pub fn describe<C: errcodes::CatalogCode>(text: &str) -> Option<(&'static str, C::Key)> {
    let code = C::parse(text).ok()?;
    Some((code.name(), code.value()))
}
