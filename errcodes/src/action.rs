//! What a client should do next when it meets a code.

use core::fmt;

/// The next step a client should take for a code, as the catalogue classifies it.
///
/// The class is data, not a rule: every entry of every catalogue names its own action, so
/// for example HTTP 501 is [`Action::ContactVendor`] while 503 is [`Action::Retry`].
///
/// ```
/// use errcodes::{nuki, Action};
///
/// assert_eq!(nuki::from_byte(0x45).map(|c| c.action()), Some(Action::Retry)); // K_ERROR_BUSY
/// assert!(Action::Retry.is_retryable());
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    /// Nothing to do: success, or informational.
    ///
    /// Its text is `none` everywhere text is read or written: [`Action::as_str`],
    /// [`Action::from_name`], serde, the catalogues and the `errcodes` command. Only the Rust
    /// name differs: `Nothing`, not `None`, so that `use errcodes::Action::*` cannot shadow
    /// [`Option::None`].
    Nothing,
    /// Transient: try the same request again later, with backoff.
    Retry,
    /// The credentials are expired or lack rights: refresh or re-acquire them, then retry.
    RefreshCredentials,
    /// The request itself is wrong: change it before sending it again.
    FixRequest,
    /// The device needs attention (battery, calibration, motor, firmware, pairing).
    CheckDevice,
    /// Nothing the client can fix: report it to the vendor.
    ContactVendor,
}

impl Action {
    /// Every action, in declaration order.
    pub const ALL: [Action; 6] = [
        Action::Nothing,
        Action::Retry,
        Action::RefreshCredentials,
        Action::FixRequest,
        Action::CheckDevice,
        Action::ContactVendor,
    ];

    /// The catalogue spelling (`retry`, `refresh_credentials`, …).
    pub const fn as_str(self) -> &'static str {
        match self {
            Action::Nothing => "none",
            Action::Retry => "retry",
            Action::RefreshCredentials => "refresh_credentials",
            Action::FixRequest => "fix_request",
            Action::CheckDevice => "check_device",
            Action::ContactVendor => "contact_vendor",
        }
    }

    /// Parses the spelling [`Action::as_str`] produces, in any ASCII case (the crate's rule
    /// for names people type, as in `parse` and the command); serde reads the same.
    ///
    /// ```
    /// use errcodes::Action;
    ///
    /// assert_eq!(Action::from_name("none"), Some(Action::Nothing));
    /// assert_eq!(Action::from_name("Fix_Request"), Some(Action::FixRequest));
    /// assert_eq!(Action::from_name("nothing"), None); // the text is `none`
    /// assert_eq!(Action::Nothing.as_str(), "none");
    /// ```
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL
            .into_iter()
            .find(|a| a.as_str().eq_ignore_ascii_case(name))
    }

    /// A one-line instruction for people.
    pub const fn advice(self) -> &'static str {
        match self {
            Action::Nothing => "nothing to do",
            Action::Retry => "retry later with backoff",
            Action::RefreshCredentials => "refresh the credentials, then retry",
            Action::FixRequest => "fix the request before sending it again",
            Action::CheckDevice => "check the device",
            Action::ContactVendor => "contact the vendor",
        }
    }

    /// Whether sending the same request again can succeed without any change.
    pub const fn is_retryable(self) -> bool {
        matches!(self, Action::Retry)
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.advice())
    }
}
