//! How a catalogue's entries are stored: one column per field, texts in one string each.
//!
//! An [`Entry`](crate::Entry) is a catalogue's [`Table`] and a row number. Each text field
//! (wire text, name, description, remediation, uncertainty note) is a [`Texts`]: every row's
//! text in one string plus where each row's text ends, so a row costs a `u32` per field
//! instead of a pointer and a length (and, in position-independent programs, a relocation).
//! A generated `Code`'s accessors read the columns directly, so a program that only asks
//! for names links only the names (see BENCHMARKS.md, "Flash footprint").

use crate::hash::at;
use crate::{Action, Cause, DeviceName, KeyKind, Source, Value};

/// One text per row: the texts end to end in `text`, row `i` from `bounds[i]` to
/// `bounds[i + 1]` (so `bounds` starts with 0 and has one more item than there are rows).
#[derive(Clone, Copy)]
pub struct Texts {
    text: &'static str,
    bounds: &'static [u32],
}

impl Texts {
    /// No rows.
    pub const EMPTY: Texts = Texts {
        text: "",
        bounds: &[],
    };

    /// Texts from their concatenation and where each starts and ends (`[0, end of row 0,
    /// end of row 1, …]`). Bounds that are out of order, past the text or inside a character
    /// give `""` for the rows they touch, never a panic.
    pub const fn new(text: &'static str, bounds: &'static [u32]) -> Texts {
        Texts { text, bounds }
    }

    /// Row `row`'s text (`""` when there is no such row).
    #[inline]
    pub const fn get(&self, row: usize) -> &'static str {
        let bounds = self.bounds;
        // `row < len` first: a slice's length is at most `isize::MAX`, so `row + 1` cannot
        // overflow after it.
        if row >= bounds.len() || row + 1 >= bounds.len() {
            return "";
        }
        let (start, end) = (bounds[row] as usize, bounds[row + 1] as usize);
        match self.text.split_at_checked(end) {
            Some((head, _)) => match head.split_at_checked(start) {
                Some((_, text)) => text,
                None => "",
            },
            None => "",
        }
    }

    /// Row `row`'s bytes (empty when there is no such row): for comparing, with one range
    /// check and none of [`Texts::get`]'s character-boundary checks.
    #[inline]
    pub fn bytes(&self, row: usize) -> &'static [u8] {
        if let Some(&[start, end]) = self.bounds.get(row..row.saturating_add(2))
            && let Some(text) = self.text.as_bytes().get(start as usize..end as usize)
        {
            return text;
        }
        no_bytes()
    }

    /// Row `row`'s text, `None` when it is empty (optional fields store absence as `""`).
    #[inline]
    pub const fn get_some(&self, row: usize) -> Option<&'static str> {
        let text = self.get(row);
        if text.is_empty() { None } else { Some(text) }
    }
}

/// `from_name`'s answer for the name slot `row`: rows below `names`' length are entries (their
/// names and codes), the rest are `aliases`; the code when its text is `name`. The column is
/// chosen before one [`Texts::bytes`], so aliases add no second copy of its checks.
#[inline]
pub fn named<C: Copy>(
    name: &str,
    row: usize,
    names: (&Texts, &[C]),
    aliases: (&Texts, &[C]),
) -> Option<C> {
    let entries = names.1.len();
    let ((texts, codes), row) = if row < entries {
        (names, row)
    } else {
        (aliases, row - entries)
    };
    match codes.get(row) {
        Some(code) if texts.bytes(row) == name.as_bytes() => Some(*code),
        _ => None,
    }
}

/// Out of line and cold, so that [`Texts::bytes`]'s checks compile to predicted branches
/// rather than conditional moves the compare would wait for (measured: BENCHMARKS.md).
#[cold]
#[inline(never)]
fn no_bytes() -> &'static [u8] {
    &[]
}

/// What rows share rather than each holding: the cited documents, aliases, device names and
/// causes. Most rows of a catalogue cite the same documents, so each distinct combination is
/// stored once and rows refer to it by number.
#[derive(Clone, Copy)]
pub struct Extra {
    pub(crate) source: &'static Source,
    pub(crate) sources: &'static [&'static Source],
    pub(crate) aliases: &'static [&'static str],
    pub(crate) device_names: &'static [DeviceName],
    pub(crate) causes: &'static [Cause],
}

impl Extra {
    /// Cites nothing, has no alias, device name or cause.
    /// Its `source` is a placeholder with empty texts (errcodes-build never makes one:
    /// validation requires a source for every entry).
    pub const NONE: Extra = Extra {
        source: &Source {
            id: "",
            title: "",
            url: "",
            official: false,
        },
        sources: &[],
        aliases: &[],
        device_names: &[],
        causes: &[],
    };
}

