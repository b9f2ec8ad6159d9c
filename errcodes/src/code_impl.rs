//! What every generated catalogue module shares, written once.
//!
//! A generated module defines `Code`, `ID`, `ENTRIES`, `VALUES` and `from_name`, then invokes
//! [`code_impl!`] with its key type and wire-text parser to get the accessors, the standard
//! traits and `parse`.

/// Accessors, traits and `parse` for a generated module's `Code`.
macro_rules! code_impl {
    ($key:ty, $parse_wire:path, $wire:ident) => {
        impl Code {
            /// The catalogue record of this code.
            pub const fn entry(self) -> &'static $crate::Entry {
                &ENTRIES[self as usize]
            }
            /// The wire value.
            pub const fn value(self) -> $key {
                VALUES[self as usize]
            }
            /// The wire value as the vendor documents it (`0x13`, `404`, `4000000`).
            pub const fn wire(self) -> &'static str {
                self.entry().wire()
            }
            /// The spec name, verbatim.
            pub const fn name(self) -> &'static str {
                self.entry().name()
            }
            /// What the code means.
            pub const fn description(self) -> &'static str {
                self.entry().description()
            }
            /// What the vendor recommends, where a source says.
            pub const fn remediation(self) -> Option<&'static str> {
                self.entry().remediation()
            }
            /// The HTTP status that carries this code, where one applies.
            pub const fn http_status(self) -> Option<u16> {
                self.entry().http_status()
            }
            /// What a client should do next.
            pub const fn action(self) -> $crate::Action {
                self.entry().action()
            }
        }

        /// `P_ERROR_MAX_USER(0x13)`: the spec name and the wire value.
        impl core::fmt::Debug for Code {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                write!(f, "{}({})", self.name(), self.wire())
            }
        }

        /// `0x13 P_ERROR_MAX_USER: <description>`
        impl core::fmt::Display for Code {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                core::fmt::Display::fmt(self.entry(), f)
            }
        }

        #[cfg(feature = "std")]
        impl std::error::Error for Code {}

        /// Parses the wire text, or else the spec name or an alias.
        impl core::str::FromStr for Code {
            type Err = $crate::ParseError;
            fn from_str(text: &str) -> Result<Code, $crate::ParseError> {
                parse(text)
            }
        }

        impl $crate::CatalogCode for Code {
            fn catalog() -> &'static $crate::Catalog {
                &CATALOG
            }
            fn entry(self) -> &'static $crate::Entry {
                Code::entry(self)
            }
            fn parse_wire(text: &str) -> Result<Code, $crate::ParseError> {
                $parse_wire(text)
            }
        }

        impl From<Code> for &'static $crate::Entry {
            fn from(code: Code) -> &'static $crate::Entry {
                code.entry()
            }
        }

        /// Looks up the wire text first, then the spec name or an alias.
        ///
        /// # Errors
        /// Why `text` is neither a known wire value nor a name (see `Catalog::lookup`).
        pub fn parse(text: &str) -> Result<Code, $crate::ParseError> {
            $crate::catalog::lookup_with(
                text,
                $parse_wire,
                from_name,
                ID,
                $crate::WireFormat::$wire,
            )
        }
    };
}

pub(crate) use code_impl;
