//! How generated code refers to the world around it: the settings a [`crate::Builder`] carries
//! into the emitters.

use proc_macro2::TokenStream;

/// What differs between errcodes' own catalogues and a dependent's.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    /// The runtime crate's path in generated code: `::errcodes` for a dependent, `crate`
    /// inside errcodes itself (like prost-build's `prost_path`).
    pub runtime: String,
    /// Whether each module gets `#[cfg(feature = "<slug>")]` (errcodes' one Cargo feature per
    /// catalogue, kept in its manifest).
    pub features: bool,
    /// Whether `CATALOGS` is `pub` (a dependent's) or `pub(crate)` (errcodes serves it
    /// through `errcodes::catalogs()`).
    pub catalogs_pub: bool,
    /// The module path the generated modules are reached by, for compiled doc examples
    /// (`errcodes`, `acme_lock`); `None` writes the examples as `ignore`.
    pub doc_path: Option<String>,
    /// The command named in generated headers and in "stale" messages; `None` names
    /// errcodes-build.
    pub command: Option<String>,
    /// Names no catalogue id may start with.
    pub reserved: Vec<String>,
    /// Cargo features no catalogue's slug may take (the crate's own).
    pub reserved_features: Vec<String>,
}

impl Settings {
    /// The defaults for a dependent crate.
    pub fn dependent() -> Settings {
        Settings {
            runtime: "::errcodes".to_owned(),
            features: false,
            catalogs_pub: true,
            doc_path: None,
            command: None,
            reserved: Vec::new(),
            reserved_features: Vec::new(),
        }
    }

    pub fn runtime_tokens(&self) -> TokenStream {
        self.runtime
            .parse()
            .expect("the runtime path was checked when it was set")
    }

    /// The runtime crate's name as a doc example outside it writes it.
    pub fn runtime_name(&self) -> &str {
        match self.runtime.as_str() {
            "crate" => "errcodes",
            other => other.trim_start_matches("::"),
        }
    }

    /// What to tell someone whose committed outputs are stale.
    pub fn fix(&self) -> String {
        self.command.as_ref().map_or_else(
            || "regenerate them (errcodes-build's `write_to`)".to_owned(),
            |c| format!("run `{c}`"),
        )
    }
}