/// Every row of one catalogue, column by column.
pub struct Table {
    pub(crate) id: &'static str,
    pub(crate) key: KeyKind,
    /// Integer values (two's complement for signed keys); empty for string keys, whose value
    /// is the wire text.
    pub(crate) values: &'static [u64],
    pub(crate) wires: &'static Texts,
    pub(crate) names: &'static Texts,
    pub(crate) descriptions: &'static Texts,
    pub(crate) remediations: &'static Texts,
    pub(crate) uncertain: &'static Texts,
    /// `0` where no HTTP status applies.
    pub(crate) http_statuses: &'static [u16],
    pub(crate) actions: &'static [Action],
    pub(crate) deprecated: &'static [bool],
    /// Which [`Extra`] each row uses (rows past the end use the first).
    pub(crate) extra_of: &'static [u16],
    pub(crate) extras: &'static [Extra],
}

impl Table {
    /// No rows (the table of a catalogue given no entries).
    pub const EMPTY: Table = crate::__private::v1::table(crate::__private::v1::TableParts::EMPTY);

    /// How many rows: one per name (every entry has one).
    pub(crate) const fn rows(&self) -> usize {
        self.names.bounds.len().saturating_sub(1)
    }

    pub(crate) const fn value(&self, row: usize) -> Value {
        let bits = at(self.values, row, 0);
        match self.key {
            KeyKind::Text => Value::Text(self.wires.get(row)),
            #[allow(clippy::cast_possible_wrap)] // the bits of an i64, stored as u64
            KeyKind::I16 | KeyKind::I32 | KeyKind::I64 => Value::Signed(bits as i64),
            KeyKind::Byte | KeyKind::HttpStatus | KeyKind::U16 | KeyKind::U32 | KeyKind::U64 => {
                Value::Unsigned(bits)
            }
        }
    }

    pub(crate) const fn extra(&self, row: usize) -> &'static Extra {
        let i = at(self.extra_of, row, 0) as usize;
        if i < self.extras.len() {
            &self.extras[i]
        } else {
            &Extra::NONE
        }
    }
}

/// `column[row]` as an HTTP status (`0` and rows past the end: none).
#[inline]
pub const fn http_status(column: &[u16], row: usize) -> Option<u16> {
    match at(column, row, 0) {
        0 => None,
        status => Some(status),
    }
}

/// `column[row]` (rows past the end: [`Action::FixRequest`]).
#[inline]
pub const fn action(column: &[Action], row: usize) -> Action {
    at(column, row, Action::FixRequest)
}

#[cfg(test)]
mod tests {
    use super::Texts;
    use crate::__private::v1;

    #[test]
    fn texts_give_each_row_and_nothing_past_the_end() {
        static T: Texts = v1::texts!("a", "", "ÿes", "end");
        let rows: [&str; 4] = [T.get(0), T.get(1), T.get(2), T.get(3)];
        assert_eq!(rows, ["a", "", "ÿes", "end"]);
        assert_eq!((T.get_some(0), T.get_some(1)), (Some("a"), None));
        assert_eq!((T.get(4), T.get(usize::MAX)), ("", ""));
        assert_eq!(Texts::EMPTY.get(0), "");
    }

    /// Bounds written by hand (or loaded) that are out of order, past the text or inside a
    /// character read as `""`: never a panic, never a piece of a character.
    #[test]
    fn bad_bounds_read_as_empty() {
        static BOUNDS: [u32; 6] = [0, 2, 1, 3, 99, u32::MAX];
        static T: Texts = Texts::new("ÿab", &BOUNDS);
        static HALF: [u32; 2] = [0, 1];
        assert_eq!(T.get(0), "ÿ");
        assert_eq!(T.get(1), ""); // 2..1: out of order
        assert_eq!(T.get(2), ""); // 1..3: starts inside `ÿ`
        assert_eq!(T.get(3), ""); // 3..99: past the end
        assert_eq!(T.get(4), ""); // 99..MAX
        assert_eq!(Texts::new("ÿ", &HALF).get(0), ""); // ends inside `ÿ`
        // `bytes` compares, so a piece of a character is fine; the rest reads as empty.
        let bytes: [&[u8]; 7] = core::array::from_fn(|row| T.bytes(row));
        let want: [&[u8]; 7] = [&[0xC3, 0xBF], b"", &[0xBF, b'a'], b"", b"", b"", b""];
        assert_eq!(bytes, want);
        assert_eq!(
            (T.bytes(usize::MAX), T.bytes(usize::MAX - 1)),
            (&b""[..], &b""[..])
        );
        assert_eq!(Texts::new("ÿ", &HALF).bytes(0), &[0xC3]);
    }

    #[test]
    fn bounds_start_at_zero_and_add_up() {
        assert_eq!(v1::bounds::<4>(&[3, 0, 5]), [0, 3, 3, 8]);
        assert_eq!(v1::bounds::<1>(&[]), [0]);
    }
}
