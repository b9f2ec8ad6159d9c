//! The lists an [`Entry`] or a [`Catalog`](crate::Catalog) gives, as iterators of values.
//!
//! They hand out values (an [`Entry`] is a table and a row, a [`Source`] three texts), not
//! references into stored arrays, so how a catalogue stores its rows is not part of the API:
//! a catalogue does not have to keep an array of records, or of pointers to them, for a
//! lookup to point into (BENCHMARKS.md, "Flash footprint").

use core::fmt;
use core::iter::FusedIterator;
use core::ops::Range;

use crate::table::Table;
use crate::{Cause, DeviceName, Entry, Source};

/// A list iterator: `$name` yields `$item`, the item at position `i` of `$ctx` being `$get`.
/// Positions run over `0..$len`, the length of `$ctx` itself, so `$get` indexes in range.
macro_rules! list {
    ($(#[$doc:meta])* $name:ident: $item:ty, $ctx:ty,
     len |$lc:ident| $len:expr, get |$c:ident, $i:ident| $get:expr) => {
        $(#[$doc])*
        #[derive(Clone)]
        pub struct $name {
            ctx: $ctx,
            rows: Range<usize>,
        }

        impl $name {
            pub(crate) const fn new($lc: $ctx) -> $name {
                let len = $len;
                $name { ctx: $lc, rows: 0..len }
            }

            /// Whether no items are left (`len() == 0`).
            pub fn is_empty(&self) -> bool {
                self.rows.is_empty()
            }

            fn at(&self, $i: usize) -> $item {
                let $c = &self.ctx;
                $get
            }
        }

        impl Iterator for $name {
            type Item = $item;
            #[inline]
            fn next(&mut self) -> Option<$item> {
                let i = self.rows.next()?;
                Some(self.at(i))
            }
            fn size_hint(&self) -> (usize, Option<usize>) {
                self.rows.size_hint()
            }
            fn nth(&mut self, n: usize) -> Option<$item> {
                let i = self.rows.nth(n)?;
                Some(self.at(i))
            }
            fn count(self) -> usize {
                self.rows.len()
            }
            fn last(mut self) -> Option<$item> {
                self.next_back()
            }
        }

        impl DoubleEndedIterator for $name {
            fn next_back(&mut self) -> Option<$item> {
                let i = self.rows.next_back()?;
                Some(self.at(i))
            }
            fn nth_back(&mut self, n: usize) -> Option<$item> {
                let i = self.rows.nth_back(n)?;
                Some(self.at(i))
            }
        }

        impl ExactSizeIterator for $name {}
        impl FusedIterator for $name {}

        /// The items left, as a list.
        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_list().entries(self.clone()).finish()
            }
        }

        /// A sequence of the items left.
        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.clone())
            }
        }
    };
}

list! {
    /// A catalogue's entries in value order ([`Catalog::entries`](crate::Catalog::entries)).
    ///
    /// ```
    /// let nuki = errcodes::catalog("nuki").ok_or("no nuki")?;
    /// let last = nuki.entries().last().ok_or("empty")?;
    /// assert_eq!(last.wire(), "0xFF");
    /// assert_eq!(nuki.entries().len(), errcodes::nuki::Code::ALL.len());
    /// # Ok::<(), &str>(())
    /// ```
    Entries: Entry, &'static Table,
    len |table| table.rows(),
    get |table, row| Entry::at(table, row)
}

