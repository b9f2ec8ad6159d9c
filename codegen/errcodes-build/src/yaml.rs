//! A catalogue file's YAML as a tree of nodes with positions, built from granit-parser's
//! events within explicit limits (depth, nodes, anchors and aliases, one document), with
//! duplicate keys refused and merge keys (`<<: *base`) applied.
//!
//! Scalars keep their text and whether they were written plain, so the schema reader decides
//! what a scalar means where it stands: `404` is text in a `value:` and a number in `http:`.

use std::collections::{HashMap, HashSet};

use granit_parser::{ErrorKind, Event, Parser, ScalarStyle, Span};

use crate::diag::Pos;

/// Deepest nesting accepted; a catalogue needs 5 levels.
pub const MAX_DEPTH: usize = 16;
/// Most YAML aliases (`*name`) per file, and most anchors (`&name`); catalogues do not need
/// any, this leaves room.
pub const MAX_ALIASES: usize = 64;
/// Most YAML nodes (mappings, lists, scalars) in one file: room for `MAX_ENTRIES` entries of
/// a dozen fields each, with room to spare.
pub const MAX_NODES: usize = 1_000_000;
/// Most nodes that anchors may record, and that aliases may copy, in one file: far beyond any
/// use, far below an alias bomb (or 64 nested anchors each holding a copy of the whole file).
const MAX_ALIAS_NODES: usize = 10_000;

/// A problem that stops reading a file, and where.
#[derive(Debug)]
pub(crate) struct Error {
    pub at: Pos,
    pub message: String,
}

impl Error {
    pub fn new(at: Pos, message: impl Into<String>) -> Error {
        Error {
            at,
            message: message.into(),
        }
    }
}

/// One value of the document and where it starts.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub at: Pos,
    pub kind: Kind,
}

#[derive(Debug, Clone)]
pub(crate) enum Kind {
    Scalar(Scalar),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

#[derive(Debug, Clone)]
pub(crate) struct Scalar {
    pub text: String,
    /// Written without quotes or block indicator: only a plain scalar can be null.
    pub plain: bool,
    /// A YAML core-schema tag (`!!str`, `!!int`…) by its suffix; other tags are ignored.
    pub tag: Option<String>,
}

impl Scalar {
    /// `~`, `null` or nothing, written plain, or tagged `!!null`.
    pub fn is_null(&self) -> bool {
        match self.tag.as_deref() {
            Some(tag) => tag == "null",
            None => self.plain && matches!(self.text.as_str(), "" | "~" | "null" | "Null" | "NULL"),
        }
    }
}

impl Node {
    /// How many nodes this one holds, itself included, and how deep it nests.
    fn size_and_height(&self) -> (usize, usize) {
        match &self.kind {
            Kind::Scalar(_) => (1, 0),
            Kind::Seq(items) => items.iter().fold((1, 1), |(size, height), item| {
                let (s, h) = item.size_and_height();
                (size + s, height.max(h + 1))
            }),
            Kind::Map(pairs) => pairs.iter().fold((1, 1), |(size, height), (k, v)| {
                let (ks, kh) = k.size_and_height();
                let (vs, vh) = v.size_and_height();
                (size + ks + vs, height.max(kh.max(vh) + 1))
            }),
        }
    }

    /// A copy placed at `at` (an alias's copy is reported where the alias is).
    fn moved_to(&self, at: Pos) -> Node {
        let kind = match &self.kind {
            Kind::Scalar(s) => Kind::Scalar(s.clone()),
            Kind::Seq(items) => Kind::Seq(items.iter().map(|n| n.moved_to(at)).collect()),
            Kind::Map(pairs) => Kind::Map(
                pairs
                    .iter()
                    .map(|(k, v)| (k.moved_to(at), v.moved_to(at)))
                    .collect(),
            ),
        };
        Node { at, kind }
    }

