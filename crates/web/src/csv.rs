//! CSV as spreadsheets read it: text cells quoted where needed and never taken for a
//! formula (a leading `=`, `+`, `-`, `@`, tab or carriage return gets a `'`), numbers
//! written as they are, lines ended by CRLF. Shared by the API's files and the portal's
//! exports.

/// A text cell.
pub fn text(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// A line of already-made cells.
pub fn line<S: AsRef<str>>(cells: &[S]) -> String {
    let mut line = cells.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cells_are_quoted_and_never_formulas() {
        assert_eq!(text("plain"), "plain");
        assert_eq!(text("a,b"), "\"a,b\"");
        assert_eq!(text("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(text("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(text("-94.08"), "'-94.08", "a number is a number cell, not text");
        assert_eq!(line(&["a", "-1.5"]), "a,-1.5\r\n");
    }
}
