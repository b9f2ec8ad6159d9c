//! What every generated catalogue module shares, written once.
//!
//! A generated module defines `Code`, `ID`, `CATALOG`, `ENTRIES`, the lookups `from_value`,
//! `from_wire` and `from_name`, and two `const fn`s mapping a code to its entry index and to
//! its wire value; then it invokes [`code_impl!`] naming each of them. The macro uses nothing
//! it is not handed but `$crate` items and `::core` paths, so it expands the same in any module
//! (a catalogue whose id is `acme::core` or `acme::std` included).

/// Accessors, conversions, traits and `parse` for a generated module's `Code`.
///
/// Exported (hidden) for generated code in other crates; the optional-feature impls come from
/// `__code_serde!` and `__code_defmt!`, which errcodes defines according to its own features.
///
/// `key` is `int <type> <Unsigned|Signed>` for integer keys (the enum's discriminants are the
/// wire values) or `text` for string keys.
#[doc(hidden)]
#[macro_export]
macro_rules! code_impl {
    (
        code: $code:ident,
        key: $($key:tt)+
    ) => {
        $crate::code_impl!(@key [$($key)+] $code);
    };

    (@key [int $key:ty, $signedness:ident, $($rest:tt)*] $code:ident) => {
        $crate::code_impl!(@common $code, $key, $($rest)*);
        $crate::code_impl!(@int $code, $key, $signedness, $($rest)*);
    };
    (@key [text, $($rest:tt)*] $code:ident) => {
        $crate::code_impl!(@common $code, &'static ::core::primitive::str, $($rest)*);
        $crate::code_impl!(@text $code, $($rest)*);
    };

    (@common $code:ident, $key:ty,
        id: $id:path,
        wire_format: $wire:ident,
        catalog: $catalog:path,
        entries: $entries:path,
        index: $index:path,
        value: $value:path,
        from_value: $from_value:path,
        from_wire: $from_wire:path,
        from_name: $from_name:path $(,)?
    ) => {
        impl $code {
            /// The catalogue record of this code.
            #[inline]
            pub const fn entry(self) -> &'static $crate::Entry {
                &$entries[$index(self)]
            }
            /// The wire value.
            #[inline]
            pub const fn value(self) -> $key {
                $value(self)
            }
            /// The wire value as the vendor documents it (`0x13`, `404`, `4000000`).
            #[inline]
            pub const fn wire(self) -> &'static ::core::primitive::str {
                self.entry().wire()
            }
            /// The spec name, verbatim.
            #[inline]
            pub const fn name(self) -> &'static ::core::primitive::str {
                self.entry().name()
            }
            /// What the code means.
            #[inline]
            pub const fn description(self) -> &'static ::core::primitive::str {
                self.entry().description()
            }
            /// What the vendor recommends, where a source says.
            #[inline]
            pub const fn remediation(self) -> ::core::option::Option<&'static ::core::primitive::str> {
                self.entry().remediation()
            }
            /// The HTTP status that carries this code, where one applies.
            #[inline]
            pub const fn http_status(self) -> ::core::option::Option<::core::primitive::u16> {
                self.entry().http_status()
            }
            /// What a client should do next.
            #[inline]
            pub const fn action(self) -> $crate::Action {
                self.entry().action()
            }
        }

        /// `<catalogue id>::Code(<wire value>)`: short and unambiguous (one value can be a
        /// code of several catalogues), as `http::StatusCode`'s Debug is its number. See
        /// [`CatalogCode`]($crate::CatalogCode#formatting).
        impl ::core::fmt::Debug for $code {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::write!(f, "{}::Code({})", $id, self.wire())
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
                &$catalog
            }
            fn entry(self) -> &'static $crate::Entry {
                $code::entry(self)
            }
            fn value(self) -> $key {
                $value(self)
            }
            fn from_value(value: $key) -> ::core::option::Option<$code> {
                $from_value(value)
            }
            fn from_wire(text: &::core::primitive::str) -> ::core::result::Result<$code, $crate::ParseError> {
                $from_wire(text)
            }
            fn from_name(name: &::core::primitive::str) -> ::core::option::Option<$code> {
                $from_name(name)
            }
        }

        impl ::core::convert::From<$code> for &'static $crate::Entry {
            fn from(code: $code) -> &'static $crate::Entry {
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

    (@int $code:ident, $key:ty, $signedness:ident,
        id: $id:path,
        wire_format: $wire:ident,
        catalog: $catalog:path,
        entries: $entries:path,
        index: $index:path,
        value: $value:path,
        from_value: $from_value:path,
        from_wire: $from_wire:path,
        from_name: $from_name:path $(,)?
    ) => {
        /// The code with this wire value; the error names the value when no code has it.
        impl ::core::convert::TryFrom<$key> for $code {
            type Error = $crate::ParseError;
            fn try_from(value: $key) -> ::core::result::Result<$code, $crate::ParseError> {
                match $from_value(value) {
                    ::core::option::Option::Some(code) => ::core::result::Result::Ok(code),
                    ::core::option::Option::None => ::core::result::Result::Err(
                        $crate::__private::unknown_value(
                            $id,
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
                $value(code)
            }
        }
    };

    (@text $code:ident,
        id: $id:path,
        wire_format: $wire:ident,
        catalog: $catalog:path,
        entries: $entries:path,
        index: $index:path,
        value: $value:path,
        from_value: $from_value:path,
        from_wire: $from_wire:path,
        from_name: $from_name:path $(,)?
    ) => {
        /// The code with this wire string, exactly as sent (the same as `from_wire`).
        impl<'a> ::core::convert::TryFrom<&'a ::core::primitive::str> for $code {
            type Error = $crate::ParseError;
            fn try_from(value: &'a ::core::primitive::str) -> ::core::result::Result<$code, $crate::ParseError> {
                $from_wire(value)
            }
        }

        /// The wire string.
        impl ::core::convert::From<$code> for &'static ::core::primitive::str {
            fn from(code: $code) -> &'static ::core::primitive::str {
                $value(code)
            }
        }
    };
}

/// Serialize/Deserialize for a generated `Code` (feature `serde`).
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __code_serde {
    ($code:ident) => {
        impl $crate::__private::serde::Serialize for $code {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::__private::serialize_code(*self, serializer)
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $code {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<$code, D::Error> {
                $crate::__private::deserialize_code(deserializer)
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
        impl $crate::__private::defmt::Format for $code {
            fn format(&self, f: $crate::__private::defmt::Formatter<'_>) {
                $crate::__private::defmt::Format::format(self.name(), f);
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
