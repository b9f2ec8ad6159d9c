//! The contract between generated catalogue code and the runtime: `errcodes::__private::v1`.
//!
//! errcodes-build's output reaches the runtime only through `v1`: it builds its statics with
//! the `const fn`s and the `texts!` macro here (always ending its `…Parts` literals with
//! `..…Parts::EMPTY`, so a field added later has a default), probes its tables with the
//! hash functions re-exported here, and gets the `Code` enum's methods and traits from
//! `v1::code!`, which reads the module's items by their fixed names (listed on the macro).
//!
//! The rule: within a major release of errcodes, `v1` is additive. An item here is never
//! removed or changed, so output an earlier errcodes-build wrote keeps compiling against a
//! later errcodes (`tests/contract.rs` compiles frozen output against this runtime). A change
//! that cannot be additive becomes `v2` beside `v1`. Hidden from the docs: it is for
//! generators released with this crate, not for hand-written code.

/// Version 1 of the generated-code contract.
pub mod v1 {
    use crate::catalog::Lookups;
    pub use crate::table::{Extra, Table, Texts, action, http_status, named};
    use crate::{
        Absent, Action, Catalog, Cause, DeviceName, Entry, KeyKind, ParseError, Source, Value,
        WireFormat,
    };

    pub use crate::__code_v1 as code;
    pub use crate::__texts_v1 as texts;
    pub use crate::hash::{
        Shape, dense_slot, multiplied_slot, sorted_slot, sorted_text_slot, text_key,
    };
    #[cfg(feature = "serde")]
    pub use crate::serde_impl::{deserialize_code, serialize_code};
    pub use crate::wire::{found_text, parse_key};
    #[cfg(feature = "defmt")]
    pub use defmt;
    #[cfg(feature = "serde")]
    pub use serde;

