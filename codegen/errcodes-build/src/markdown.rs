//! Catalogue text placed in Markdown (rustdoc and `docs/`), escaped for the place it lands:
//! no catalogue text may become code (a doctest!), a link, HTML, a heading, a list or a table
//! cell break.

/// Prose for a Markdown block: each line stripped of its indentation (no indented code
/// block), with characters that would start a block (`#`, `-`, `1.`, ```` ``` ````…) or
/// inline markup (links, HTML, emphasis, `|`) escaped. Single-backtick code spans are kept,
/// closed at the end of their line; longer backtick runs (fences) are escaped. Bare
/// `http(s)://` URLs become autolinks. Blank lines (paragraph breaks) are kept.
pub(crate) fn md(text: &str) -> String {
    text.lines()
        .map(|line| line_md(line.trim()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Prose on one line (for list items, headings and table cells).
pub(crate) fn inline(text: &str) -> String {
    md(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// `text` as a code span in a table cell: GitHub reads `|` as a cell break even inside a
/// code span, and shows `\|` there as `|`.
pub(crate) fn cell_code(text: &str) -> String {
    code(&text.replace('|', "\\|"))
}

/// `text` as a code span, whatever backticks it holds.
pub(crate) fn code(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if longest > 0 { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// An HTML attribute value.
pub(crate) fn attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A URL fragment (`#…`) naming the anchor `id`: everything but unreserved characters
/// percent-encoded, so spaces, `|` and `)` cannot end the link.
pub(crate) fn fragment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn line_md(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    // A character that would open a block at the start of a line.
    let mut chars = line.char_indices().peekable();
    if line.starts_with(['#', '-', '+', '=', '~', '_']) {
        out.push('\\');
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let mut in_code = false;
    while let Some((i, c)) = chars.next() {
        if c == '`' {
            let run = line[i..].chars().take_while(|c| *c == '`').count();
            for _ in 1..run {
                chars.next();
            }
            if run == 1 {
                in_code = !in_code;
                out.push('`');
            } else {
                if in_code {
                    out.push('`');
                    in_code = false;
                }
                out.push_str(&"\\`".repeat(run));
            }
            continue;
        }
        if in_code {
            out.push(c);
            continue;
        }
        if let Some(url) = url_at(&line[i..]) {
            out.push('<');
            out.push_str(url);
            out.push('>');
            for _ in 1..url.chars().count() {
                chars.next();
            }
            continue;
        }
        // `1.` or `1)` opening a line is an ordered list.
        let list_mark = i == digits && digits > 0 && matches!(c, '.' | ')');
        if list_mark || matches!(c, '\\' | '[' | ']' | '<' | '>' | '*' | '|' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    if in_code {
        out.push('`');
    }
    out
}

/// The bare `http(s)://` URL `text` starts with, without trailing punctuation.
fn url_at(text: &str) -> Option<&str> {
    if !(text.starts_with("https://") || text.starts_with("http://")) {
        return None;
    }
    let end = text
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`' | '\\'))
        .unwrap_or(text.len());
    let url = text[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '*', '|']);
    (url.len() > "https://".len()).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_prose_becomes_code_a_link_or_a_block() {
        let hostile = "First line.\n    assert!(false);\n```\nassert!(false);\n```\n# Heading\n\
                       - item\n1. item\n[click](javascript:alert(1)) <b>x</b> a|b `code *x*`\n\
                       ~~~\nsee https://example.com/a_(b). ok";
        let out = md(hostile);
        assert_eq!(
            out,
            "First line.\nassert!(false);\n\\`\\`\\`\nassert!(false);\n\\`\\`\\`\n\\# Heading\n\
             \\- item\n1\\. item\n\\[click\\](javascript:alert(1)) \\<b\\>x\\</b\\> a\\|b `code *x*`\n\
             \\~~~\nsee <https://example.com/a_(b)>. ok"
        );
    }

    #[test]
    fn an_open_code_span_closes_at_the_end_of_its_line() {
        assert_eq!(md("a `b\nc"), "a `b`\nc");
        assert_eq!(md("a `b`` c"), "a `b`\\`\\` c");
    }

    #[test]
    fn code_spans_and_fragments_hold_any_value() {
        assert_eq!(code("0x13"), "`0x13`");
        assert_eq!(code("a|b"), "`a|b`");
        assert_eq!(cell_code("a|b"), "`a\\|b`");
        assert_eq!(code("a`b"), "`` a`b ``");
        assert_eq!(fragment("a b|c)"), "a%20b%7Cc%29");
        assert_eq!(fragment("0x13"), "0x13");
    }
}
