//! The counting pass of `--corpus-lines`: every document's distinct line keys, counted per group.
//!
//! Documents are hashed in parallel (plain files in chunks, shards in batches) and merged
//! into the index on one thread; since the index only adds counts, the result is the same
//! whatever the order and the thread count. Inputs that the cleaning pass will refuse
//! (unreadable, binary, too large, broken records) are left out here and reported there.

use super::{document_keys, group_key, CorpusIndex};
use crate::config::Config;
use crate::formats::jsonl::parse_record;
use crate::formats::reader::{content, read_batch, RecordReader};
use crate::formats::record::group_of;
use crate::formats::Compression;
use crate::walk::Job;
use rayon::prelude::*;

/// Plain files hashed between two merges.
const CHUNK: usize = 256;

/// The folder part of a display path: the default group of a document.
pub fn folder_of(display: &str) -> String {
    match std::path::Path::new(display).parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_string_lossy().into_owned(),
        _ => ".".into(),
    }
}

/// Count every job's documents.
pub fn build_index(
    jobs: impl Iterator<Item = Job>,
    config: &Config,
    pool: &rayon::ThreadPool,
) -> CorpusIndex {
    let mut index = CorpusIndex::default();
    let mut plain: Vec<Job> = Vec::with_capacity(CHUNK);
    for job in jobs {
        if config.records.is_jsonl(job.input()) {
            count_plain(&plain, config, pool, &mut index);
            plain.clear();
            count_shard(&job, config, pool, &mut index);
        } else {
            plain.push(job);
            if plain.len() == CHUNK {
                count_plain(&plain, config, pool, &mut index);
                plain.clear();
            }
        }
    }
    count_plain(&plain, config, pool, &mut index);
    index
}

/// Hash one chunk of plain files in parallel and merge their keys.
fn count_plain(chunk: &[Job], config: &Config, pool: &rayon::ThreadPool, index: &mut CorpusIndex) {
    let keyed: Vec<Option<(u64, Vec<u64>)>> = pool.install(|| {
        chunk
            .par_iter()
            .map(|job| {
                let size = std::fs::metadata(job.input()).ok()?.len();
                if size > config.max_file_bytes {
                    return None;
                }
                let bytes = std::fs::read(job.input()).ok()?;
                if crate::encoding::is_binary(&bytes, config.encoding) {
                    return None;
                }
                let group = group_key(&folder_of(&job.display()));
                Some((group, document_keys(group, &bytes)))
            })
            .collect()
    });
    for (group, keys) in keyed.into_iter().flatten() {
        index.add_document(group, &keys);
    }
}

fn count_shard(job: &Job, config: &Config, pool: &rayon::ThreadPool, index: &mut CorpusIndex) {
    let Ok(input) = Compression::of(job.input()).open(job.input()) else {
        return;
    };
    let folder = folder_of(&job.display());
    let mut reader = RecordReader::new(input, config.records.max_doc_bytes);
    loop {
        let Ok(batch) = read_batch(&mut reader) else {
            return;
        };
        let keyed: Vec<Option<(u64, Vec<u64>)>> = pool.install(|| {
            batch
                .lines
                .par_iter()
                .map(|(_, line)| {
                    let record = parse_record(content(line), &config.records).ok()?;
                    let group = group_of(&record, config, &folder);
                    Some((group, document_keys(group, record.text.as_bytes())))
                })
                .collect()
        });
        for (group, keys) in keyed.into_iter().flatten() {
            index.add_document(group, &keys);
        }
        if batch.long.is_some() && reader.finish_line(None).is_err() {
            return;
        }
        if batch.end {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_group_of_a_file_is_its_folder() {
        assert_eq!(folder_of("corpus/site-a/doc1.txt"), "corpus/site-a");
        assert_eq!(folder_of("doc1.txt"), ".");
        assert_eq!(folder_of("/abs/x.jsonl.gz"), "/abs");
    }
}
