//! The vocabulary the generator shares with the `errcodes` runtime: next-step classes, key
//! kinds, wire formats and the hash functions generated tables are probed with.
//!
//! The generator keeps its own copy instead of depending on the runtime, so that it still
//! builds, and repairs them, when the generated files it writes do not compile (a merge that
//! left conflict markers in them). The copy is held to the runtime's definition by the tests
//! below: the same variants in the same order with the same spellings, advice and ranges, and
//! `hash.rs` byte for byte the runtime's `src/hash.rs`.

// Some of the runtime's hash items serve only the runtime or the generator's tests.
#[allow(dead_code)]
pub(crate) mod hash;

/// The runtime's `errcodes::Action`, by its variant names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Action {
    Nothing,
    Retry,
    RefreshCredentials,
    FixRequest,
    CheckDevice,
    ContactVendor,
}

impl Action {
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

    /// Parses the catalogue spelling.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == name)
    }

    /// The runtime's one-line instruction for people, as the docs print it.
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
}

/// The runtime's `errcodes::KeyKind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum KeyKind {
    Byte,
    HttpStatus,
    U16,
    U32,
    U64,
    I16,
    I32,
    I64,
    Text,
}

impl KeyKind {
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

    /// The inclusive range of the values, for integer keys.
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

/// The runtime's `errcodes::WireFormat`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum WireFormat {
    Hex,
    Decimal,
    Text,
}

impl WireFormat {
    pub const ALL: [WireFormat; 3] = [WireFormat::Hex, WireFormat::Decimal, WireFormat::Text];

    /// The catalogue spelling (`hex`, `decimal`, `string`).
    pub const fn as_str(self) -> &'static str {
        match self {
            WireFormat::Hex => "hex",
            WireFormat::Decimal => "decimal",
            WireFormat::Text => "string",
        }
    }
}

/// The value `text` stands for as wire text of `format` within `lo..=hi`, as the runtime's
/// lookups read it first (before trying names): hex with an optional `0x`/`0X` and digits of
/// either case, decimal with a `-` only when `lo` is negative; nothing else.
pub(crate) fn read_wire(text: &str, format: WireFormat, lo: i128, hi: i128) -> Option<i128> {
    let (negative, magnitude) = match text.strip_prefix('-') {
        Some(rest) if lo < 0 && format == WireFormat::Decimal => (true, rest),
        _ => (false, text),
    };
    let (radix, digits) = match format {
        WireFormat::Hex => (
            16,
            magnitude
                .strip_prefix("0x")
                .or_else(|| magnitude.strip_prefix("0X"))
                .unwrap_or(magnitude),
        ),
        WireFormat::Decimal | WireFormat::Text => (10, magnitude),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let magnitude = i128::try_from(u128::from_str_radix(digits, radix).ok()?).ok()?;
    let value = if negative { -magnitude } else { magnitude };
    (lo..=hi).contains(&value).then_some(value)
}

#[cfg(test)]
mod agrees_with_the_runtime {
    use super::*;

    /// The same variants (by name, which generated code spells), in the same order, with
    /// the same values of `pick`.
    fn same<A: std::fmt::Debug, B: std::fmt::Debug, V: PartialEq + std::fmt::Debug>(
        ours: &[A],
        theirs: &[B],
        pick: impl Fn(&A) -> V,
        their_pick: impl Fn(&B) -> V,
    ) {
        let ours: Vec<(String, V)> = ours.iter().map(|a| (format!("{a:?}"), pick(a))).collect();
        let theirs: Vec<(String, V)> = theirs
            .iter()
            .map(|b| (format!("{b:?}"), their_pick(b)))
            .collect();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn actions() {
        same(
            &Action::ALL,
            &errcodes::Action::ALL,
            |a| (a.as_str(), a.advice()),
            |b| (b.as_str(), b.advice()),
        );
    }

    #[test]
    fn key_kinds_and_wire_formats() {
        same(
            &KeyKind::ALL,
            &errcodes::KeyKind::ALL,
            |a| (a.as_str(), a.range()),
            |b| (b.as_str(), b.range()),
        );
        same(
            &WireFormat::ALL,
            &errcodes::WireFormat::ALL,
            |a| a.as_str(),
            |b| b.as_str(),
        );
    }

    #[test]
    fn wire_text_reads_as_the_runtime_reads_it() {
        let texts = [
            "",
            "0",
            "13",
            "0x13",
            "0X13",
            "ff",
            "FF",
            "0xff",
            "E1",
            "e1",
            "0x",
            "-",
            "-1",
            "-12",
            "+1",
            " 1",
            "1 ",
            "100",
            "0x100",
            "404",
            "999",
            "1000",
            "-0",
            "00ff",
            "g1",
            "1e3",
            "٣",
            "１",
            "ffffffffffffffffffffffffffffffffffffffff",
            "-170141183460469231731687303715884105728",
        ];
        for format in WireFormat::ALL {
            let theirs = errcodes::WireFormat::ALL
                [WireFormat::ALL.iter().position(|f| *f == format).unwrap()];
            for (lo, hi) in [(0, 255), (100, 999), (-32768, 32767), (0, u64::MAX as i128)] {
                for text in texts {
                    let runtime =
                        errcodes::__private::v1::parse_key(text, theirs, lo, hi, "t", Some).ok();
                    assert_eq!(
                        read_wire(text, format, lo, hi),
                        runtime,
                        "{text:?} as {format:?} in {lo}..={hi}"
                    );
                }
            }
        }
    }

    #[test]
    fn hash_functions_are_the_runtime_file_byte_for_byte() {
        let runtime = include_str!("../../../../errcodes/src/hash.rs");
        assert!(
            include_str!("hash.rs") == runtime,
            "codegen/errcodes-build/src/vocab/hash.rs differs from errcodes/src/hash.rs: copy \
             the runtime's file over it"
        );
    }
}
