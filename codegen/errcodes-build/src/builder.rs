//! [`Builder`]: the generator for any crate's catalogue folder, from `build.rs` or into
//! committed files (the `prost-build` shape).

use std::path::{Path, PathBuf};

use crate::output::{RealDisk, replace_dir, replace_file};
use crate::run;
#[cfg(feature = "format")]
use crate::run::{Mode, Outputs};
use crate::settings::Settings;
#[cfg(feature = "format")]
use crate::{Diagnostic, Generated, Report};
use crate::{Failure, docs, emit, ident, load};

/// Generates typed modules, one per catalogue file, from a folder of catalogue YAML files
/// (the schema of errcodes' own `catalog/`: see its `catalog/README.md`).
///
/// Two ways to use it:
///
/// - **Committed output** (recommended: a dependent then compiles no syn, prettyplease or
///   YAML parser): [`write_to`](Builder::write_to) a folder in your crate, commit it, and
///   let a test call [`check`](Builder::check) so that CI fails while it is stale. The files
///   are pretty-printed for review: this needs feature `format` (on by default).
/// - **At build time**: [`compile`](Builder::compile) from `build.rs` writes
///   `$OUT_DIR/catalogs.rs`, which your crate includes. It never formats, so a
///   build-dependency can turn off default features (`default-features = false`): syn's
///   full parser and prettyplease are then not compiled.
///
/// ```no_run
/// // build.rs: fn main() { … }
/// errcodes_build::Builder::new().catalog_dir("catalog").compile()?;
/// // src/lib.rs: include!(concat!(env!("OUT_DIR"), "/catalogs.rs"));
/// # Ok::<(), errcodes_build::Failure>(())
/// ```
///
/// Each module has the API of a built-in catalogue (`Code`, `from_value`, `from_wire`,
/// `from_name`, `CATALOG`…), and the file defines `CATALOGS`, every catalogue it holds, for
/// the cross-catalogue lookups of the `errcodes` crate.
#[derive(Debug, Clone)]
pub struct Builder {
    catalog_dir: PathBuf,
    settings: Settings,
    out_dir: Option<PathBuf>,
    docs_dir: Option<PathBuf>,
}

impl Default for Builder {
    fn default() -> Self {
        Builder::new()
    }
}

impl Builder {
    /// A builder for the folder `catalog` (relative to the package, where cargo runs
    /// `build.rs`), generating code that uses the runtime as `::errcodes`.
    pub fn new() -> Builder {
        Builder {
            catalog_dir: PathBuf::from("catalog"),
            settings: Settings::dependent(),
            out_dir: None,
            docs_dir: None,
        }
    }

    /// The folder of `*.yaml` catalogue files.
    #[must_use]
    pub fn catalog_dir(mut self, dir: impl AsRef<Path>) -> Builder {
        self.catalog_dir = dir.as_ref().to_path_buf();
        self
    }

    /// Where [`compile`](Builder::compile) writes `catalogs.rs` (default: `$OUT_DIR`).
    #[must_use]
    pub fn out_dir(mut self, dir: impl AsRef<Path>) -> Builder {
        self.out_dir = Some(dir.as_ref().to_path_buf());
        self
    }

    /// The path generated code reaches the runtime crate by (default `::errcodes`; set it
    /// when you rename the dependency or re-export it, like prost-build's `prost_path`).
    #[must_use]
    pub fn runtime_path(mut self, path: &str) -> Builder {
        path.clone_into(&mut self.settings.runtime);
        self.settings.catalogs_pub = path != "crate";
        self
    }

    /// The module path the generated modules are reached by (`my_crate` when
    /// `catalogs.rs` is included at the crate root, `my_crate::codes` in a module). With it,
    /// each module's doc example is compiled as a doctest; without it, it is marked `ignore`.
    #[must_use]
    pub fn doc_path(mut self, path: &str) -> Builder {
        self.settings.doc_path = Some(path.to_owned());
        self
    }

