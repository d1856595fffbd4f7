//! Synthetic scraped sites for measuring `--corpus-lines`: each site wraps varied articles in
//! its own chrome (menu, follow-us line, promo, prose-like house notes, footer), and every
//! line is labelled `keep`, `chaff` or `blank`. Deterministic for a seed; all text invented.

pub mod grammar;
pub mod score;

use grammar::{Rng, Site};
use std::io::Write;
use std::path::Path;

/// One generated document: its lines and their labels.
pub struct Doc {
    pub lines: Vec<(String, &'static str)>,
}

impl Doc {
    pub fn text(&self) -> String {
        self.lines.iter().map(|(l, _)| format!("{l}\n")).collect()
    }

    pub fn labels(&self) -> String {
        self.lines.iter().map(|(_, k)| format!("{k}\n")).collect()
    }
}

/// A document of `site`: chrome around an article, each piece present most of the time.
pub fn document(site: &Site, rng: &mut Rng) -> Doc {
    let mut lines: Vec<(String, &'static str)> = Vec::new();
    let chaff = |lines: &mut Vec<(String, &'static str)>, text: &str, p: f64, rng: &mut Rng| {
        if rng.chance(p) {
            lines.push((text.to_string(), "chaff"));
        }
    };
    chaff(&mut lines, &site.name, 0.95, rng);
    for item in &site.menu {
        chaff(&mut lines, item, 0.9, rng);
    }
    chaff(&mut lines, &site.follow, 0.8, rng);
    lines.push((String::new(), "blank"));
    let topic = rng.pick(grammar::TOPICS);
    lines.push((grammar::headline(topic, rng), "keep"));
    lines.push((String::new(), "blank"));
    let paragraphs = 3 + rng.below(5);
    let mut stock_used = false;
    for p in 0..paragraphs {
        lines.push((grammar::paragraph(topic, rng), "keep"));
        if p == 1 {
            chaff(&mut lines, &site.promo, 0.7, rng);
        }
        if !stock_used && p + 1 < paragraphs && rng.chance(0.08) {
            // House prose repeated across the site, but part of the article: must stay.
            lines.push((site.stock_sentence.clone(), "keep"));
            stock_used = true;
        }
    }
    lines.push((String::new(), "blank"));
    chaff(&mut lines, &site.house_note, 0.85, rng);
    chaff(&mut lines, &site.newsletter, 0.75, rng);
    for item in &site.footer {
        chaff(&mut lines, item, 0.9, rng);
    }
    Doc { lines }
}

/// Write `sites` folders of `docs` plain-text documents (`doc-NNN.txt` + `doc-NNN.labels`).
pub fn write_corpus(out: &Path, sites: usize, docs: usize, seed: u64) -> std::io::Result<()> {
    let mut rng = Rng::new(seed);
    for s in 0..sites {
        let site = Site::new(s, &mut rng);
        let dir = out.join(format!("site-{s:02}"));
        std::fs::create_dir_all(&dir)?;
        for d in 0..docs {
            let doc = document(&site, &mut rng);
            std::fs::write(dir.join(format!("doc-{d:03}.txt")), doc.text())?;
            std::fs::write(dir.join(format!("doc-{d:03}.labels")), doc.labels())?;
        }
    }
    Ok(())
}

/// Write the same kind of corpus as one JSONL shard, sites interleaved, the site in a
/// `domain` field (no labels: for `--group-field` and memory runs).
pub fn write_shard(path: &Path, sites: usize, docs: usize, seed: u64) -> std::io::Result<()> {
    let mut rng = Rng::new(seed);
    let all: Vec<Site> = (0..sites).map(|s| Site::new(s, &mut rng)).collect();
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for d in 0..docs * sites {
        let site = &all[d % sites];
        let record = serde_json::json!({
            "id": format!("{}-{d}", site.domain),
            "domain": site.domain,
            "text": document(site, &mut rng).text(),
        });
        writeln!(out, "{record}")?;
    }
    out.flush()
}
