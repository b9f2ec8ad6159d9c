//! Rust names for catalogue names: variant identifiers and module segments.

use heck::ToUpperCamelCase;

/// Words rustc reserves; none may be a module segment or a variant name.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "union", "raw",
];

/// Associated items every generated `Code` has whose names a variant could take (variants
/// must start with an uppercase letter, so only constants can clash): a variant `ALL` would
/// shadow `Code::ALL`.
const CODE_ITEMS: &[&str] = &["ALL"];

/// The variant name derived from a spec name: `P_ERROR_MAX_USER` → `PErrorMaxUser`,
/// `Not Found` → `NotFound`, `Non-Authoritative Information` → `NonAuthoritativeInformation`.
pub(crate) fn variant_for(name: &str) -> String {
    name.to_upper_camel_case()
}

/// Why `ident` cannot be an enum variant, if it cannot.
pub(crate) fn variant_problem(ident: &str) -> Option<String> {
    let first = ident.chars().next()?;
    if !ident.is_ascii() {
        return Some(format!("`{ident}` has non-ASCII characters"));
    }
    if !first.is_ascii_uppercase() {
        return Some(if first.is_ascii_digit() {
            format!("`{ident}` starts with a digit")
        } else {
            format!("`{ident}` does not start with an uppercase letter")
        });
    }
    if !ident.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Some(format!(
            "`{ident}` is not UpperCamelCase letters and digits"
        ));
    }
    if CODE_ITEMS.contains(&ident) {
        return Some(format!(
            "`{ident}` is the name of `Code::{ident}`, which every generated `Code` has"
        ));
    }
    KEYWORDS
        .contains(&ident)
        .then(|| format!("`{ident}` is a Rust keyword"))
}

/// Why `segment` cannot be a module name, if it cannot.
pub(crate) fn module_problem(segment: &str) -> Option<String> {
    let valid = segment.starts_with(|c: char| c.is_ascii_lowercase())
        && segment
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !valid {
        Some(format!(
            "`{segment}` is not a snake_case module name (`[a-z][a-z0-9_]*`)"
        ))
    } else if KEYWORDS.contains(&segment) {
        Some(format!("`{segment}` is a Rust keyword"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_from_spec_names() {
        assert_eq!(variant_for("P_ERROR_MAX_USER"), "PErrorMaxUser");
        assert_eq!(variant_for("K_ERROR_BAD_PARAMETER"), "KErrorBadParameter");
        assert_eq!(variant_for("Not Found"), "NotFound");
        assert_eq!(
            variant_for("Non-Authoritative Information"),
            "NonAuthoritativeInformation"
        );
        assert_eq!(variant_for("BadRequest"), "BadRequest");
        assert_eq!(variant_for("IM Used"), "ImUsed");
        assert_eq!(
            variant_for("K_ERROR_CODE_INVALID_TIMEOUT_1"),
            "KErrorCodeInvalidTimeout1"
        );
    }

    #[test]
    fn rejects_unusable_names() {
        assert!(variant_problem("Self").unwrap().contains("keyword"));
        assert!(variant_problem("4xx").unwrap().contains("digit"));
        assert!(variant_problem("Größe").unwrap().contains("non-ASCII"));
        assert_eq!(variant_problem("NotFound"), None);
        assert!(variant_problem("ALL").unwrap().contains("Code::ALL"));
        assert!(module_problem("type").unwrap().contains("keyword"));
        assert!(module_problem("Nuki").is_some());
        assert_eq!(module_problem("web_api"), None);
    }
}
