//! What every generated catalogue module shares, written once.
//!
//! A generated module defines `Code`, its columns and lookups under fixed names, then invokes
//! `__code_v1!` (`errcodes::__private::v1::code!`), which lists them. The macro uses nothing but
//! those items, `$crate` items and `::core` paths, so it expands the same in any module (a
//! catalogue whose id is `acme::core` or `acme::std` included).

/// Accessors, conversions, traits and `parse` for a generated module's `Code`
/// (`errcodes::__private::v1::code!`).
///
/// `code!(Code, int u8 Unsigned, Hex)` for integer keys (the enum's discriminants are the
/// wire values; the signedness names the `Value` variant) or `code!(Code, text, Text)` for
/// string keys. The macro reads these items of the calling module by name: `ID`, `CATALOG`,
/// `TABLE`, the columns `WIRE_TEXTS`, `NAME_TEXTS`, `DESCRIPTION_TEXTS`,
/// `REMEDIATION_TEXTS`, `HTTP_STATUSES` and `ACTIONS`, and the functions `code_index`,
/// `code_value`, `from_value`, `from_wire` and `from_name`. The accessors read the columns
/// directly, so a program that asks only for names links only the names. Within `v1` this list
/// never grows beyond what every `v1` output defines (a later method reads `TABLE`); output
/// written before `CatalogParts::table` also defines `ENTRIES`, which the macro no longer reads.
///
/// Exported (hidden) for generated code in other crates; the optional-feature impls come from
/// `__code_serde!` and `__code_defmt!`, which errcodes defines according to its own features.
#[doc(hidden)]
#[macro_export]
macro_rules! __code_v1 {
    ($code:ident, int $key:ty, $signedness:ident, $wire:ident $(,)?) => {
        $crate::__code_v1!(@common $code, $key);

        /// The code with this wire value; the error names the value when no code has it.
        impl ::core::convert::TryFrom<$key> for $code {
            type Error = $crate::ParseError;
            fn try_from(value: $key) -> ::core::result::Result<$code, $crate::ParseError> {
                match from_value(value) {
                    ::core::option::Option::Some(code) => ::core::result::Result::Ok(code),
                    ::core::option::Option::None => ::core::result::Result::Err(
                        $crate::__private::v1::unknown_value(
                            ID,
                            $crate::WireFormat::$wire,
                            $crate::Value::$signedness(::core::convert::From::from(value)),
                        ),
                    ),
                }
            }
        }

        /// The wire value (the enum's discriminant).
        impl ::core::convert::From<$code> for $key {
            fn from(code: $code) -> $key {
                code_value(code)
            }
        }
    };

    ($code:ident, text, $wire:ident $(,)?) => {
        $crate::__code_v1!(@common $code, &'static ::core::primitive::str);

        /// The code with this wire string, exactly as sent (the same as `from_wire`).
        impl<'a> ::core::convert::TryFrom<&'a ::core::primitive::str> for $code {
            type Error = $crate::ParseError;
            fn try_from(value: &'a ::core::primitive::str) -> ::core::result::Result<$code, $crate::ParseError> {
                from_wire(value)
            }
        }

        /// The wire string.
        impl ::core::convert::From<$code> for &'static ::core::primitive::str {
            fn from(code: $code) -> &'static ::core::primitive::str {
                code_value(code)
            }
        }
    };

    (@common $code:ident, $key:ty) => {
        impl $code {
            /// The catalogue record of this code.
            #[inline]
            pub const fn entry(self) -> $crate::Entry {
                $crate::__private::v1::entry(&TABLE, code_index(self))
            }
            /// The wire value.
            #[inline]
            pub const fn value(self) -> $key {
                code_value(self)
            }
            /// The wire value as the vendor documents it (`0x13`, `404`, `4000000`).
            #[inline]
            pub const fn wire(self) -> &'static ::core::primitive::str {
                WIRE_TEXTS.get(code_index(self))
            }
            /// The spec name, verbatim.
            #[inline]
            pub const fn name(self) -> &'static ::core::primitive::str {
                NAME_TEXTS.get(code_index(self))
            }
            /// What the code means.
            #[inline]
            pub const fn description(self) -> &'static ::core::primitive::str {
                DESCRIPTION_TEXTS.get(code_index(self))
            }
            /// What the vendor recommends, where a source says.
            #[inline]
            pub const fn remediation(self) -> ::core::option::Option<&'static ::core::primitive::str> {
                REMEDIATION_TEXTS.get_some(code_index(self))
            }
            /// The HTTP status that carries this code, where one applies.
            #[inline]
            pub const fn http_status(self) -> ::core::option::Option<::core::primitive::u16> {
                $crate::__private::v1::http_status(&HTTP_STATUSES, code_index(self))
            }
            /// What a client should do next.
            #[inline]
            pub const fn action(self) -> $crate::Action {
                $crate::__private::v1::action(&ACTIONS, code_index(self))
            }
        }

        /// `<catalogue id>::Code(<wire value>)`: short and unambiguous (one value can be a
        /// code of several catalogues), as `http::StatusCode`'s Debug is its number. See
        /// [`CatalogCode`]($crate::CatalogCode#formatting).
        impl ::core::fmt::Debug for $code {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::write!(f, "{}::Code({})", ID, self.wire())
            }
        }

        /// `<wire value> <spec name>`: one line, as `http::StatusCode` displays
        /// `404 Not Found`. The long text is [`description`](Self::description) (and the
        /// entry's Display, `<wire value> <spec name>: <description>`). See
        /// [`CatalogCode`]($crate::CatalogCode#formatting).
        impl ::core::fmt::Display for $code {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::write!(f, "{} {}", self.wire(), self.name())
            }
        }

        /// Every code is an error value, success codes included: see
        /// [`CatalogCode`]($crate::CatalogCode#codes-are-errors).
        impl ::core::error::Error for $code {}

        /// Parses the wire text, or else the spec name or an alias.
        impl ::core::str::FromStr for $code {
            type Err = $crate::ParseError;
            fn from_str(text: &::core::primitive::str) -> ::core::result::Result<$code, $crate::ParseError> {
                parse(text)
            }
        }

        impl $crate::CatalogCode for $code {
            type Key = $key;
            fn catalog() -> &'static $crate::Catalog {
                &CATALOG
            }
            fn entry(self) -> $crate::Entry {
                $code::entry(self)
            }
            fn value(self) -> $key {
                code_value(self)
            }
            fn from_value(value: $key) -> ::core::option::Option<$code> {
                from_value(value)
            }
            fn from_wire(text: &::core::primitive::str) -> ::core::result::Result<$code, $crate::ParseError> {
                from_wire(text)
            }
            fn from_name(name: &::core::primitive::str) -> ::core::option::Option<$code> {
                from_name(name)
            }
        }

        impl ::core::convert::From<$code> for $crate::Entry {
            fn from(code: $code) -> $crate::Entry {
                code.entry()
            }
        }

        $crate::__code_serde!($code);
        $crate::__code_defmt!($code);

        /// Looks up the wire text first, then the spec name or an alias in any ASCII case
        /// when that picks one entry (`from_name` is the exact lookup); the rule of
        /// [`Catalog::find_name_any_case`]($crate::Catalog::find_name_any_case).
        ///
        /// # Errors
        /// Why `text` is neither a known wire value nor a name (see `Catalog::lookup`).
        pub fn parse(text: &::core::primitive::str) -> ::core::result::Result<$code, $crate::ParseError> {
            <$code as $crate::CatalogCode>::parse(text)
        }
    };
}

