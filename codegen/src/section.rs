//! Marked sections of hand-written files (the README's catalogue table, the manifest's
//! catalogue features): found by their marker lines, replaced without touching a byte outside.
//!
//! A marker counts only as a whole line of its own (trailing `\r` allowed), and a file must
//! have exactly one begin line and one end line after it: a sentence that quotes a marker is
//! never taken for it, and an ambiguous file is refused with the lines named rather than
//! guessed at.

use std::ops::Range;

/// The bytes from the start of the begin line to the end of the end line (its line break
/// excluded), or why the markers do not delimit one section.
pub(crate) fn locate(text: &str, begin: &str, end: &str) -> Result<Range<usize>, String> {
    let (mut begins, mut ends, mut quoted) = (Vec::new(), Vec::new(), Vec::new());
    let mut at = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let content = line.trim_end_matches('\n').trim_end_matches('\r');
        if content == begin {
            begins.push((n + 1, at));
        } else if content == end {
            ends.push((n + 1, at + content.len()));
        } else if content.contains(begin) || content.contains(end) {
            quoted.push(n + 1);
        }
        at += line.len();
    }
    let lines = |found: &[(usize, usize)]| {
        found
            .iter()
            .map(|(n, _)| n.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let note = if quoted.is_empty() {
        String::new()
    } else {
        let numbers: Vec<String> = quoted.iter().map(ToString::to_string).collect();
        format!(
            " (line(s) {} quote a marker inside other text, which does not count)",
            numbers.join(", ")
        )
    };
    match (begins.as_slice(), ends.as_slice()) {
        ([(_, start)], [(_, stop)]) if start < stop => Ok(*start..*stop),
        ([(b, _)], [(e, _)]) => Err(format!(
            "its end marker (line {e}) comes before its begin marker (line {b}){note}"
        )),
        ([], _) => Err(format!("has no line `{begin}` of its own{note}")),
        (_, []) => Err(format!("has no line `{end}` of its own{note}")),
        ([_], _) => Err(format!(
            "has the line `{end}` {} times (lines {}); keep exactly one{note}",
            ends.len(),
            lines(&ends)
        )),
        _ => Err(format!(
            "has the line `{begin}` {} times (lines {}); keep exactly one{note}",
            begins.len(),
            lines(&begins)
        )),
    }
}

/// `text` with its section between `begin` and `end` replaced by `section` (which starts with
/// the begin line and ends with the end line), or why it cannot be. The result is checked
/// before it is returned: it has one section again, and every byte before and after it is the
/// byte `text` had there.
pub(crate) fn splice(text: &str, begin: &str, end: &str, section: &str) -> Result<String, String> {
    let old = locate(text, begin, end)?;
    let new_text = format!("{}{section}{}", &text[..old.start], &text[old.end..]);
    let new = locate(&new_text, begin, end)
        .map_err(|why| format!("the new section would leave a file that {why}"))?;
    let (before, after) = (&text[..old.start], &text[old.end..]);
    if new_text.get(..new.start) != Some(before) || new_text.get(new.end..) != Some(after) {
        return Err("replacing the section would change text outside it".to_owned());
    }
    Ok(new_text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const B: &str = "<!-- begin -->";
    const E: &str = "<!-- end -->";

    #[test]
    fn a_quoted_marker_is_not_a_marker() {
        let text =
            format!("note: the table sits between `{B}` and `{E}`.\n\n{B}\nold\n{E}\ntail\n");
        let out = splice(&text, B, E, &format!("{B}\nnew\n{E}")).unwrap();
        assert_eq!(
            out,
            format!("note: the table sits between `{B}` and `{E}`.\n\n{B}\nnew\n{E}\ntail\n")
        );
    }

    #[test]
    fn markers_twice_missing_or_reversed_are_refused_naming_lines() {
        let twice = format!("{B}\n{E}\nx\n{B}\n{E}\n");
        let why = splice(&twice, B, E, "").unwrap_err();
        assert!(why.contains("2 times (lines 1, 4)"), "{why}");
        let only_quoted = format!("see {B} here\n");
        let why = locate(&only_quoted, B, E).unwrap_err();
        assert!(
            why.contains("no line") && why.contains("line(s) 1 quote"),
            "{why}"
        );
        let reversed = format!("{E}\n{B}\n");
        assert!(
            locate(&reversed, B, E)
                .unwrap_err()
                .contains("before its begin")
        );
    }

    #[test]
    fn crlf_lines_and_a_missing_final_newline_keep_every_outside_byte() {
        let text = format!("a\r\n{B}\r\nold\r\n{E}\r\nz");
        let out = splice(&text, B, E, &format!("{B}\nnew\n{E}")).unwrap();
        assert_eq!(out, format!("a\r\n{B}\nnew\n{E}\r\nz"));
    }

    #[test]
    fn a_section_that_would_add_a_marker_is_refused() {
        let text = format!("{B}\n{E}\n");
        let why = splice(&text, B, E, &format!("{B}\n{B}\n{E}")).unwrap_err();
        assert!(why.contains("new section"), "{why}");
    }
}