    /// Also writes the Markdown error index (one page per catalogue) to `dir`.
    #[must_use]
    pub fn docs_dir(mut self, dir: impl AsRef<Path>) -> Builder {
        self.docs_dir = Some(dir.as_ref().to_path_buf());
        self
    }

    /// The command that regenerates the committed output, named in each generated file's
    /// header and in the message [`check`](Builder::check) gives when it is stale.
    #[must_use]
    pub fn command(mut self, command: &str) -> Builder {
        self.settings.command = Some(command.to_owned());
        self
    }

    /// Names no catalogue id may start with (those your module already uses).
    #[must_use]
    pub fn reserved_names<S: Into<String>>(
        mut self,
        names: impl IntoIterator<Item = S>,
    ) -> Builder {
        self.settings.reserved = names.into_iter().map(Into::into).collect();
        self
    }

    /// Cargo features no catalogue may take with [`feature_gates`](Builder::feature_gates):
    /// those your manifest defines itself (`std`, `serde`, `default`…). A catalogue whose slug
    /// is one of them is refused at its `id` line.
    #[must_use]
    pub fn reserved_features<S: Into<String>>(
        mut self,
        names: impl IntoIterator<Item = S>,
    ) -> Builder {
        self.settings.reserved_features = names.into_iter().map(Into::into).collect();
        self
    }

    /// One Cargo feature per catalogue, as errcodes has: each module gets
    /// `#[cfg(feature = "<slug>")]` (the feature named like its slug, `knox::tag` →
    /// `knox-tag`).
    #[must_use]
    pub fn feature_gates(mut self, on: bool) -> Builder {
        self.settings.features = on;
        self
    }

    /// Validates every file and renders every output in memory (the code as
    /// [`write_to`](Builder::write_to) writes it, pretty-printed); writes nothing. Needs
    /// feature `format` (on by default).
    ///
    /// # Errors
    /// Every problem of every file, as `path:line:col: message`.
    #[cfg(feature = "format")]
    pub fn generate(&self) -> Result<Generated, Vec<Diagnostic>> {
        let (dir_name, catalogs) = run::validated(&self.catalog_dir, &self.settings)?;
        Ok(run::render(&catalogs, &dir_name, &self.settings))
    }

    /// For `build.rs`: validates the folder and writes `catalogs.rs` to `$OUT_DIR` (or
    /// [`out_dir`](Builder::out_dir)), all modules nested in one file. Tells cargo to run the
    /// build script again when the folder or any file in it changes. Returns the file written.
    ///
    /// The file is for the compiler, not for people: the tokens as text, not formatted, the
    /// same whichever features are on (feature `format` is not needed).
    ///
    /// A build script may write only below its output folder, so a
    /// [`docs_dir`](Builder::docs_dir) must lie there (for an error index kept in the source
    /// tree, use [`write_to`](Builder::write_to)).
    ///
    /// # Errors
    /// [`Failure::Invalid`] with every problem as `path:line:col: message` (the build fails
    /// showing them), or [`Failure::Io`]: the settings are unusable (a folder path cargo
    /// cannot be told about, a `docs_dir` outside the output folder) or a write failed.
    pub fn compile(&self) -> Result<PathBuf, Failure> {
        self.check_runtime_path()?;
        let out_dir = match (&self.out_dir, std::env::var_os("OUT_DIR")) {
            (Some(dir), _) => dir.clone(),
            (None, Some(dir)) => PathBuf::from(dir),
            (None, None) => {
                return Err(invalid_setting(
                    "OUT_DIR is not set: call compile() from build.rs, or set out_dir",
                ));
            }
        };
        if let Some(docs) = &self.docs_dir
            && !docs.starts_with(&out_dir)
        {
            return Err(invalid_setting(&format!(
                "docs_dir {} is outside the output folder {}: a build script may write only \
                 there (use write_to for an error index kept with the sources)",
                docs.display(),
                out_dir.display()
            )));
        }
        // Every path cargo is told about is one line of text cargo reads back: a newline in
        // it would end the `cargo:` line and start another directive.
        let Some(dir) = self
            .catalog_dir
            .to_str()
            .filter(|d| !d.chars().any(char::is_control))
        else {
            return Err(invalid_setting(&format!(
                "the catalogue folder {:?} is not UTF-8 text without control characters; \
                 cargo cannot be told to watch it",
                self.catalog_dir
            )));
        };
        println!("cargo:rerun-if-changed={dir}");
        if let Ok(files) = load::catalog_files(&self.catalog_dir, dir) {
            for (_, name) in files {
                println!(
                    "cargo:rerun-if-changed={}",
                    self.catalog_dir.join(name).display()
                );
            }
        }
        let (dir_name, catalogs) =
            run::validated(&self.catalog_dir, &self.settings).map_err(Failure::Invalid)?;
        let catalogs: Vec<_> = catalogs.into_iter().map(|(c, _)| c).collect();
        let path = out_dir.join("catalogs.rs");
        let code = emit::render_single(&catalogs, &dir_name, &self.settings);
        replace_file(&path, &code).map_err(|e| run::io_failure(&path, e))?;
        if let Some(docs_dir) = &self.docs_dir {
            let pages = docs::render(&catalogs, &dir_name, &self.settings);
            replace_dir(&mut RealDisk, docs_dir, &pages)
                .map_err(|e| run::io_failure(docs_dir, e))?;
        }
        Ok(path)
    }