/// A [`Texts`](crate::__private::v1::Texts) column from one string literal per row
/// (`errcodes::__private::v1::texts!`): the literals end to end, and where each starts and ends,
/// computed at compile time.
#[doc(hidden)]
#[macro_export]
macro_rules! __texts_v1 {
    ($($text:literal),* $(,)?) => {{
        const LENGTHS: &[::core::primitive::usize] = &[$($text.len()),*];
        const BOUNDS: [::core::primitive::u32; LENGTHS.len() + 1] =
            $crate::__private::v1::bounds(LENGTHS);
        $crate::__private::v1::Texts::new(::core::concat!($($text),*), &BOUNDS)
    }};
}

/// Serialize/Deserialize for a generated `Code` (feature `serde`).
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __code_serde {
    ($code:ident) => {
        impl $crate::__private::v1::serde::Serialize for $code {
            fn serialize<S: $crate::__private::v1::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::__private::v1::serialize_code(*self, serializer)
            }
        }

        impl<'de> $crate::__private::v1::serde::Deserialize<'de> for $code {
            fn deserialize<D: $crate::__private::v1::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<$code, D::Error> {
                $crate::__private::v1::deserialize_code(deserializer)
            }
        }
    };
}

/// Without feature `serde`: nothing.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __code_serde {
    ($code:ident) => {};
}

/// `defmt::Format` for a generated `Code` (feature `defmt`).
#[cfg(feature = "defmt")]
#[doc(hidden)]
#[macro_export]
macro_rules! __code_defmt {
    ($code:ident) => {
        /// The spec name (`P_ERROR_MAX_USER`); the string is not interned, so no macro and
        /// no linker section is involved.
        impl $crate::__private::v1::defmt::Format for $code {
            fn format(&self, f: $crate::__private::v1::defmt::Formatter<'_>) {
                $crate::__private::v1::defmt::Format::format(self.name(), f);
            }
        }
    };
}

/// Without feature `defmt`: nothing.
#[cfg(not(feature = "defmt"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __code_defmt {
    ($code:ident) => {};
}
