//! `heapdump render`: a picture of the heap, one square cell per block, in PNG
//! or SVG. Free blocks are pale, allocations take a colour from their type
//! (tails a lighter shade of their head's), marks are yellow; the failing
//! blocks are red and their referrers are outlined in black (PNG: a dark cell
//! border; SVG: a stroke).
//!
//! Invariant: the picture's size is bounded whatever the heap's size (at most
//! 256 cells a row, cells shrink to one pixel for large heaps), so a hostile
//! block count cannot ask for a huge image beyond the blocks really present.

use crate::index::Index;
use crate::model::{Dump, Kind};
use crate::verify;
use std::collections::HashSet;

type Rgb = [u8; 3];

const FREE: Rgb = [236, 236, 236];
const MARK: Rgb = [240, 200, 40];
const FAIL: Rgb = [220, 20, 20];
const UNTYPED: Rgb = [70, 110, 180];
const OUTLINE: Rgb = [0, 0, 0];

/// A stable colour per type name, away from red and yellow.
fn type_colour(name: &str) -> Rgb {
    if name == "untyped" {
        return UNTYPED;
    }
    let h = name.bytes().fold(2166136261u32, |h, b| (h ^ u32::from(b)).wrapping_mul(16777619));
    let palette: [Rgb; 8] = [
        [46, 139, 87],
        [65, 105, 225],
        [138, 43, 226],
        [0, 139, 139],
        [199, 21, 133],
        [85, 107, 47],
        [210, 105, 30],
        [112, 128, 144],
    ];
    palette[(h % 8) as usize]
}

fn lighten(c: Rgb) -> Rgb {
    [c[0] / 2 + 120, c[1] / 2 + 120, c[2] / 2 + 120]
}

pub struct Picture {
    pub cols: u64,
    pub rows: u64,
    pub cell: u64,
    /// Per block: colour and whether it is outlined.
    pub cells: Vec<(Rgb, bool)>,
    /// What each colour means, for the SVG's legend.
    pub legend: Vec<(Rgb, String)>,
}

/// Colours every block; failing blocks come from verify and the FAIL section.
pub fn picture(dump: &Dump) -> Result<Picture, String> {
    let heap = dump.heap().ok_or("the dump holds no ATB and POOL: nothing to draw")?;
    let ix = Index::new(dump, heap);
    let report = verify::verify(dump)?;
    let mut failing: HashSet<u64> = HashSet::new();
    let mut referrers: HashSet<u64> = HashSet::new();
    for f in report.findings.iter().chain(report.recorded.iter()) {
        if let Some(b) = f.block {
            failing.insert(b);
        }
        if let Some(crate::mark::Source::Block { head, .. }) = &f.source {
            referrers.insert(*head);
        }
    }
    for f in &dump.failures {
        if let Some(b) = f.referrer_block {
            referrers.insert(b);
        }
    }
    let n = ix.n_blocks();
    let cols: u64 = if n <= 64 * 64 { 64 } else { 256 };
    let rows = n.div_ceil(cols).max(1);
    let cell = (2048 / rows).clamp(1, 8);
    let mut cells = Vec::with_capacity(n as usize);
    for b in 0..n {
        let k = ix.kind(b);
        let mut c = match k {
            Kind::Free => FREE,
            Kind::Mark => MARK,
            Kind::Head => type_colour(&ix.type_name(b)),
            Kind::Tail => match ix.head_of(b) {
                Some(h) => lighten(type_colour(&ix.type_name(h))),
                None => FAIL,
            },
        };
        if failing.contains(&b) {
            c = FAIL;
        }
        let outlined = ix.head_of(b).is_some_and(|h| referrers.contains(&h));
        cells.push((c, outlined));
    }
    let mut legend =
        vec![(FREE, "free".to_string()), (MARK, "marked".to_string()), (FAIL, "failing block".to_string())];
    let mut names: Vec<String> = heap.allocations().map(|(h, _)| ix.type_name(h)).collect();
    names.sort();
    names.dedup();
    for n in names.into_iter().take(16) {
        legend.push((type_colour(&n), n));
    }
    Ok(Picture { cols, rows, cell, cells, legend })
}

