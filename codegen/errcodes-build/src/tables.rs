//! The lookup tables of a generated catalogue module: by value (dense or perfect hash), by
//! wire text and by name, with the functions that probe them.

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, format_ident, quote};

use crate::emit::{index_type, lit, value_literal, variant};
use crate::index::{self, Layout};
use crate::model::{Catalog, KeyKind, KeyKindExt, Value, WireFormat, WireFormatExt};

/// The lookups (`from_value`, `from_wire` and the vendor's spellings of them), the code →
/// entry index and code → value functions, and their tables.
pub(crate) fn lookups(c: &Catalog) -> TokenStream {
    let key_ty: syn::Type = syn::parse_str(c.key.rust_type()).expect("key types parse");
    let first = format_ident!("{}", c.entries[0].ident);
    let code_at = |i: usize| {
        let ident = format_ident!("{}", c.entries[i].ident);
        quote!(Code::#ident)
    };
    if c.key == KeyKind::Text {
        let (full, keys) = index::text_keys(c.entries.iter().map(|e| e.wire.as_str()))
            .expect("validation rejects catalogues whose texts share a 64-bit key");
        let key = quote!(crate::__private::text_key(code.as_bytes(), #full));
        let (slot, table) = probe(
            "BY_VALUE",
            &index::build(&keys),
            key,
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
                crate::__private::found_text(text, from_value(text), ID)
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
        index::full_byte(&keys)
    } else {
        index::build(&keys)
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
    let (lo, hi) = c.key.range().expect("integer keys have a range");
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
            crate::__private::parse_key(text, WireFormat::#wire, #lo, #hi, ID, |value| from_value(value as #key_ty))
        }

        /// The same as [`from_wire`], in the vendor's words.
        ///
        /// # Errors
        /// As [`from_wire`].
        #[inline]
        pub fn #wire_alias(text: &str) -> Result<Code, ParseError> {
            from_wire(text)
        }

        /// The code's row in `ENTRIES`. Every code has its slot; the clamp (a `cmov`) only
        /// tells the compiler the row is in range, so `ENTRIES[row]` has no bounds check.
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

/// [`probe`], but a hash layout's shape and displacements are `{hash_of}_SHAPE` and
/// `{hash_of}_DISPLACEMENTS`, emitted by an earlier probe of the same layout, when given.
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
    match layout {
        Layout::Dense { min, slots: s } => {
            let (min, mask) = (
                Literal::u64_unsuffixed(*min),
                Literal::u64_unsuffixed(s.len() as u64 - 1),
            );
            (
                quote!(#table[crate::__private::dense_slot(#key, #min, #mask)]),
                slots,
            )
        }
        Layout::Hash { shape, disps, .. } => {
            let prefix = hash_of.unwrap_or(name);
            let (disp_table, shape_const) = (
                format_ident!("{prefix}_DISPLACEMENTS"),
                format_ident!("{prefix}_SHAPE"),
            );
            let (bucket_shift, bucket_mask, slot_shift) = (
                Literal::u32_unsuffixed(shape.bucket_shift),
                Literal::u64_unsuffixed(shape.bucket_mask),
                Literal::u32_unsuffixed(shape.slot_shift),
            );
            let nd = lit(disps.len());
            let disps = disps.iter().map(|d| Literal::u32_unsuffixed(*d));
            let statics = if hash_of.is_some() {
                slots
            } else {
                quote! {
                const #shape_const: crate::__private::Shape = crate::__private::Shape {
                    bucket_shift: #bucket_shift,
                    bucket_mask: #bucket_mask,
                    slot_shift: #slot_shift,
                };
                static #disp_table: [u32; #nd] = [#(#disps),*];
                #slots
                }
            };
            (
                quote!(#table[crate::__private::hashed_slot(#key, &#disp_table, #shape_const)]),
                statics,
            )
        }
    }
}

/// The key as the lookup hashes it: unsigned as is, signed sign-extended.
fn key_bits(value: &Value) -> u64 {
    match value {
        Value::Int(v) if *v < 0 => *v as i64 as u64,
        Value::Int(v) => *v as u64,
        Value::Text(_) => unreachable!("text keys hash their bytes"),
    }
}

/// `from_name`: the names and aliases in one perfect hash over their text keys.
pub(crate) fn name_lookup(c: &Catalog) -> TokenStream {
    let names: Vec<(&String, &String)> = c
        .entries
        .iter()
        .flat_map(|e| {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .map(move |n| (n, &e.ident))
        })
        .collect();
    let (full, keys) = index::text_keys(names.iter().map(|(n, _)| n.as_str()))
        .expect("validation rejects catalogues whose names share a 64-bit key");
    let index_ty = index_type(names.len());
    let key = quote!(crate::__private::text_key(name.as_bytes(), #full));
    let (slot, table) = probe(
        "NAME_SLOTS",
        &index::build(&keys),
        key,
        quote!(#index_ty),
        |i| lit(i).into_token_stream(),
        quote!(0),
    );
    let n = lit(names.len());
    let rows = names.iter().map(|(name, ident)| {
        let ident = format_ident!("{ident}");
        quote!((#name, Code::#ident))
    });
    quote! {
        /// Looks a code up by its spec name or an alias, exactly as written: one short hash,
        /// one compare.
        #[must_use]
        pub fn from_name(name: &str) -> Option<Code> {
            let (candidate, code) = NAMES[#slot as usize];
            if candidate.as_bytes() == name.as_bytes() { Some(code) } else { None }
        }

        /// Every name and alias with its code.
        static NAMES: [(&str, Code); #n] = [#(#rows),*];

        #table
    }
}
