//! Small token helpers shared by the emitters (`emit.rs`, `tables.rs`): literals, index
//! types and runtime variant names.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::model::Value;

/// The smallest unsigned type that indexes `n` rows.
pub(crate) fn index_type(n: usize) -> proc_macro2::Ident {
    format_ident!(
        "{}",
        if n <= 1 << 8 {
            "u8"
        } else if n <= 1 << 16 {
            "u16"
        } else {
            "u32"
        }
    )
}

/// A wire value as a literal (`-12`, `404`, `"Ok"`).
pub(crate) fn value_literal(value: &Value) -> TokenStream {
    match value {
        Value::Int(v) => {
            let lit = Literal::u128_unsuffixed(v.unsigned_abs());
            if *v < 0 { quote!(-#lit) } else { quote!(#lit) }
        }
        Value::Text(t) => quote!(#t),
    }
}

/// An unsuffixed integer literal (`7`, not `7usize`).
pub(crate) fn lit(n: usize) -> Literal {
    Literal::usize_unsuffixed(n)
}

/// The runtime enum variant a shared definition names (`KeyKind::HttpStatus` → `HttpStatus`).
pub(crate) fn variant(value: impl std::fmt::Debug) -> proc_macro2::Ident {
    format_ident!("{}", format!("{value:?}"))
}