pub fn png(p: &Picture, out: &mut dyn std::io::Write) -> Result<(), String> {
    let w = (p.cols * p.cell) as usize;
    let h = (p.rows * p.cell) as usize;
    let mut img = vec![255u8; w * h * 3];
    for (i, &(c, outlined)) in p.cells.iter().enumerate() {
        let (cx, cy) = ((i as u64 % p.cols) * p.cell, (i as u64 / p.cols) * p.cell);
        for dy in 0..p.cell {
            for dx in 0..p.cell {
                let edge = dx == 0 || dy == 0 || dx + 1 == p.cell || dy + 1 == p.cell;
                let col = if outlined && (edge || p.cell < 3) { OUTLINE } else { c };
                let off = (((cy + dy) as usize) * w + (cx + dx) as usize) * 3;
                if let Some(px) = img.get_mut(off..off + 3) {
                    px.copy_from_slice(&col);
                }
            }
        }
    }
    let mut enc = png::Encoder::new(out, w as u32, h as u32);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    let mut wr = enc.write_header().map_err(|e| format!("cannot write PNG: {e}"))?;
    wr.write_image_data(&img).map_err(|e| format!("cannot write PNG: {e}"))?;
    wr.finish().map_err(|e| format!("cannot write PNG: {e}"))
}

pub fn svg(p: &Picture, out: &mut dyn std::io::Write) -> Result<(), String> {
    let cell = p.cell.max(4);
    const LEGEND_ROW: u64 = 16;
    let legend_h = LEGEND_ROW * (p.legend.len() as u64 + 2);
    let (w, h) = (p.cols * cell, p.rows * cell + legend_h);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" shape-rendering=\"crispEdges\">\n<rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>\n"
    );
    let hexc = |c: Rgb| format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2]);
    // Runs of equal cells within a row become one rect, keeping the file small.
    let mut i = 0usize;
    while i < p.cells.len() {
        let (c, outlined) = p.cells[i];
        let row = i as u64 / p.cols;
        let mut j = i + 1;
        while j < p.cells.len() && p.cells[j] == (c, outlined) && j as u64 / p.cols == row && !outlined {
            j += 1;
        }
        let x = (i as u64 % p.cols) * cell;
        let y = row * cell;
        let stroke = if outlined { " stroke=\"#000\" stroke-width=\"1\"" } else { "" };
        s.push_str(&format!(
            "<rect x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{cell}\" fill=\"{}\"{stroke}/>\n",
            (j - i) as u64 * cell,
            hexc(c)
        ));
        i = j;
    }
    let top = p.rows * cell + LEGEND_ROW;
    for (k, (c, label)) in p.legend.iter().enumerate() {
        let y = top + LEGEND_ROW * k as u64;
        s.push_str(&format!(
            "<rect x=\"4\" y=\"{y}\" width=\"12\" height=\"12\" fill=\"{}\"/><text x=\"22\" y=\"{}\" font-family=\"monospace\" font-size=\"12\">{}</text>\n",
            hexc(*c),
            y + 11,
            xml_escape(label)
        ));
    }
    let y = top + LEGEND_ROW * p.legend.len() as u64;
    s.push_str(&format!(
        "<rect x=\"4\" y=\"{y}\" width=\"12\" height=\"12\" fill=\"#fff\" stroke=\"#000\"/><text x=\"22\" y=\"{}\" font-family=\"monospace\" font-size=\"12\">outlined: refers to a failing block</text>\n",
        y + 11
    ));
    s.push_str("</svg>\n");
    out.write_all(s.as_bytes()).map_err(|e| format!("cannot write SVG: {e}"))
}

/// Type names come from the dump: escape them before they go into XML.
fn xml_escape(t: &str) -> String {
    t.chars()
        .map(|c| match c {
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '&' => "&amp;".to_string(),
            '"' => "&quot;".to_string(),
            c if c.is_control() => "?".to_string(),
            c => c.to_string(),
        })
        .collect()
}
