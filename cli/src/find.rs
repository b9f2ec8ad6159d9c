//! Finding catalogues and entries from what a person types, and close matches on a miss.
//!
//! Everything here goes through the served catalogues (`errcodes::catalogs()` and those of
//! `--catalog DIR`), `errcodes::catalog_in`, `Catalog::lookup` and the `Entry` accessors, so
//! every catalogue, built in or loaded, is served the same way.

use std::sync::OnceLock;

use errcodes::{Catalog, Entry, ParseError};

/// The catalogues of this run, sorted by id: errcodes' own and those loaded with `--catalog`.
static SERVED: OnceLock<Vec<&'static Catalog>> = OnceLock::new();

/// Serves `loaded` beside the built-in catalogues for the rest of the run. Called once, before
/// any lookup (a later call would change nothing).
pub fn serve(loaded: Vec<&'static Catalog>) {
    let mut all = errcodes::catalogs().to_vec();
    all.extend(loaded);
    all.sort_by_key(|c| c.id());
    let _ = SERVED.set(all);
}

/// Every served catalogue, sorted by id.
pub fn served() -> &'static [&'static Catalog] {
    SERVED.get_or_init(|| errcodes::catalogs().to_vec())
}

/// Every served catalogue, sorted by id.
pub fn catalogs() -> impl Iterator<Item = &'static Catalog> {
    served().iter().copied()
}

/// The served catalogue with exactly this id or slug (an entry's `catalog()`).
pub fn by_id(id: &str) -> Option<&'static Catalog> {
    errcodes::catalog_in(served(), id)
}

/// The catalogue named by its id (`knox::tag`) or slug (`knox-tag`); any case, and the
/// file-name spelling (`knox.tag`) too.
pub fn catalog(name: &str) -> Option<&'static Catalog> {
    let name = name.trim();
    by_id(name).or_else(|| catalogs().find(|c| c.slug() == normalize(name)))
}

/// The catalogues under a namespace that is not a catalogue itself (`knox` → `knox::tag`,
/// `knox::kdp`, …), sorted by id.
pub fn children(name: &str) -> Vec<&'static Catalog> {
    let prefix = format!("{}-", normalize(name.trim()));
    catalogs()
        .filter(|c| c.slug().starts_with(&prefix))
        .collect()
}

/// `Knox::Tag`, `knox.tag`, `knox_tag` → `knox-tag` (the slug rule: `::` and `_` become `-`).
fn normalize(name: &str) -> String {
    name.to_ascii_lowercase()
        .replace("::", "-")
        .replace(['.', '_'], "-")
}

/// The entry `text` names in `catalog`: its wire value in any accepted form (`0x13`, `13`,
/// `FF`), its spec name or an alias in any ASCII case when that picks a single entry: the
/// library's rule (`Catalog::lookup`, `parse`, serde), so the command and the crate agree.
pub fn entry(catalog: &Catalog, text: &str) -> Result<Entry, ParseError> {
    catalog.lookup(text.trim())
}

/// The entry of every catalogue that has `text` as a wire value or name.
pub fn everywhere(text: &str) -> Vec<Entry> {
    catalogs().filter_map(|c| entry(c, text).ok()).collect()
}

/// The spec name followed by the aliases.
pub fn names(e: Entry) -> impl Iterator<Item = &'static str> {
    std::iter::once(e.name()).chain(e.aliases())
}

/// How well an entry matches a search; lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    ExactName,
    NamePrefix,
    NameContains,
    DescriptionContains,
    /// Every word of a query of several words, anywhere in names and description.
    AllWords,
}

/// Entries whose name or alias, or else description, contains `text` (any case), best first:
/// exact name, name prefix, name contains, description contains; ties by catalogue id, then
/// wire value.
pub fn search(text: &str) -> Vec<Entry> {
    let needle = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let mut hits: Vec<(Rank, Entry)> = catalogs()
        .flat_map(|c| c.entries())
        .filter_map(|e| rank(&e, &needle).map(|r| (r, e)))
        .collect();
    hits.sort_by(|(ra, a), (rb, b)| {
        ra.cmp(rb)
            .then_with(|| a.catalog().cmp(b.catalog()))
            .then_with(|| a.value().cmp(&b.value()))
    });
    hits.into_iter().map(|(_, e)| e).collect()
}

fn rank(e: &Entry, needle: &str) -> Option<Rank> {
    let best = names(*e)
        .map(str::to_lowercase)
        .filter_map(|name| {
            if name == needle {
                Some(Rank::ExactName)
            } else if name.starts_with(needle) {
                Some(Rank::NamePrefix)
            } else if name.contains(needle) {
                Some(Rank::NameContains)
            } else {
                None
            }
        })
        .min();
    let description = e.description().to_lowercase();
    best.or_else(|| {
        description
            .contains(needle)
            .then_some(Rank::DescriptionContains)
    })
    .or_else(|| {
        let words: Vec<&str> = needle.split_whitespace().collect();
        let text: String = names(*e)
            .map(str::to_lowercase)
            .chain([description])
            .collect::<Vec<_>>()
            .join(" ");
        (words.len() > 1 && words.iter().all(|w| text.contains(w))).then_some(Rank::AllWords)
    })
}

/// Up to three of `candidates` within a small edit distance of `text` (any case), closest
/// first; ties keep the candidates' order. Duplicates are dropped.
pub fn close<'a>(text: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let text = text.trim().to_lowercase();
    let limit = (text.chars().count() / 3).max(1);
    let mut near: Vec<(usize, &str)> = Vec::new();
    for candidate in candidates {
        if near.iter().any(|(_, c)| *c == candidate) {
            continue;
        }
        let d = strsim::levenshtein(&text, &candidate.to_lowercase());
        if d <= limit && d < text.chars().count().max(1) {
            near.push((d, candidate));
        }
    }
    near.sort_by_key(|(d, _)| *d);
    near.into_iter().take(3).map(|(_, c)| c).collect()
}

/// Close catalogue ids and slugs for a catalogue name that matched none.
pub fn close_catalogs(name: &str) -> Vec<&'static str> {
    close(name, catalogs().flat_map(|c| [c.slug(), c.id()]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespaces_list_their_catalogues() {
        let ids: Vec<&str> = children("knox").iter().map(|c| c.id()).collect();
        assert!(
            ids.contains(&"knox::tag") && ids.contains(&"knox::kdp"),
            "{ids:?}"
        );
        assert!(ids.iter().all(|id| id.starts_with("knox::")));
        assert!(children("kno").is_empty());
    }

    #[test]
    fn close_keeps_the_nearest_three() {
        let names = ["beta", "alphas", "alpha", "alpa", "alphabet", "alpha"];
        assert_eq!(close("alpha", names), ["alpha", "alphas", "alpa"]);
        assert!(close("zz", names).is_empty());
    }

    #[test]
    fn catalogue_names_in_any_spelling() {
        for name in ["knox::tag", "knox-tag", "KNOX-TAG", "knox.tag", "knox_tag"] {
            assert_eq!(catalog(name).map(|c| c.id()), Some("knox::tag"), "{name}");
        }
        assert!(catalog("knox").is_none());
    }
}