    /// The key text a mapping compares, for a scalar key.
    fn key_text(&self) -> Option<&str> {
        match &self.kind {
            Kind::Scalar(s) => Some(&s.text),
            _ => None,
        }
    }
}

/// A collection being read.
struct Open {
    at: Pos,
    anchor: usize,
    items: Vec<Node>,
    /// Mappings: the keys seen, to refuse a second one; `None` for sequences.
    keys: Option<HashSet<String>>,
    /// Mappings: what merge keys (`<<`) bring in, applied at the end.
    merged: Vec<Node>,
}

/// The first document of `text` as a tree, or the first problem. A stream with no document
/// (only `...`) reads as null at its start.
pub(crate) fn parse(text: &str) -> Result<Node, Error> {
    let mut options = granit_parser::Options::default();
    options.emit_comments = false;
    let mut reader = Reader::default();
    for event in Parser::new_from_str_with_options(text, options) {
        let (event, span) = event.map_err(|e| {
            let at = Pos {
                line: e.marker().line(),
                col: e.marker().col() + 1,
            };
            Error::new(at, scan_message(e.kind(), e.info()))
        })?;
        reader.event(event, span)?;
    }
    Ok(reader.root.unwrap_or(Node {
        at: Pos { line: 1, col: 1 },
        kind: Kind::Scalar(Scalar {
            text: String::new(),
            plain: true,
            tag: None,
        }),
    }))
}

#[derive(Default)]
struct Reader {
    stack: Vec<Open>,
    root: Option<Node>,
    documents: usize,
    nodes: usize,
    aliases: usize,
    alias_nodes: usize,
    anchored_nodes: usize,
    /// Anchored nodes by id, with their size and height.
    anchors: HashMap<usize, (Node, usize, usize)>,
}

fn start(span: &Span) -> Pos {
    Pos {
        line: span.start.line(),
        col: span.start.col() + 1,
    }
}

impl Reader {
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), Error> {
        let at = start(&span);
        match event {
            Event::DocumentStart(..) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(Error::new(
                        at,
                        "a second YAML document (`---`); put each catalogue in its own file",
                    ));
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                self.count(at, 1)?;
                let scalar = Scalar {
                    text: text.into_owned(),
                    plain: style == ScalarStyle::Plain,
                    tag: tag.and_then(|t| t.core_suffix().map(str::to_owned)),
                };
                let node = Node {
                    at,
                    kind: Kind::Scalar(scalar),
                };
                self.anchor(anchor, &node, at)?;
                self.add(node)?;
            }
            Event::SequenceStart(_, anchor, _) => self.open(at, anchor, None)?,
            Event::MappingStart(_, anchor, _) => self.open(at, anchor, Some(HashSet::new()))?,
            Event::SequenceEnd | Event::MappingEnd => self.close()?,
            Event::Alias(id) => {
                self.aliases += 1;
                if self.aliases > MAX_ALIASES {
                    return Err(Error::new(
                        at,
                        format!(
                            "more than {MAX_ALIASES} YAML aliases (`*name`); write the values \
                             out instead"
                        ),
                    ));
                }
                // Recorded when its node is complete: an alias inside the node it names (which
                // would contain itself) finds nothing, like an alias before its anchor.
                let Some((node, size, height)) = self.anchors.get(&id) else {
                    return Err(Error::new(at, UNKNOWN_ANCHOR));
                };
                let (size, height) = (*size, *height);
                self.alias_nodes += size;
                if self.alias_nodes > MAX_ALIAS_NODES {
                    return Err(Error::new(at, ALIASES));
                }
                if self.stack.len() + height > MAX_DEPTH {
                    return Err(Error::new(at, depth_message()));
                }
                let copy = node.moved_to(at);
                self.count(at, size)?;
                self.add(copy)?;
            }
            _ => {}
        }
        Ok(())
    }

    fn count(&mut self, at: Pos, nodes: usize) -> Result<(), Error> {
        self.nodes += nodes;
        if self.nodes > MAX_NODES {
            return Err(Error::new(
                at,
                format!("more than {MAX_NODES} YAML nodes; split the catalogue into several files"),
            ));
        }
        Ok(())
    }

    fn anchor(&mut self, anchor: usize, node: &Node, at: Pos) -> Result<(), Error> {
        if anchor == 0 {
            return Ok(());
        }
        if self.anchors.len() >= MAX_ALIASES {
            return Err(Error::new(
                at,
                format!(
                    "more than {MAX_ALIASES} YAML anchors (`&name`); write the values out instead"
                ),
            ));
        }
        let (size, height) = node.size_and_height();
        self.anchored_nodes += size;
        if self.anchored_nodes > MAX_ALIAS_NODES {
            return Err(Error::new(at, ALIASES));
        }
        self.anchors.insert(anchor, (node.clone(), size, height));
        Ok(())
    }

    fn open(&mut self, at: Pos, anchor: usize, keys: Option<HashSet<String>>) -> Result<(), Error> {
        self.count(at, 1)?;
        if self.stack.len() >= MAX_DEPTH {
            return Err(Error::new(at, depth_message()));
        }
        self.stack.push(Open {
            at,
            anchor,
            items: Vec::new(),
            keys,
            merged: Vec::new(),
        });
        Ok(())
    }

    fn close(&mut self) -> Result<(), Error> {
        let Some(open) = self.stack.pop() else {
            return Ok(());
        };
        let kind = match open.keys {
            None => Kind::Seq(open.items),
            Some(mut keys) => {
                let mut items = open.items.into_iter();
                let mut pairs = Vec::new();
                while let (Some(k), Some(v)) = (items.next(), items.next()) {
                    pairs.push((k, v));
                }
                for merged in open.merged {
                    if let Kind::Map(more) = merged.kind {
                        for (k, v) in more {
                            if k.key_text().is_none_or(|text| keys.insert(text.to_owned())) {
                                pairs.push((k, v));
                            }
                        }
                    }
                }
                Kind::Map(pairs)
            }
        };
        let node = Node { at: open.at, kind };
        self.anchor(open.anchor, &node, open.at)?;
        self.add(node)
    }

    /// Puts a finished node where it belongs: the root, a list item, a key or a value.
    fn add(&mut self, node: Node) -> Result<(), Error> {
        let Some(open) = self.stack.last_mut() else {
            self.root.get_or_insert(node);
            return Ok(());
        };
        let Some(keys) = &mut open.keys else {
            open.items.push(node);
            return Ok(());
        };
        if open.items.len() % 2 == 1 {
            let key = &open.items[open.items.len() - 1];
            if matches!(&key.kind, Kind::Scalar(s) if s.plain && s.text == "<<") {
                open.items.pop();
                return merge(&mut open.merged, node);
            }
        } else if let Some(text) = node.key_text()
            && !keys.insert(text.to_owned())
        {
            return Err(Error::new(
                node.at,
                format!("`{text}` is given twice in this mapping; keep one"),
            ));
        }
        open.items.push(node);
        Ok(())
    }
}

