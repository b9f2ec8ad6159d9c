//! `serde` support (feature `serde`): no `std`, no `alloc`, no `serde_json`, no derive.
//!
//! The format, for every catalogue's `Code`:
//! - **Human-readable formats** (JSON, YAML, TOML…): a code serializes as its spec name
//!   (`"P_ERROR_MAX_USER"`, `"Not Found"`). It deserializes from a string, taken as wire text
//!   first and then as a spec name or alias (what `parse` accepts: `"0x13"`, `"13"`,
//!   `"P_ERROR_MAX_USER"`), or, for integer-keyed catalogues, from a number (the wire value:
//!   `19` is nuki's `0x13`).
//! - **Compact formats** (postcard, bincode…): a code serializes as its wire value, an
//!   integer of the key's width widened to `u64`/`i64` (or the string for string catalogues),
//!   and deserializes from the same.
//!
//! [`Action`] is its catalogue spelling (`"retry"`, `"none"`) in every format.
//! [`Entry`] serializes (only) as a map with the fields the `errcodes --json` command documents:
//! `catalog`, `wire`, `value`, `name`, `aliases`, `description`, `remediation`, `http_status`,
//! `action`, `advice`, `causes`, `deprecated`, `uncertain`, `source`, `sources`,
//! `device_names`, `single_unofficial_source`.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserializer, Unexpected, Visitor};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

use crate::{Action, CatalogCode, Cause, DeviceName, Entry, Source, Value, WireKey};

/// A code as its spec name (human-readable formats) or wire value (compact formats).
///
/// # Errors
/// Whatever the serializer reports.
pub fn serialize_code<C: CatalogCode, S: Serializer>(code: C, s: S) -> Result<S::Ok, S::Error> {
    if s.is_human_readable() {
        s.serialize_str(code.entry().name())
    } else {
        code.value().to_value().serialize(s)
    }
}

/// A code from wire text, a name or an alias, or a number (see the module documentation).
///
/// # Errors
/// The input is none of these, or no code has it.
pub fn deserialize_code<'de, C: CatalogCode, D: Deserializer<'de>>(d: D) -> Result<C, D::Error> {
    let visitor = CodeVisitor::<C>(PhantomData);
    if d.is_human_readable() {
        d.deserialize_any(visitor)
    } else {
        match C::catalog().key() {
            crate::KeyKind::Text => d.deserialize_str(visitor),
            crate::KeyKind::I16 | crate::KeyKind::I32 | crate::KeyKind::I64 => {
                d.deserialize_i64(visitor)
            }
            _ => d.deserialize_u64(visitor),
        }
    }
}

struct CodeVisitor<C>(PhantomData<C>);

impl<C: CatalogCode> CodeVisitor<C> {
    fn int<E: de::Error>(&self, value: i128, unexpected: Unexpected<'_>) -> Result<C, E> {
        C::Key::from_int(value)
            .and_then(C::from_value)
            .ok_or_else(|| E::invalid_value(unexpected, self))
    }
}

impl<C: CatalogCode> Visitor<'_> for CodeVisitor<C> {
    type Value = C;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a `{}` code: wire text, a name", C::catalog().id())?;
        match C::catalog().key() {
            crate::KeyKind::Text => Ok(()),
            _ => f.write_str(" or a number"),
        }
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<C, E> {
        C::parse(text).map_err(|_| E::invalid_value(Unexpected::Str(text), &self))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<C, E> {
        self.int(value.into(), Unexpected::Unsigned(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<C, E> {
        self.int(value.into(), Unexpected::Signed(value))
    }
}

/// Its catalogue spelling: `"retry"`, `"none"`.
impl Serialize for Action {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// From its catalogue spelling: `"retry"`, `"none"`.
impl<'de> Deserialize<'de> for Action {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Action, D::Error> {
        struct ActionVisitor;
        impl Visitor<'_> for ActionVisitor {
            type Value = Action;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a next step: ")?;
                for (i, a) in Action::ALL.iter().enumerate() {
                    let sep = if i == 0 { "" } else { ", " };
                    write!(f, "{sep}`{}`", a.as_str())?;
                }
                Ok(())
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Action, E> {
                Action::from_name(text)
                    .ok_or_else(|| E::invalid_value(Unexpected::Str(text), &self))
            }
        }
        d.deserialize_str(ActionVisitor)
    }
}

/// A number (`19`, `-12`) or, for string codes, the string.
impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Value::Unsigned(v) => s.serialize_u64(v),
            Value::Signed(v) => s.serialize_i64(v),
            Value::Text(v) => s.serialize_str(v),
        }
    }
}

/// `{id, title, url, official}`.
impl Serialize for Source {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("Source", 4)?;
        m.serialize_field("id", self.id())?;
        m.serialize_field("title", self.title())?;
        m.serialize_field("url", self.url())?;
        m.serialize_field("official", &self.is_official())?;
        m.end()
    }
}

/// `{name, device}`.
impl Serialize for DeviceName {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("DeviceName", 2)?;
        m.serialize_field("name", self.name())?;
        m.serialize_field("device", self.device())?;
        m.end()
    }
}

/// `{name, description, remediation, action, advice}`.
impl Serialize for Cause {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("Cause", 5)?;
        m.serialize_field("name", self.name())?;
        m.serialize_field("description", self.description())?;
        m.serialize_field("remediation", &self.remediation())?;
        m.serialize_field("action", &self.action())?;
        m.serialize_field("advice", self.action().advice())?;
        m.end()
    }
}

/// The entry object of `errcodes --json` (see the module documentation); `remediation`,
/// `http_status` and `uncertain` are `null` when absent.
impl Serialize for Entry {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("Entry", 17)?;
        m.serialize_field("catalog", self.catalog())?;
        m.serialize_field("wire", self.wire())?;
        m.serialize_field("value", &self.value())?;
        m.serialize_field("name", self.name())?;
        m.serialize_field("aliases", &self.aliases())?;
        m.serialize_field("description", self.description())?;
        m.serialize_field("remediation", &self.remediation())?;
        m.serialize_field("http_status", &self.http_status())?;
        m.serialize_field("action", &self.action())?;
        m.serialize_field("advice", self.action().advice())?;
        m.serialize_field("causes", &self.causes())?;
        m.serialize_field("deprecated", &self.is_deprecated())?;
        m.serialize_field("uncertain", &self.uncertain())?;
        m.serialize_field("source", &self.source())?;
        m.serialize_field("sources", &self.sources())?;
        m.serialize_field("device_names", &self.device_names())?;
        m.serialize_field("single_unofficial_source", &self.single_unofficial_source())?;
        m.end()
    }
}