    /// Committed output: replaces the folder `dir` with `mod.rs` and one file per module
    /// (include it with `mod dir;`), and the docs folder if one is set, each all or nothing.
    /// A file in `dir` that the generator did not write is never deleted: the run refuses.
    ///
    /// Pretty-printed for review: needs feature `format` (on by default).
    ///
    /// # Errors
    /// See [`Failure`].
    #[cfg(feature = "format")]
    pub fn write_to(&self, dir: impl AsRef<Path>) -> Result<Report, Failure> {
        self.run(dir.as_ref(), Mode::Write)
    }

    /// Compares the committed output in `dir` with what the catalogue produces, writing
    /// nothing: call it from a test so that CI fails while the output is stale. Needs feature
    /// `format` (on by default), as [`write_to`](Builder::write_to) does.
    ///
    /// # Errors
    /// [`Failure::Stale`] listing every stale, missing or extra file and the command that
    /// fixes it (see [`command`](Builder::command)); otherwise as [`write_to`](Builder::write_to).
    #[cfg(feature = "format")]
    pub fn check(&self, dir: impl AsRef<Path>) -> Result<Report, Failure> {
        self.run(dir.as_ref(), Mode::Check)
    }

    /// [`write_to`](Builder::write_to) with what [`generate`](Builder::generate) already
    /// rendered, for a program that inspects it before writing (errcodes' own regenerate
    /// applies its repository's rules that way): nothing is validated or rendered twice.
    /// `generated` should come from this builder; it is written as it is.
    ///
    /// # Errors
    /// As [`write_to`](Builder::write_to), but never [`Failure::Invalid`].
    #[cfg(feature = "format")]
    pub fn write_generated(
        &self,
        generated: Generated,
        dir: impl AsRef<Path>,
    ) -> Result<Report, Failure> {
        self.install(generated, dir.as_ref(), Mode::Write)
    }

    /// [`check`](Builder::check) against what [`generate`](Builder::generate) already
    /// rendered (see [`write_generated`](Builder::write_generated)).
    ///
    /// # Errors
    /// As [`check`](Builder::check), but never [`Failure::Invalid`].
    #[cfg(feature = "format")]
    pub fn check_generated(
        &self,
        generated: Generated,
        dir: impl AsRef<Path>,
    ) -> Result<Report, Failure> {
        self.install(generated, dir.as_ref(), Mode::Check)
    }

