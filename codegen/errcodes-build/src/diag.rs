//! Problems found in the catalogue, reported as `path:line:col: message`.

use std::fmt;

/// One problem in one catalogue file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// The file, as given to the generator (relative to the catalogue folder's parent).
    pub path: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column; 0 when unknown.
    pub col: usize,
    /// What is wrong and, where one exists, the fix.
    pub message: String,
}

impl Diagnostic {
    /// A problem at a known place.
    pub fn at(path: &str, line: usize, col: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.to_owned(),
            line,
            col,
            message: message.into(),
        }
    }

    /// A problem with the file as a whole.
    pub fn file(path: &str, message: impl Into<String>) -> Self {
        Diagnostic::at(path, 0, 0, message)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.col) {
            (0, _) => write!(f, "{}: {}", self.path, self.message),
            (line, 0) => write!(f, "{}:{line}: {}", self.path, self.message),
            (line, col) => write!(f, "{}:{line}:{col}: {}", self.path, self.message),
        }
    }
}

/// Collects the problems of one file, each placed by a span.
pub(crate) struct Sink<'a> {
    pub path: &'a str,
    pub found: Vec<Diagnostic>,
}

impl<'a> Sink<'a> {
    pub fn new(path: &'a str) -> Self {
        Sink {
            path,
            found: Vec::new(),
        }
    }

    pub fn at(&mut self, at: Pos, message: impl Into<String>) {
        self.found
            .push(Diagnostic::at(self.path, at.line, at.col, message));
    }
}

/// A place in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Pos {
    pub line: usize,
    pub col: usize,
}