/// A merge key's value: a mapping, or a list of mappings (the first one listed wins).
fn merge(merged: &mut Vec<Node>, value: Node) -> Result<(), Error> {
    const WHAT: &str = "a merge key (`<<`) takes a mapping or a list of mappings";
    match value.kind {
        Kind::Map(_) => merged.push(value),
        Kind::Seq(items) => {
            for item in items {
                if !matches!(item.kind, Kind::Map(_)) {
                    return Err(Error::new(item.at, WHAT));
                }
                merged.push(item);
            }
        }
        Kind::Scalar(_) => return Err(Error::new(value.at, WHAT)),
    }
    Ok(())
}

/// An alias bomb: anchors that expand beyond the limits.
const ALIASES: &str =
    "YAML anchors (`&name`) and aliases (`*name`) expand too far; write the values out instead";

const UNKNOWN_ANCHOR: &str =
    "this alias (`*name`) names no anchor (`&name`) complete before it; write the value out";

fn depth_message() -> String {
    format!("nested more than {MAX_DEPTH} levels deep; a catalogue needs 5 at most")
}

/// The parser's message in catalogue terms, chosen by the error's kind (never by its text,
/// which a parser release may reword).
fn scan_message(kind: &ErrorKind, info: String) -> String {
    match kind {
        // Far past MAX_DEPTH the parser's own nesting guard can stop first: the same problem.
        ErrorKind::RecursionLimitExceeded => depth_message(),
        ErrorKind::UnknownAnchor => UNKNOWN_ANCHOR.to_owned(),
        ErrorKind::UnclosedQuotedScalar => {
            "a quoted value starts here and its closing quote is missing".to_owned()
        }
        // The scanner can notice an unclosed quote only on a later line.
        ErrorKind::InvalidQuotedScalarIndent => {
            format!("{info}; is a quote on an earlier line left open?")
        }
        _ => info,
    }
}