    /// The error for a well-formed value no entry has.
    pub const fn unknown_value(
        catalog: &'static str,
        wire: WireFormat,
        value: Value,
    ) -> ParseError {
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

    /// A signed value as stored in [`TableParts::values`] (its two's complement bits).
    #[allow(clippy::cast_sign_loss)]
    pub const fn signed(value: i64) -> u64 {
        value as u64
    }

    /// Where texts of these lengths start and end when written end to end: `0`, then each
    /// one's end (for `texts!`; `N` is one more than the number of texts).
    ///
    /// # Panics
    /// At compile time, when `N` is not one more than the number of lengths or the texts
    /// pass 4 GiB.
    #[allow(clippy::cast_possible_truncation)]
    pub const fn bounds<const N: usize>(lengths: &[usize]) -> [u32; N] {
        assert!(lengths.len() + 1 == N, "one length per text");
        let mut out = [0; N];
        let mut total = 0_usize;
        let mut i = 0;
        while i < lengths.len() {
            total += lengths[i];
            assert!(total <= u32::MAX as usize, "a column's texts pass 4 GiB");
            out[i + 1] = total as u32;
            i += 1;
        }
        out
    }

    /// What rows share, by name ([`Extra`]); `source` is the first of `sources`.
    #[allow(missing_docs)]
    #[derive(Clone, Copy)]
    pub struct ExtraParts {
        pub source: &'static Source,
        pub sources: &'static [&'static Source],
        pub aliases: &'static [&'static str],
        pub device_names: &'static [DeviceName],
        pub causes: &'static [Cause],
    }

    impl ExtraParts {
        /// No source, alias, device name or cause: the base of every literal.
        pub const EMPTY: ExtraParts = ExtraParts {
            source: Extra::NONE.source,
            sources: &[],
            aliases: &[],
            device_names: &[],
            causes: &[],
        };
    }

    /// An [`Extra`] from its parts.
    pub const fn extra(p: ExtraParts) -> Extra {
        Extra {
            source: p.source,
            sources: p.sources,
            aliases: p.aliases,
            device_names: p.device_names,
            causes: p.causes,
        }
    }

    /// Every column of a [`Table`], by name. Columns are indexed by row (entries sorted by
    /// value); a column shorter than the rows reads as empty (`""`, `0`, `false`) past its end.
    #[allow(missing_docs)]
    #[derive(Clone, Copy)]
    pub struct TableParts {
        pub id: &'static str,
        pub key: KeyKind,
        /// Integer values ([`signed`] for signed keys); empty for string keys.
        pub values: &'static [u64],
        pub wires: &'static Texts,
        pub names: &'static Texts,
        pub descriptions: &'static Texts,
        /// `""` where the entry has none.
        pub remediations: &'static Texts,
        /// `""` where the entry is not uncertain.
        pub uncertain: &'static Texts,
        /// `0` where no HTTP status applies.
        pub http_statuses: &'static [u16],
        pub actions: &'static [Action],
        pub deprecated: &'static [bool],
        /// Each row's index into `extras`.
        pub extra_of: &'static [u16],
        pub extras: &'static [Extra],
    }

    impl TableParts {
        /// No rows: the base of every literal.
        pub const EMPTY: TableParts = TableParts {
            id: "",
            key: KeyKind::Text,
            values: &[],
            wires: &Texts::EMPTY,
            names: &Texts::EMPTY,
            descriptions: &Texts::EMPTY,
            remediations: &Texts::EMPTY,
            uncertain: &Texts::EMPTY,
            http_statuses: &[],
            actions: &[],
            deprecated: &[],
            extra_of: &[],
            extras: &[],
        };
    }

    /// A [`Table`] from its columns.
    pub const fn table(p: TableParts) -> Table {
        Table {
            id: p.id,
            key: p.key,
            values: p.values,
            wires: p.wires,
            names: p.names,
            descriptions: p.descriptions,
            remediations: p.remediations,
            uncertain: p.uncertain,
            http_statuses: p.http_statuses,
            actions: p.actions,
            deprecated: p.deprecated,
            extra_of: p.extra_of,
            extras: p.extras,
        }
    }

    /// Row `row` of `table` as an [`Entry`].
    pub const fn entry(table: &'static Table, row: usize) -> Entry {
        Entry::at(table, row)
    }

    /// Rows `0..N` of `table`, for [`CatalogParts::entries`] (output written before
    /// [`CatalogParts::table`]; lookups no longer point into it).
    pub const fn entries<const N: usize>(table: &'static Table) -> [Entry; N] {
        let mut out = [entry(table, 0); N];
        let mut row = 0;
        while row < N {
            out[row] = entry(table, row);
            row += 1;
        }
        out
    }

    /// A generated lookup by wire text.
    pub type ByWire = fn(&str) -> Result<Entry, ParseError>;
    /// A generated lookup by name or alias.
    pub type ByName = fn(&str) -> Option<Entry>;

    /// Every field of a [`Catalog`], by name. Without both lookups the catalogue finds codes
    /// by scanning its entries, as one loaded at run time does.
    #[allow(missing_docs)]
    #[derive(Clone, Copy)]
    pub struct CatalogParts {
        pub id: &'static str,
        pub slug: &'static str,
        pub title: &'static str,
        pub key: KeyKind,
        pub wire: WireFormat,
        pub sources: &'static [Source],
        /// The rows, sorted by value, as [`Catalog::entries`] promises.
        pub table: &'static Table,
        /// What output written before `table` gives instead (its `ENTRIES`, rows `0..N` of
        /// its table): when not empty, the table is its first entry's.
        pub entries: &'static [Entry],
        pub absent: &'static [Absent],
        pub by_wire: Option<ByWire>,
        pub by_name: Option<ByName>,
    }

    impl CatalogParts {
        /// No entries, no lookups: the base of every literal.
        pub const EMPTY: CatalogParts = CatalogParts {
            id: "",
            slug: "",
            title: "",
            key: KeyKind::Text,
            wire: WireFormat::Text,
            sources: &[],
            table: &Table::EMPTY,
            entries: &[],
            absent: &[],
            by_wire: None,
            by_name: None,
        };
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
            table: match p.entries.first() {
                Some(first) => first.table,
                None => p.table,
            },
            absent: p.absent,
            lookups: match (p.by_wire, p.by_name) {
                (Some(by_wire), Some(by_name)) => Lookups::Tables { by_wire, by_name },
                _ => Lookups::Scan,
            },
        }
    }
}