    #[cfg(feature = "format")]
    fn install(&self, generated: Generated, dir: &Path, mode: Mode) -> Result<Report, Failure> {
        let outputs = self.outputs(dir);
        let _lock = run::take_outputs(&outputs, mode)?;
        run::install_generated(&mut RealDisk, generated, &outputs, &self.settings, mode)
    }

    #[cfg(feature = "format")]
    fn outputs(&self, dir: &Path) -> Outputs {
        Outputs {
            code: dir.to_path_buf(),
            docs: self.docs_dir.clone(),
        }
    }

    #[cfg(feature = "format")]
    fn run(&self, dir: &Path, mode: Mode) -> Result<Report, Failure> {
        self.check_runtime_path()?;
        let outputs = self.outputs(dir);
        run::execute(
            &mut RealDisk,
            &self.catalog_dir,
            &outputs,
            &self.settings,
            mode,
        )
    }

    fn check_runtime_path(&self) -> Result<(), Failure> {
        let runtime = &self.settings.runtime;
        if is_rust_path(runtime) {
            Ok(())
        } else {
            Err(invalid_setting(&format!(
                "runtime_path `{runtime}` is not a Rust path like `::errcodes`"
            )))
        }
    }
}

/// Whether `path` is a path generated code can reach the runtime by: `crate`, or ASCII
/// identifiers joined by `::`, led by `::` (`::errcodes`), by nothing (`my_crate::errcodes`),
/// by `crate::` or `self::` (`crate::vendored::errcodes`) and by any number of `super::`. No
/// keyword, whitespace, generics or `r#` identifier.
fn is_rust_path(path: &str) -> bool {
    if path == "crate" {
        return true;
    }
    let (rooted, rest) = match path.strip_prefix("::") {
        Some(rest) => (true, rest),
        None => (false, path),
    };
    let mut segments = rest.split("::").peekable();
    if !rooted
        && segments
            .next_if(|s| matches!(*s, "crate" | "self"))
            .is_none()
    {
        while segments.next_if_eq(&"super").is_some() {}
    }
    segments.peek().is_some() && segments.all(is_plain_ident)
}

/// An ASCII identifier that is no keyword.
fn is_plain_ident(segment: &str) -> bool {
    let chars = segment.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && segment
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_');
    // Every keyword but `Self` is lowercase letters, which module names are checked for.
    let keyword =
        segment.chars().all(|c| c.is_ascii_lowercase()) && ident::module_problem(segment).is_some();
    chars && !keyword && !matches!(segment, "_" | "Self")
}

fn invalid_setting(why: &str) -> Failure {
    Failure::Io(std::io::Error::new(std::io::ErrorKind::InvalidInput, why))
}

#[cfg(test)]
mod tests {
    use super::is_rust_path;

    #[test]
    fn runtime_paths_are_rust_paths_of_identifiers() {
        for good in [
            "crate",
            "::errcodes",
            "errcodes",
            "my_crate::errcodes",
            "::my_crate::Re_Exported2",
            "crate::vendored::errcodes",
            "self::errcodes",
            "super::super::errcodes",
            "_private::errcodes",
        ] {
            assert!(is_rust_path(good), "{good} was refused");
        }
        for bad in [
            "",
            "::",
            "::crate",
            "errcodes::",
            "::::errcodes",
            "::errcodes::",
            "my-crate",
            "1errcodes",
            "err codes",
            ":: errcodes",
            "::errcodes::fn",
            "type::errcodes",
            "crate::crate",
            "errcodes::self",
            "super",
            "self",
            "crate::super::errcodes",
            "_",
            "Self::errcodes",
            "r#type",
            "Vec<u8>",
            "::erröcodes",
            "errcodes\n",
        ] {
            assert!(!is_rust_path(bad), "{bad:?} was accepted");
        }
    }
}
