//! The kinds of wire key and their text forms, as catalogue files spell them.
//!
//! The generator (`errcodes-build`) uses these through its dependency on this crate, and
//! reads these spellings from YAML: one definition for both sides.

/// What kind of value identifies a code on the wire.
///
/// Exhaustive on purpose, like [`WireFormat`]: a new kind needs new tables from the
/// generator, so it comes with a major release, and a generator (`errcodes-build`) matching
/// on it fails to compile until it handles the new kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyKind {
    /// One byte, `0x00..=0xFF`.
    Byte,
    /// An HTTP status, `100..=999`.
    HttpStatus,
    /// An unsigned integer of at most 16 bits.
    U16,
    /// An unsigned integer of at most 32 bits.
    U32,
    /// An unsigned integer of at most 64 bits.
    U64,
    /// A signed integer of at most 16 bits.
    I16,
    /// A signed integer of at most 32 bits.
    I32,
    /// A signed integer of at most 64 bits.
    I64,
    /// A string.
    Text,
}

/// How a catalogue's wire values are written as text. Exhaustive on purpose (see
/// [`KeyKind`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WireFormat {
    /// Hexadecimal, with or without `0x` (`ff`, `0xFF`).
    Hex,
    /// Decimal digits (`404`, `4000000`, `-12`).
    Decimal,
    /// The string itself.
    Text,
}

impl KeyKind {
    /// Every key kind.
    pub const ALL: [KeyKind; 9] = [
        KeyKind::Byte,
        KeyKind::HttpStatus,
        KeyKind::U16,
        KeyKind::U32,
        KeyKind::U64,
        KeyKind::I16,
        KeyKind::I32,
        KeyKind::I64,
        KeyKind::Text,
    ];

    /// The inclusive range of the values, for integer keys; `None` for string keys.
    ///
    /// ```
    /// use errcodes::KeyKind;
    /// assert_eq!(KeyKind::HttpStatus.range(), Some((100, 999)));
    /// assert_eq!(KeyKind::Text.range(), None);
    /// ```
    pub const fn range(self) -> Option<(i128, i128)> {
        Some(match self {
            KeyKind::Byte => (0, u8::MAX as i128),
            KeyKind::HttpStatus => (100, 999),
            KeyKind::U16 => (0, u16::MAX as i128),
            KeyKind::U32 => (0, u32::MAX as i128),
            KeyKind::U64 => (0, u64::MAX as i128),
            KeyKind::I16 => (i16::MIN as i128, i16::MAX as i128),
            KeyKind::I32 => (i32::MIN as i128, i32::MAX as i128),
            KeyKind::I64 => (i64::MIN as i128, i64::MAX as i128),
            KeyKind::Text => return None,
        })
    }

    /// The catalogue spelling (`byte`, `http_status`, `u32`, `string`, …).
    pub const fn as_str(self) -> &'static str {
        match self {
            KeyKind::Byte => "byte",
            KeyKind::HttpStatus => "http_status",
            KeyKind::U16 => "u16",
            KeyKind::U32 => "u32",
            KeyKind::U64 => "u64",
            KeyKind::I16 => "i16",
            KeyKind::I32 => "i32",
            KeyKind::I64 => "i64",
            KeyKind::Text => "string",
        }
    }
}

impl WireFormat {
    /// Every wire format.
    pub const ALL: [WireFormat; 3] = [WireFormat::Hex, WireFormat::Decimal, WireFormat::Text];

    /// The catalogue spelling (`hex`, `decimal`, `string`).
    pub const fn as_str(self) -> &'static str {
        match self {
            WireFormat::Hex => "hex",
            WireFormat::Decimal => "decimal",
            WireFormat::Text => "string",
        }
    }

    /// What wire text in this format looks like, for messages.
    pub(crate) const fn expected(self) -> &'static str {
        match self {
            WireFormat::Hex => "a hex byte like `ff` or `0xFF`",
            WireFormat::Decimal => "a decimal code like `404`",
            WireFormat::Text => "a code string",
        }
    }
}
