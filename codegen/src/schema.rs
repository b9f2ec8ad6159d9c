//! The YAML shape of a catalogue file, as serde reads it (see `catalog/README.md`).
//!
//! Every value the validator may complain about is `Spanned`, so its message can point at the
//! exact line and column. Enumerated fields stay strings here: the validator names the
//! allowed values when one is wrong, which serde's own message would not.

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diag::Pos;

pub(crate) type S<T> = Spanned<T>;

pub(crate) fn pos<T>(s: &S<T>) -> Pos {
    Pos {
        line: s.referenced.line() as usize,
        col: s.referenced.column() as usize,
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct File {
    pub id: S<String>,
    pub title: S<String>,
    #[serde(default)]
    pub description: Option<S<String>>,
    pub key: S<String>,
    pub wire: S<String>,
    pub sources: S<Vec<Source>>,
    pub entries: S<Vec<S<Entry>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Source {
    pub id: S<String>,
    pub title: S<String>,
    pub url: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Entry {
    /// Kept as written (`0x13`, `404`, `-12`, `Ok`) and parsed by the validator per key kind.
    pub value: S<String>,
    pub name: S<String>,
    pub description: S<String>,
    #[serde(default)]
    pub remediation: Option<S<String>>,
    #[serde(default)]
    pub http: Option<S<i64>>,
    pub action: S<String>,
    pub source: S<String>,
    #[serde(default)]
    pub aliases: Vec<S<String>>,
    #[serde(default)]
    pub ident: Option<S<String>>,
    #[serde(default)]
    pub deprecated: bool,
    #[serde(default)]
    pub uncertain: Option<S<String>>,
    #[serde(default)]
    pub causes: Vec<Cause>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Cause {
    pub name: S<String>,
    pub description: S<String>,
    #[serde(default)]
    pub remediation: Option<S<String>>,
    pub action: S<String>,
}