list! {
    /// An entry's other names ([`Entry::aliases`]).
    ///
    /// ```
    /// let entry = errcodes::lookup("nuki", "48")?;
    /// assert!(entry.aliases().any(|a| a == "K_ERROR_RECORDING_TIMEOUT"));
    /// # Ok::<(), errcodes::ParseError>(())
    /// ```
    Aliases: &'static str, &'static [&'static str],
    len |names| names.len(),
    get |names, i| names[i]
}

list! {
    /// Documents: those a catalogue comes from ([`Catalog::sources`](crate::Catalog::sources))
    /// or those an entry cites, the first one first ([`Entry::sources`]).
    ///
    /// ```
    /// let entry = errcodes::lookup("nuki", "13")?;
    /// assert_eq!(entry.sources().next(), Some(entry.source()));
    /// let official = entry.sources().filter(|s| s.is_official()).count();
    /// assert!(official >= 1);
    /// # Ok::<(), errcodes::ParseError>(())
    /// ```
    Sources: Source, SourceList,
    len |list| list.len(),
    get |list, i| list.at(i)
}

list! {
    /// The aliases that only one device type uses ([`Entry::device_names`]).
    ///
    /// ```
    /// let entry = errcodes::lookup("nuki", "48")?;
    /// let opener = entry.device_names().find(|d| d.device() == "Opener");
    /// assert_eq!(opener.map(|d| d.name()), Some("K_ERROR_RECORDING_TIMEOUT"));
    /// # Ok::<(), errcodes::ParseError>(())
    /// ```
    DeviceNames: DeviceName, &'static [DeviceName],
    len |names| names.len(),
    get |names, i| names[i]
}

list! {
    /// Documented distinct causes behind one code ([`Entry::causes`]).
    ///
    /// ```
    /// use errcodes::Action;
    ///
    /// let unauthorized = errcodes::lookup("tapkey", "401")?;
    /// assert_eq!(unauthorized.causes().len(), 3);
    /// assert!(unauthorized.causes().any(|c| c.action() == Action::RefreshCredentials));
    /// # Ok::<(), errcodes::ParseError>(())
    /// ```
    Causes: Cause, &'static [Cause],
    len |causes| causes.len(),
    get |causes, i| causes[i]
}

/// Where a [`Sources`] reads: a catalogue's documents or the ones an entry cites.
#[derive(Clone, Copy)]
pub(crate) enum SourceList {
    Catalog(&'static [Source]),
    Cited(&'static [&'static Source]),
}

impl SourceList {
    const fn len(&self) -> usize {
        match self {
            SourceList::Catalog(list) => list.len(),
            SourceList::Cited(list) => list.len(),
        }
    }

    fn at(&self, i: usize) -> Source {
        match self {
            SourceList::Catalog(list) => list[i],
            SourceList::Cited(list) => *list[i],
        }
    }
}

#[cfg(all(test, feature = "all-catalogues"))]
mod tests {
    extern crate std;
    use std::format;
    use std::vec::Vec;

    /// Every way to walk a list gives the same items: forwards, backwards, `nth` from either
    /// end, `last`, `count`, `len` as it shrinks, and `Debug` as the items' list.
    fn walks_alike<I>(list: &I)
    where
        I: ExactSizeIterator + DoubleEndedIterator + Clone + core::fmt::Debug,
        I::Item: PartialEq + core::fmt::Debug,
    {
        let items: Vec<I::Item> = list.clone().collect();
        let n = items.len();
        assert_eq!(list.len(), n);
        assert_eq!(list.clone().count(), n);
        let mut back: Vec<I::Item> = list.clone().rev().collect();
        back.reverse();
        assert_eq!(back, items);
        assert_eq!(list.clone().last().as_ref(), items.last());
        for i in 0..=n {
            assert_eq!(list.clone().nth(i).as_ref(), items.get(i));
            assert_eq!(
                list.clone().nth_back(i).as_ref(),
                n.checked_sub(i + 1).and_then(|j| items.get(j))
            );
        }
        let mut shrinking = list.clone();
        for left in (0..n).rev() {
            assert!(shrinking.next().is_some());
            assert_eq!(shrinking.len(), left);
        }
        assert_eq!((shrinking.next(), shrinking.next_back()), (None, None));
        assert_eq!(format!("{list:?}"), format!("{items:?}"));
    }

    /// What a caller may do with a list or an entry: keep it, send it, share it, print it.
    #[test]
    fn lists_and_entries_are_plain_values() {
        fn plain<T: Send + Sync + Clone + core::fmt::Debug + Unpin + 'static>() {}
        plain::<crate::Entry>();
        plain::<super::Entries>();
        plain::<super::Aliases>();
        plain::<super::Sources>();
        plain::<super::DeviceNames>();
        plain::<super::Causes>();
        assert_eq!(
            core::mem::size_of::<crate::Entry>(),
            2 * core::mem::size_of::<usize>()
        );
    }

    #[test]
    fn every_list_of_every_catalogue_walks_alike() {
        let mut lists = 0;
        for catalog in crate::catalogs() {
            walks_alike(&catalog.entries());
            walks_alike(&catalog.sources());
            assert!(!catalog.entries().is_empty() && !catalog.sources().is_empty());
            for entry in catalog.entries() {
                walks_alike(&entry.aliases());
                walks_alike(&entry.sources());
                walks_alike(&entry.device_names());
                walks_alike(&entry.causes());
                assert_eq!(entry.aliases().is_empty(), entry.aliases().count() == 0);
                let mut causes = entry.causes();
                while causes.next().is_some() {}
                assert!(causes.is_empty());
                assert_eq!(entry.sources().next(), Some(entry.source()));
                lists += 4;
            }
        }
        assert!(lists > 900, "{lists} lists");
    }
}
