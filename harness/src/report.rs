//! Machine-readable reports: JUnit XML for CI services that draw test tables
//! (one test case per program and run, the program as the class), JSON via
//! serde on the summary types themselves.
//!
//! Invariant: everything interpolated into XML goes through `xml_escape`, and
//! characters XML 1.0 cannot carry at all are dropped, so an interpreter that
//! prints control bytes cannot make the report unreadable.

use crate::corpus::Summary;

pub fn xml_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            '\t' | '\n' | '\r' => o.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => o.push(c),
        }
    }
    o
}

pub fn junit(s: &Summary) -> String {
    let runs: Vec<_> = s.programs.iter().flat_map(|p| p.runs.iter().map(move |r| (p, r))).collect();
    let failures = runs.iter().filter(|(_, r)| !r.outcome.passed()).count();
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str(&format!(
        "<testsuites name=\"gctorture\" tests=\"{}\" failures=\"{failures}\" time=\"{:.3}\">\n",
        runs.len(),
        s.total_ms as f64 / 1000.0
    ));
    x.push_str(&format!("  <testsuite name=\"corpus\" tests=\"{}\" failures=\"{failures}\">\n", runs.len()));
    for (p, r) in runs {
        x.push_str(&format!(
            "    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3}\"",
            xml_escape(&p.program.display().to_string()),
            xml_escape(&r.label),
            r.wall_ms as f64 / 1000.0
        ));
        if r.outcome.passed() {
            x.push_str("/>\n");
        } else {
            x.push_str(&format!(
                ">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>\n",
                r.outcome.name(),
                xml_escape(&r.outcome.describe()),
                xml_escape(&format!(
                    "signature: {}\nfinding: {}\n{}",
                    r.signature.as_deref().unwrap_or("-"),
                    r.finding.as_ref().map(|f| f.display().to_string()).unwrap_or_else(|| "-".into()),
                    r.stderr_tail
                ))
            ));
        }
    }
    x.push_str("  </testsuite>\n</testsuites>\n");
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(xml_escape("a<b>&\"'\u{1}c\n"), "a&lt;b&gt;&amp;&quot;&apos;c\n");
    }
}
