//! The contract between generated catalogue code and the runtime (`errcodes::__private`).
//!
//! Generated code builds its statics only through the `const fn`s here (no `pub(crate)` field
//! is written from outside the runtime), probes its tables with the hash functions re-exported
//! here, and gets everything else from the exported `code_impl!` macro, which is handed every
//! item of the module it uses. It is what errcodes-build's output calls, hidden from the docs,
//! and additive within a major release: an item here is never removed or changed, so output an
//! earlier errcodes-build wrote keeps compiling (`tests/contract.rs` compiles frozen output of
//! earlier versions against this runtime).

use crate::catalog::Lookups;
use crate::{
    Absent, Action, Catalog, Cause, DeviceName, Entry, KeyKind, ParseError, Source, Value,
    WireFormat,
};

pub use crate::catalog::lookup_with;
pub use crate::hash::{
    Shape, bucket, dense_slot, displaced_slot, hashed_slot, multiplied_slot, sorted_slot,
    sorted_text_slot, text_key,
};
#[cfg(feature = "serde")]
pub use crate::serde_impl::{deserialize_code, serialize_code};
pub use crate::wire::{found_text, parse_key};
#[cfg(feature = "defmt")]
pub use defmt;
#[cfg(feature = "serde")]
pub use serde;

/// The error for a well-formed value no entry has.
pub const fn unknown_value(catalog: &'static str, wire: WireFormat, value: Value) -> ParseError {
    ParseError::unknown_value(catalog, wire, value)
}

/// A value that is not a code, with why.
pub const fn absent(value: Value, wire: &'static str, reason: &'static str) -> Absent {
    Absent {
        value,
        wire,
        reason,
    }
}

/// A document a catalogue cites.
pub const fn source(
    id: &'static str,
    title: &'static str,
    url: &'static str,
    official: bool,
) -> Source {
    Source {
        id,
        title,
        url,
        official,
    }
}

/// A device-specific alias.
pub const fn device_name(name: &'static str, device: &'static str) -> DeviceName {
    DeviceName { name, device }
}

/// One documented cause of a code.
pub const fn cause(
    name: &'static str,
    description: &'static str,
    remediation: Option<&'static str>,
    action: Action,
) -> Cause {
    Cause {
        name,
        description,
        remediation,
        action,
    }
}

/// Every field of an [`Entry`], by name.
#[allow(missing_docs)]
#[derive(Clone, Copy)]
pub struct EntryParts {
    pub catalog: &'static str,
    pub value: Value,
    pub wire: &'static str,
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub description: &'static str,
    pub remediation: Option<&'static str>,
    pub http_status: Option<u16>,
    pub action: Action,
    pub source: &'static Source,
    pub sources: &'static [&'static Source],
    pub device_names: &'static [DeviceName],
    pub causes: &'static [Cause],
    pub deprecated: bool,
    pub uncertain: Option<&'static str>,
}

/// An entry from its parts.
pub const fn entry(p: EntryParts) -> Entry {
    Entry {
        catalog: p.catalog,
        value: p.value,
        wire: p.wire,
        name: p.name,
        aliases: p.aliases,
        description: p.description,
        remediation: p.remediation,
        http_status: p.http_status,
        action: p.action,
        source: p.source,
        sources: p.sources,
        device_names: p.device_names,
        causes: p.causes,
        deprecated: p.deprecated,
        uncertain: p.uncertain,
    }
}

/// Every field of a [`Catalog`], by name.
#[allow(missing_docs)]
#[derive(Clone, Copy)]
pub struct CatalogParts {
    pub id: &'static str,
    pub slug: &'static str,
    pub title: &'static str,
    pub key: KeyKind,
    pub wire: WireFormat,
    pub sources: &'static [Source],
    pub entries: &'static [Entry],
    pub absent: &'static [Absent],
    pub by_wire: fn(&str) -> Result<&'static Entry, ParseError>,
    pub by_name: fn(&str) -> Option<&'static Entry>,
}

/// A catalogue from its parts.
pub const fn catalog(p: CatalogParts) -> Catalog {
    Catalog {
        id: p.id,
        slug: p.slug,
        title: p.title,
        key: p.key,
        wire: p.wire,
        sources: p.sources,
        entries: p.entries,
        absent: p.absent,
        lookups: Lookups::Tables {
            by_wire: p.by_wire,
            by_name: p.by_name,
        },
    }
}

/// Every field of a [`Catalog`] built at run time, by name: [`CatalogParts`] without the
/// lookup functions.
#[allow(missing_docs)]
#[derive(Clone, Copy)]
pub struct ScanParts {
    pub id: &'static str,
    pub slug: &'static str,
    pub title: &'static str,
    pub key: KeyKind,
    pub wire: WireFormat,
    pub sources: &'static [Source],
    /// Every entry, each built with [`entry`] with `catalog: id`; sorted by value, as
    /// [`Catalog::entries`] promises (the lookups do not depend on the order).
    pub entries: &'static [Entry],
    pub absent: &'static [Absent],
}

/// A catalogue built from its entries alone, without generated lookup tables: wire text is
/// parsed by `key` and `wire` exactly as a generated catalogue parses it, then the entries
/// are scanned for the value; names and aliases are scanned too (a lookup is linear in the
/// entries, which is fine for the few hundred codes a tool loads). Every query of a
/// generated catalogue works on it: [`Catalog::lookup`], [`crate::lookup_in`] and the rest.
///
/// This is what `codegen::load_catalogs` (the `errcodes --catalog DIR` command) builds from
/// YAML at run time. It lives here, hidden, rather than as a public `Catalog::from_parts`:
/// the entries themselves can only be made with [`entry`], whose parts list every field of
/// the record, so a public catalogue constructor alone would build nothing, and a public
/// record constructor would make every field added to `Entry` a breaking change. Like the
/// rest of this module it is for generators released together with this crate.
pub const fn scan_catalog(p: ScanParts) -> Catalog {
    Catalog {
        id: p.id,
        slug: p.slug,
        title: p.title,
        key: p.key,
        wire: p.wire,
        sources: p.sources,
        entries: p.entries,
        absent: p.absent,
        lookups: Lookups::Scan,
    }
}
