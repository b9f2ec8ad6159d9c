//! A validated catalogue in the runtime's layout, column by column (`errcodes`'s `Table`):
//! the one mapping that both the emitted code (`emit.rs`) and run-time loading
//! (`dynamic.rs`) write out.

use std::collections::HashMap;

use crate::model::{Action, Catalog, Cause, Value};
use crate::validate::MAX_ENTRIES;

// Rows refer to what they share by a `u16`; there are never more distinct shares than rows.
const _: () = assert!(MAX_ENTRIES <= u16::MAX as usize);

/// What rows share (the runtime's `Extra`): sources by index into the catalogue's.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct Extra<'a> {
    pub sources: Vec<usize>,
    pub aliases: &'a [String],
    pub device_names: &'a [(String, String)],
    pub causes: &'a [Cause],
}

impl Extra<'_> {
    /// The first source cited (validation requires one).
    pub fn source(&self) -> usize {
        self.sources.first().copied().unwrap_or(0)
    }
}

/// Every column; index `i` of each is entry `i` (entries sorted by value).
pub(crate) struct Rows<'a> {
    /// Integer values as the runtime stores them (signed ones as their two's complement
    /// bits); empty for string keys.
    pub values: Vec<&'a Value>,
    pub wires: Vec<&'a str>,
    pub names: Vec<&'a str>,
    pub descriptions: Vec<&'a str>,
    /// `""` for none (validation refuses an empty remediation).
    pub remediations: Vec<&'a str>,
    /// `""` for none (validation refuses an empty note).
    pub uncertain: Vec<&'a str>,
    /// `0` for none (validation allows only 100..=999).
    pub http_statuses: Vec<u16>,
    pub actions: Vec<Action>,
    pub deprecated: Vec<bool>,
    pub extra_of: Vec<u16>,
    pub extras: Vec<Extra<'a>>,
}

impl<'a> Rows<'a> {
    pub fn of(c: &'a Catalog) -> Rows<'a> {
        let e = &c.entries;
        // Hashed, not searched: a catalogue whose every entry has aliases of its own has as
        // many shares as entries (up to MAX_ENTRIES), and a linear search would be quadratic.
        let mut extras: Vec<Extra<'a>> = Vec::new();
        let mut index: HashMap<Extra<'a>, usize> = HashMap::new();
        let extra_of = e
            .iter()
            .map(|e| {
                let extra = Extra {
                    sources: e.all_sources().collect(),
                    aliases: &e.aliases,
                    device_names: &e.device_names,
                    causes: &e.causes,
                };
                let i = *index.entry(extra.clone()).or_insert_with(|| {
                    extras.push(extra);
                    extras.len() - 1
                });
                // At most one share per entry, and MAX_ENTRIES fits (asserted above).
                u16::try_from(i).unwrap_or(u16::MAX)
            })
            .collect();
        Rows {
            values: e
                .iter()
                .map(|e| &e.value)
                .filter(|v| matches!(v, Value::Int(_)))
                .collect(),
            wires: e.iter().map(|e| e.wire.as_str()).collect(),
            names: e.iter().map(|e| e.name.as_str()).collect(),
            descriptions: e.iter().map(|e| e.description.as_str()).collect(),
            remediations: e
                .iter()
                .map(|e| e.remediation.as_deref().unwrap_or(""))
                .collect(),
            uncertain: e
                .iter()
                .map(|e| e.uncertain.as_deref().unwrap_or(""))
                .collect(),
            http_statuses: e.iter().map(|e| e.http.unwrap_or(0)).collect(),
            actions: e.iter().map(|e| e.action).collect(),
            deprecated: e.iter().map(|e| e.deprecated).collect(),
            extra_of,
            extras,
        }
    }
}

/// A value's bits as the runtime stores them: two's complement for signed keys (validation
/// keeps every value within its key kind, so within `i64` or `u64`).
#[cfg(feature = "runtime")]
pub(crate) fn value_bits(value: &Value) -> u64 {
    match value {
        Value::Int(v) => u64::try_from(*v)
            .or_else(|_| i64::try_from(*v).map(i64::cast_unsigned))
            .unwrap_or(0),
        Value::Text(_) => 0,
    }
}
