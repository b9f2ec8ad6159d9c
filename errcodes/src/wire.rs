//! Reading wire text (`ff`, `0xFF`, `404`, `-12`) into numbers, shared by every generated module.

use crate::{ParseError, ParseErrorKind, Value, WireFormat};

/// Parses integer wire text and looks the value up with `find`, naming the value if unknown.
///
/// # Errors
/// As `parse_int`, or [`ParseErrorKind::Unknown`] (with the value) when `find` has none.
pub fn parse_key<T>(
    text: &str,
    format: WireFormat,
    lo: i128,
    hi: i128,
    catalog: &'static str,
    find: impl FnOnce(i128) -> Option<T>,
) -> Result<T, ParseError> {
    let value = parse_int(text, format, lo, hi, catalog)?;
    find(value).ok_or_else(|| {
        // `parse_int` kept the value within the key kind's range, so it fits one of these;
        // were it not, the error would still say "unknown", just without the value.
        let named = match (i64::try_from(value), u64::try_from(value)) {
            (Ok(v), _) if lo < 0 => Some(Value::Signed(v)),
            (_, Ok(v)) => Some(Value::Unsigned(v)),
            (Ok(v), Err(_)) => Some(Value::Signed(v)),
            (Err(_), Err(_)) => None,
        };
        named
            .map_or(
                ParseError::new(ParseErrorKind::Unknown, catalog, format),
                |v| ParseError::unknown_value(catalog, format, v),
            )
            .with_input(text)
    })
}

/// The result of a string-keyed lookup, as a wire-text parse result.
///
/// # Errors
/// [`ParseErrorKind::Empty`] for empty text, else [`ParseErrorKind::Unknown`] when not found.
pub fn found_text<T>(text: &str, found: Option<T>, catalog: &'static str) -> Result<T, ParseError> {
    let kind = if text.is_empty() {
        ParseErrorKind::Empty
    } else {
        ParseErrorKind::Unknown
    };
    found.ok_or_else(|| ParseError::new(kind, catalog, WireFormat::Text).with_input(text))
}

/// Parses `text` in `format` and checks it lies in `lo..=hi`.
///
/// Hex accepts an optional `0x`/`0X` prefix and digits of either case; decimal accepts an
/// optional `-` when `lo` is negative. Nothing else (no `+`, no spaces) is a wire value.
pub(crate) fn parse_int(
    text: &str,
    format: WireFormat,
    lo: i128,
    hi: i128,
    catalog: &'static str,
) -> Result<i128, ParseError> {
    let fail = |kind| ParseError::new(kind, catalog, format).with_input(text);
    if text.is_empty() {
        return Err(fail(ParseErrorKind::Empty));
    }
    let (negative, magnitude) = match text.strip_prefix('-') {
        Some(rest) if lo < 0 && format == WireFormat::Decimal => (true, rest),
        _ => (false, text),
    };
    let (radix, digits) = match format {
        WireFormat::Hex => {
            let digits = magnitude
                .strip_prefix("0x")
                .or_else(|| magnitude.strip_prefix("0X"))
                .unwrap_or(magnitude);
            (16, digits)
        }
        WireFormat::Decimal | WireFormat::Text => (10, magnitude),
    };
    if digits.is_empty() || !digits.bytes().all(|b| (b as char).is_digit(radix)) {
        return Err(fail(ParseErrorKind::InvalidSyntax));
    }
    let magnitude = u128::from_str_radix(digits, radix)
        .ok()
        .and_then(|m| i128::try_from(m).ok())
        .ok_or(fail(ParseErrorKind::OutOfRange))?;
    let value = if negative { -magnitude } else { magnitude };
    if value < lo || value > hi {
        return Err(fail(ParseErrorKind::OutOfRange));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(t: &str) -> Result<i128, ParseErrorKind> {
        parse_int(t, WireFormat::Hex, 0, 255, "t").map_err(|e| e.kind())
    }
    fn dec(t: &str) -> Result<i128, ParseErrorKind> {
        parse_int(t, WireFormat::Decimal, -5, 999, "t").map_err(|e| e.kind())
    }

    #[test]
    fn hex_forms() {
        assert_eq!(hex("ff"), Ok(255));
        assert_eq!(hex("0xFF"), Ok(255));
        assert_eq!(hex("0X0a"), Ok(10));
        assert_eq!(hex("100"), Err(ParseErrorKind::OutOfRange));
        assert_eq!(hex("0x"), Err(ParseErrorKind::InvalidSyntax));
        assert_eq!(hex("+1"), Err(ParseErrorKind::InvalidSyntax));
        assert_eq!(hex("-1"), Err(ParseErrorKind::InvalidSyntax));
        assert_eq!(hex(" f"), Err(ParseErrorKind::InvalidSyntax));
        assert_eq!(hex(""), Err(ParseErrorKind::Empty));
        assert_eq!(hex(&"f".repeat(40)), Err(ParseErrorKind::OutOfRange));
    }

    #[test]
    fn decimal_forms() {
        assert_eq!(dec("404"), Ok(404));
        assert_eq!(dec("-5"), Ok(-5));
        assert_eq!(dec("-6"), Err(ParseErrorKind::OutOfRange));
        assert_eq!(dec("1000"), Err(ParseErrorKind::OutOfRange));
        assert_eq!(dec("0x10"), Err(ParseErrorKind::InvalidSyntax));
        assert_eq!(dec("--1"), Err(ParseErrorKind::InvalidSyntax));
        assert_eq!(dec("٣"), Err(ParseErrorKind::InvalidSyntax));
        assert_eq!(dec(&"9".repeat(60)), Err(ParseErrorKind::OutOfRange));
    }
}
