//! The lookup tables of a generated catalogue module: by value (dense or perfect hash), by
//! wire text and by name, with the functions that probe them.

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, format_ident, quote};

use crate::layout::{self, Layout, TextKey};
use crate::model::{Catalog, KeyKind, KeyKindExt, Value, WireFormat, WireFormatExt};
use crate::tokens::{index_type, lit, value_literal, variant};

/// The lookups (`from_value`, `from_wire` and the vendor's spellings of them), the code →
/// entry index and code → value functions, and their tables.
pub(crate) fn lookups(c: &Catalog) -> TokenStream {
    let key_ty: TokenStream = c.key.rust_type().parse().expect("key types parse");
    // Validation rejects a catalogue without entries; were one to get here, its module would
    // not compile, rather than the generator panic.
    let Some(first_entry) = c.entries.first() else {
        return quote!(::core::compile_error!("a catalogue needs at least one entry"););
    };
    let first = format_ident!("{}", first_entry.ident);
    // Slots hold entry indices (the layouts are built from `c.entries`).
    let code_at = |i: usize| {
        let ident = format_ident!("{}", c.entries.get(i).unwrap_or(first_entry).ident);
        quote!(Code::#ident)
    };
    if c.key == KeyKind::Text {
        let (probed, layout) = layout::text_layout(c.entries.iter().map(|e| e.wire.as_str()));
        let (slot, table) = probe(
            "BY_VALUE",
            &layout,
            text_probe(probed, quote!(code)),
            quote!(Code),
            code_at,
            quote!(Code::#first),
        );
        let n = lit(c.entries.len());
        let values = c.entries.iter().map(|e| value_literal(&e.value));
        return quote! {
            /// Looks a code up by its wire string, exactly as sent: one short hash, one compare.
            #[must_use]
            pub fn from_value(code: &str) -> Option<Code> {
                let found = #slot;
                if VALUES[found as usize].as_bytes() == code.as_bytes() { Some(found) } else { None }
            }

            /// Looks a code up by its wire string, exactly as sent (what `from_value` does, with
            /// a reason when there is no such code).
            ///
            /// # Errors
            /// Empty text, or a string this catalogue lacks (`ParseErrorKind::Unknown`).
            pub fn from_wire(text: &str) -> Result<Code, ParseError> {
                crate::__private::v1::found_text(text, from_value(text), ID)
            }

            const fn code_index(code: Code) -> usize {
                code as usize
            }

            const fn code_value(code: Code) -> &'static str {
                VALUES[code as usize]
            }

            static VALUES: [&'static str; #n] = [#(#values),*];

            #table
        };
    }
    let keys: Vec<u64> = c.entries.iter().map(|e| key_bits(&e.value)).collect();
    let layout = if c.key == KeyKind::Byte {
        layout::full_byte(&keys)
    } else {
        layout::build(&keys)
    };
    let key = quote!(value as u64);
    let (body, table, doc) = if c.key == KeyKind::Byte {
        // Every byte has its own slot: no compare.
        let some_code = |i| {
            let code = code_at(i);
            quote!(Some(#code))
        };
        let (slot, table) = probe(
            "BY_VALUE",
            &layout,
            key,
            quote!(Option<Code>),
            some_code,
            quote!(None),
        );
        (
            slot,
            table,
            " Looks a code up by its byte: one load from a 256-entry table.",
        )
    } else {
        let doc = match layout {
            Layout::Dense { .. } => {
                " Looks a code up by its value: one load from a dense table, one compare."
            }
            Layout::Hash { .. } => {
                " Looks a code up by its value: a branch-free perfect hash, one compare."
            }
            Layout::Sorted { .. } | Layout::SortedText { .. } => {
                " Looks a code up by its value: a binary search, one compare."
            }
        };
        let (slot, table) = probe(
            "BY_VALUE",
            &layout,
            key,
            quote!(Code),
            code_at,
            quote!(Code::#first),
        );
        // The slot's code is its own value (the discriminant): nothing more to load.
        let body = quote! {
            let found = #slot;
            if found as #key_ty == value { Some(found) } else { None }
        };
        (body, table, doc)
    };
    // Code -> entry index: the same layout, probed with the code's own value (always present).
    let index_ty = index_type(c.entries.len());
    let (index_slot, index_table) = probe_sharing(
        "INDEX",
        Some("BY_VALUE"),
        &layout,
        quote!(code as #key_ty as u64),
        quote!(#index_ty),
        |i| lit(i).into_token_stream(),
        quote!(0),
    );
    // Only text keys have no range, and they returned above.
    let (lo, hi) = c.key.range().unwrap_or((i128::MIN, i128::MAX));
    let (lo, hi) = (Literal::i128_unsuffixed(lo), Literal::i128_unsuffixed(hi));
    let wire = variant(c.wire);
    let parse_doc = match c.wire {
        WireFormat::Hex => {
            " Parses hex wire text (`ff`, `0xFF`, either case) and looks the code up."
        }
        WireFormat::Decimal | WireFormat::Text => {
            " Parses decimal wire text (`404`, `4000000`) and looks the code up."
        }
    };
    // The vendor's own words for the same two lookups (`nuki::from_byte`, `http::from_status`,
    // `from_hex`, `from_decimal`).
    let by_value_alias = match c.key {
        KeyKind::Byte => Some((format_ident!("from_byte"), format_ident!("byte"))),
        KeyKind::HttpStatus => Some((format_ident!("from_status"), format_ident!("status"))),
        KeyKind::U16
        | KeyKind::U32
        | KeyKind::U64
        | KeyKind::I16
        | KeyKind::I32
        | KeyKind::I64
        | KeyKind::Text => None,
    }
    .map(|(name, arg)| {
        quote! {
            /// The same as [`from_value`], in the vendor's words.
            #[inline]
            #[must_use]
            pub const fn #name(#arg: #key_ty) -> Option<Code> {
                from_value(#arg)
            }
        }
    });
    let wire_alias = format_ident!("{}", c.wire.parse_fn());
    let n = lit(c.entries.len());
    quote! {
        #[doc = #doc]
        #[inline]
        #[must_use]
        pub const fn from_value(value: #key_ty) -> Option<Code> {
            #body
        }

        #by_value_alias

        #[doc = #parse_doc]
        ///
        /// # Errors
        /// Empty text, text not in the wire form, a number out of range for the key, or a
        /// well-formed code this catalogue lacks (`ParseErrorKind::Unknown`, with the value).
        pub fn from_wire(text: &str) -> Result<Code, ParseError> {
            crate::__private::v1::parse_key(text, WireFormat::#wire, #lo, #hi, ID, |value| from_value(value as #key_ty))
        }

        /// The same as [`from_wire`], in the vendor's words.
        ///
        /// # Errors
        /// As [`from_wire`].
        #[inline]
        pub fn #wire_alias(text: &str) -> Result<Code, ParseError> {
            from_wire(text)
        }

        /// The code's row in the columns. Every code has its slot; the clamp (a `cmov`) only
        /// tells the compiler the row is in range, so reading a column has no bounds check.
        #[inline]
        const fn code_index(code: Code) -> usize {
            let row = #index_slot as usize;
            if row < #n { row } else { 0 }
        }

        #[inline]
        const fn code_value(code: Code) -> #key_ty {
            code as #key_ty
        }

        #table

        #index_table
    }
}

/// A perfect-hash table named `name`: the expression that reads the slot of `key`, and the
/// statics it reads. Slot `i` holds `value(entry)`, empty slots `empty`, so the probe has no
/// branch; the caller compares the candidate with the key.
fn probe(
    name: &str,
    layout: &Layout,
    key: TokenStream,
    slot_ty: TokenStream,
    value: impl Fn(usize) -> TokenStream,
    empty: TokenStream,
) -> (TokenStream, TokenStream) {
    probe_sharing(name, None, layout, key, slot_ty, value, empty)
}

/// [`probe`], but a layout's shape, multipliers or sorted keys are `{hash_of}_SHAPE`,
/// `{hash_of}_MULTIPLIERS` or `{hash_of}_KEYS`, emitted by an earlier probe of the same layout,
/// when given.
fn probe_sharing(
    name: &str,
    hash_of: Option<&str>,
    layout: &Layout,
    key: TokenStream,
    slot_ty: TokenStream,
    value: impl Fn(usize) -> TokenStream,
    empty: TokenStream,
) -> (TokenStream, TokenStream) {
    let table = format_ident!("{name}");
    let len = lit(layout.slots().len());
    let sets = layout.slots().iter().enumerate().filter_map(|(s, e)| {
        let (s, v) = (lit(s), value((*e)?));
        Some(quote!(t[#s] = #v;))
    });
    let slots = quote! {
        static #table: [#slot_ty; #len] = {
            let mut t = [#empty; #len];
            #(#sets)*
            t
        };
    };
    let prefix = hash_of.unwrap_or(name);
    // Statics a probe of the same layout emitted already are not repeated.
    let shared = |statics: TokenStream| if hash_of.is_some() { quote!() } else { statics };
    match layout {
        Layout::Dense { min, slots: s } => {
            let (min, mask) = (
                Literal::u64_unsuffixed(*min),
                Literal::u64_unsuffixed(s.len() as u64 - 1),
            );
            (
                quote!(#table[crate::__private::v1::dense_slot(#key, #min, #mask)]),
                slots,
            )
        }
        Layout::Hash {
            shape, multipliers, ..
        } => {
            let (mult_table, shape_const) = (
                format_ident!("{prefix}_MULTIPLIERS"),
                format_ident!("{prefix}_SHAPE"),
            );
            let (bucket_shift, bucket_mask, slot_shift) = (
                Literal::u32_unsuffixed(shape.bucket_shift),
                Literal::u64_unsuffixed(shape.bucket_mask),
                Literal::u32_unsuffixed(shape.slot_shift),
            );
            let nm = lit(multipliers.len());
            let multipliers = multipliers.iter().map(|m| Literal::u64_unsuffixed(*m));
            let statics = shared(quote! {
                const #shape_const: crate::__private::v1::Shape = crate::__private::v1::Shape {
                    bucket_shift: #bucket_shift,
                    bucket_mask: #bucket_mask,
                    slot_shift: #slot_shift,
                };
                static #mult_table: [u64; #nm] = [#(#multipliers),*];
            });
            (
                quote!(#table[crate::__private::v1::multiplied_slot(#key, &#mult_table, #shape_const)]),
                quote!(#statics #slots),
            )
        }
        Layout::Sorted { keys, .. } => {
            let keys_table = format_ident!("{prefix}_KEYS");
            let nk = lit(keys.len());
            let keys = keys.iter().map(|k| Literal::u64_unsuffixed(*k));
            let statics = shared(quote!(static #keys_table: [u64; #nk] = [#(#keys),*];));
            (
                quote!(#table[crate::__private::v1::sorted_slot(#key, &#keys_table)]),
                quote!(#statics #slots),
            )
        }
        Layout::SortedText { texts, .. } => {
            let texts_table = format_ident!("{prefix}_TEXTS");
            let nt = lit(texts.len());
            let statics = shared(quote!(static #texts_table: [&str; #nt] = [#(#texts),*];));
            (
                quote!(#table[crate::__private::v1::sorted_text_slot(#key, &#texts_table)]),
                quote!(#statics #slots),
            )
        }
    }
}

/// The key as the lookup hashes it: unsigned as is, signed sign-extended. (Text values, which
/// integer catalogues never hold, hash as their full-text key.)
fn key_bits(value: &Value) -> u64 {
    match value {
        Value::Int(v) if *v < 0 => *v as i64 as u64,
        Value::Int(v) => *v as u64,
        Value::Text(t) => crate::hash::text_key(t.as_bytes(), true),
    }
}

/// What a text table is probed with: the text's sampled or full key, or (a sorted-text
/// layout) its bytes.
fn text_probe(probed: TextKey, text: TokenStream) -> TokenStream {
    match probed {
        TextKey::Sampled => quote!(crate::__private::v1::text_key(#text.as_bytes(), false)),
        TextKey::Full => quote!(crate::__private::v1::text_key(#text.as_bytes(), true)),
        TextKey::Text => quote!(#text.as_bytes()),
    }
}

/// `from_name`: the names and aliases in one perfect hash over their text keys. Row `i`
/// below the entry count is entry `i`'s name and code, read from `NAME_TEXTS` and `Code::ALL`
/// (entries are sorted by value, as `ALL` is), so names are stored once; the aliases follow
/// in `ALIAS_TEXTS` and `ALIAS_CODES`. No row holds a pointer: on a 64-bit target a pointer
/// and its relocation cost more than most names.
pub(crate) fn name_lookup(c: &Catalog) -> TokenStream {
    let names = c.entries.iter().map(|e| (&e.name, &e.ident));
    let aliases = c
        .entries
        .iter()
        .flat_map(|e| e.aliases.iter().map(move |a| (a, &e.ident)));
    let rows: Vec<(&String, &String)> = names.chain(aliases).collect();
    let (probed, layout) = layout::text_layout(rows.iter().map(|(n, _)| n.as_str()));
    let index_ty = index_type(rows.len());
    let (slot, table) = probe(
        "NAME_SLOTS",
        &layout,
        text_probe(probed, quote!(name)),
        quote!(#index_ty),
        |i| lit(i).into_token_stream(),
        quote!(0),
    );
    let alias_rows = &rows[c.entries.len()..];
    let (aliases, alias_columns) = if alias_rows.is_empty() {
        (quote!((&crate::__private::v1::Texts::EMPTY, &[])), quote!())
    } else {
        let n = lit(alias_rows.len());
        let texts = alias_rows.iter().map(|(alias, _)| alias);
        let codes = alias_rows.iter().map(|(_, ident)| format_ident!("{ident}"));
        (
            quote!((&ALIAS_TEXTS, &ALIAS_CODES)),
            quote! {
                /// The aliases, end to end (name rows from the entry count on), and their codes.
                static ALIAS_TEXTS: crate::__private::v1::Texts =
                    crate::__private::v1::texts!(#(#texts),*);
                static ALIAS_CODES: [Code; #n] = [#(Code::#codes),*];
            },
        )
    };
    quote! {
        /// Looks a code up by its spec name or an alias, exactly as written: one short hash,
        /// one compare.
        #[must_use]
        pub fn from_name(name: &str) -> Option<Code> {
            crate::__private::v1::named(name, #slot as usize, (&NAME_TEXTS, &Code::ALL), #aliases)
        }

        #alias_columns

        #table
    }
}

// The tests read emitted code pretty-printed.
#[cfg(all(test, feature = "format"))]
mod tests {
    use super::*;

    fn rust(tokens: TokenStream) -> String {
        prettyplease::unparse(&syn::parse2(tokens).expect("generated code parses"))
    }

    /// No known key set needs the sorted last resorts, so no generated catalogue shows them:
    /// their emitted probes are checked here, and `hash::sorted_slot` in `index`'s tests.
    #[test]
    fn sorted_layouts_probe_by_binary_search_and_share_their_keys() {
        let layout = Layout::Sorted {
            keys: vec![3, 9],
            slots: vec![Some(1), Some(0)],
        };
        let index = |i: usize| lit(i).into_token_stream();
        let (slot, statics) = probe("BY_VALUE", &layout, quote!(v), quote!(u8), index, quote!(0));
        let (shared, table) = probe_sharing(
            "INDEX",
            Some("BY_VALUE"),
            &layout,
            quote!(v),
            quote!(u8),
            index,
            quote!(0),
        );
        let code = rust(quote! {
            fn f(v: u64) -> (u8, u8) { (#slot, #shared) }
            #statics
            #table
        });
        assert!(code.contains("BY_VALUE[crate::__private::v1::sorted_slot(v, &BY_VALUE_KEYS)]"));
        assert!(code.contains("INDEX[crate::__private::v1::sorted_slot(v, &BY_VALUE_KEYS)]"));
        assert_eq!(
            code.matches("static BY_VALUE_KEYS: [u64; 2] = [3, 9];")
                .count(),
            1
        );

        let layout = Layout::SortedText {
            texts: vec!["A".into(), "B".into()],
            slots: vec![Some(1), Some(0)],
        };
        let (slot, statics) = probe(
            "NAME_SLOTS",
            &layout,
            text_probe(TextKey::Text, quote!(name)),
            quote!(u8),
            index,
            quote!(0),
        );
        let code = rust(quote!(fn f(name: &str) -> u8 { #slot } #statics));
        let flat: String = code.split_whitespace().collect();
        assert!(flat.contains("v1::sorted_text_slot(name.as_bytes(),&NAME_SLOTS_TEXTS"));
        assert!(code.contains(r#"static NAME_SLOTS_TEXTS: [&str; 2] = ["A", "B"];"#));
    }
}
