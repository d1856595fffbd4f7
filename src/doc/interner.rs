//! Word -> small integer id for the topic words of one document (see `content.rs`).
//!
//! Nearly every content word is at most [`SHORT_KEY`] bytes, and such a word is told apart
//! from every other of its length by two machine words ([`short_key`], as the stopword table
//! does). Those words live in an open-addressing table of `(key, tag, run)` slots: a lookup
//! is a few loads, a multiply and one slot compare, where a `HashMap<&[u8], u32>` hashed the
//! bytes, probed control groups and called memcmp (~60 instructions per word). The rare
//! longer or empty word goes to a map.
//!
//! The table is kept per thread and reused by the next document: zeroing a fresh one per
//! document was ~12 K instructions (valgrind counts `rep stosb` per byte), about a tenth of
//! the build. A slot's tag holds the generation (document) that filled it, so slots of
//! earlier documents read as empty without being cleared.

use super::word_keys::{short_key, SHORT_KEY};
use foldhash::{HashMap, HashMapExt};
use std::borrow::Cow;
use std::cell::Cell;

/// A word's id, and where it last went into a line's pairs (see `LineRuns` in `content.rs`):
/// kept in the word's slot, which a lookup has at hand, rather than in a table by id.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Run {
    pub id: u32,
    /// The line (from 1) the word was last added to; 0 for a word just interned.
    pub line: u32,
    pub pair: u32,
}

/// Low bits of a tag hold the word's length (1..=16), the high bits its generation.
const LEN_BITS: u32 = 5;
const _: () = assert!(SHORT_KEY < 1 << LEN_BITS);
/// The first generation's base; tag 0 (a never-used slot) is below every base.
const FIRST_BASE: u32 = 1 << LEN_BITS;

/// One slot of [`Interner::slots`]; empty unless `tag` is at least the current base.
#[derive(Clone, Copy, Default)]
struct Slot {
    key: [u64; 2],
    tag: u32,
    run: Run,
}

/// The table a thread lends to its next document, and the base that document starts at.
#[derive(Default)]
struct Spare {
    slots: Vec<Slot>,
    base: u32,
}

/// Tables past this many slots (2 MB) are not kept, so one huge document does not pin
/// its table to the thread.
const KEEP_SLOTS: usize = 1 << 16;

thread_local! {
    static SPARE: Cell<Spare> = Cell::new(Spare::default());
}

/// Word -> id while building. A long word borrowed from the document's keys is not copied;
/// one built in a buffer (lines of unspaced script) is.
pub(super) struct Interner<'d> {
    /// The thread's table; this document uses its first `1 << (64 - shift)` slots.
    slots: Vec<Slot>,
    /// This document's generation, shifted past the length bits.
    base: u32,
    /// Occupied slots; kept at most half of the used prefix so misses end fast.
    short: usize,
    /// 64 minus log2 of the used prefix: the top bits of the mixed key index the slots.
    shift: u32,
    /// The used prefix's length minus one.
    mask: usize,
    long: HashMap<Cow<'d, [u8]>, Run>,
}

impl<'d> Interner<'d> {
    /// Sized for a document of `words` words: about one in eight is distinct, and growing
    /// the table moves every word already in it.
    pub fn new(words: usize) -> Interner<'d> {
        let Spare { slots, base } = SPARE.take();
        Interner::with_table(words, slots, base)
    }

    /// `base` 0 is a thread's first document.
    fn with_table(words: usize, mut slots: Vec<Slot>, base: u32) -> Interner<'d> {
        let bits = (words / 4).next_power_of_two().trailing_zeros().max(4);
        if slots.len() < 1 << bits {
            // Only for a thread's largest document so far; new slots are zero, below every
            // base.
            slots.resize(1 << bits, Slot::default());
        }
        Interner {
            slots,
            base: base.max(FIRST_BASE),
            short: 0,
            shift: 64 - bits,
            mask: (1 << bits) - 1,
            long: HashMap::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.short + self.long.len()
    }

    /// The run of a word borrowed from the document.
    #[inline(always)]
    pub fn run_of(&mut self, word: &'d [u8]) -> &mut Run {
        if word.is_empty() || word.len() > SHORT_KEY {
            return self.long_id(Cow::Borrowed(word));
        }
        self.short_id(short_key(word), word.len() as u32)
    }

    /// The run of a word that lives only in a buffer.
    pub fn run_of_owned(&mut self, word: &[u8]) -> &mut Run {
        if word.is_empty() || word.len() > SHORT_KEY {
            return self.long_id(Cow::Owned(word.to_vec()));
        }
        self.short_id(short_key(word), word.len() as u32)
    }

    #[inline(always)]
    fn short_id(&mut self, key: [u64; 2], len: u32) -> &mut Run {
        let mask = self.mask;
        let tag = self.base | len;
        let mut at = self.slot(key);
        loop {
            let slot = &self.slots[at];
            if slot.tag < self.base {
                break;
            }
            if slot.key == key && slot.tag == tag {
                return &mut self.slots[at].run;
            }
            at = (at + 1) & mask;
        }
        if (self.short + 1) * 2 > self.mask {
            return self.grow_and_add(key, len);
        }
        let id = self.len() as u32;
        self.short += 1;
        let slot = &mut self.slots[at];
        *slot = Slot {
            key,
            tag,
            run: Run {
                id,
                ..Run::default()
            },
        };
        &mut slot.run
    }

    #[inline(always)]
    fn slot(&self, key: [u64; 2]) -> usize {
        // One multiply; its top bits depend on every bit of the folded key. The length is
        // left out: the tag holds it, and words whose keys agree but lengths differ ("aa",
        // "aaa") are rare enough to share a slot's neighbourhood (-4.3 M instructions on
        // the generated corpus against a 128-bit fold with the length).
        let mixed = key[0] ^ key[1].rotate_left(29);
        (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// Grows before the word goes in, so the slot returned stays where it is.
    #[cold]
    #[inline(never)]
    fn grow_and_add(&mut self, key: [u64; 2], len: u32) -> &mut Run {
        self.grow();
        self.short_id(key, len)
    }

    /// Doubles the prefix in use. Its live slots are set aside and put back under a new
    /// generation, which empties the whole prefix at once.
    fn grow(&mut self) {
        let live: Vec<Slot> = self.slots[..=self.mask]
            .iter()
            .filter(|s| s.tag >= self.base)
            .copied()
            .collect();
        self.base = self.next_base();
        self.shift -= 1;
        self.mask = self.mask * 2 + 1;
        let mask = self.mask;
        if self.slots.len() <= mask {
            self.slots.resize(mask + 1, Slot::default());
        }
        let len_mask = (1 << LEN_BITS) - 1;
        for slot in live {
            let len = slot.tag & len_mask;
            let mut at = self.slot(slot.key);
            while self.slots[at].tag >= self.base {
                at = (at + 1) & mask;
            }
            self.slots[at] = Slot {
                tag: self.base | len,
                ..slot
            };
        }
    }

    /// The base after this one; at the wrap every slot is cleared first.
    fn next_base(&mut self) -> u32 {
        let next = self.base.wrapping_add(FIRST_BASE);
        if next == 0 {
            self.slots.fill(Slot::default());
            return FIRST_BASE;
        }
        next
    }

    #[cold]
    #[inline(never)]
    fn long_id(&mut self, word: Cow<'d, [u8]>) -> &mut Run {
        let id = self.len() as u32;
        self.long.entry(word).or_insert(Run {
            id,
            ..Run::default()
        })
    }
}

impl Drop for Interner<'_> {
    fn drop(&mut self) {
        if self.slots.len() <= KEEP_SLOTS {
            let base = self.next_base();
            let slots = std::mem::take(&mut self.slots);
            SPARE.set(Spare { slots, base });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word's id, and whether it was new (its run never used).
    #[derive(Clone, Copy, Debug, PartialEq)]
    struct Id {
        id: u32,
        new: bool,
    }

    /// What a lookup tells the caller, marking the run used as `LineRuns` would.
    fn seen(run: &mut Run) -> Id {
        let new = run.line == 0;
        run.line = 1;
        Id { id: run.id, new }
    }

    impl<'d> Interner<'d> {
        fn id_of(&mut self, word: &'d [u8]) -> Id {
            seen(self.run_of(word))
        }

        fn id_of_owned(&mut self, word: &[u8]) -> Id {
            seen(self.run_of_owned(word))
        }
    }

    /// Ids as the former `HashMap` interner gave them: in order of first occurrence.
    fn by_map(words: &[Vec<u8>]) -> Vec<Id> {
        let mut map: std::collections::HashMap<&[u8], u32> = Default::default();
        words
            .iter()
            .map(|w| {
                let next = map.len() as u32;
                let id = *map.entry(w.as_slice()).or_insert(next);
                Id {
                    id,
                    new: id == next,
                }
            })
            .collect()
    }

    #[test]
    fn ids_follow_first_occurrence_for_every_length_and_near_miss() {
        let mut words: Vec<Vec<u8>> = vec![Vec::new(), b"x".repeat(40), b"x".repeat(40)];
        for len in 0..=SHORT_KEY + 4 {
            for fill in [b'a', b'e', b'z', 0, 0xc3] {
                let word: Vec<u8> = (0..len).map(|i| fill.wrapping_add((i % 3) as u8)).collect();
                for at in 0..len {
                    // One byte changed, or one fewer: what a packed key could confuse.
                    let mut changed = word.clone();
                    changed[at] ^= 0x01;
                    words.push(changed);
                    let mut shorter = word.clone();
                    shorter.remove(at);
                    words.push(shorter);
                }
                words.push(word);
            }
        }
        // Enough distinct words to grow the table several times, then all of them again.
        words.extend((0..5000u32).map(|n| format!("w{n}").into_bytes()));
        let again = words.clone();
        words.extend(again);
        let want = by_map(&words);
        let mut borrowed = Interner::new(16);
        let got: Vec<Id> = words.iter().map(|w| borrowed.id_of(w)).collect();
        assert_eq!(got, want);
        let mut owned = Interner::new(16);
        let got: Vec<Id> = words.iter().map(|w| owned.id_of_owned(w)).collect();
        assert_eq!(got, want);
        assert_eq!(owned.len(), want.iter().filter(|id| id.new).count());
    }

    #[test]
    fn a_word_has_one_id_whether_borrowed_or_owned() {
        let long = b"internationalisation".to_vec();
        let mut ids = Interner::new(8);
        assert_eq!(ids.id_of(b"tokyo"), Id { id: 0, new: true });
        assert_eq!(ids.id_of_owned(b"tokyo"), Id { id: 0, new: false });
        assert_eq!(ids.id_of_owned(&long), Id { id: 1, new: true });
        assert_eq!(ids.id_of(&long), Id { id: 1, new: false });
        assert_eq!(ids.len(), 2);
    }

    /// Words `from..to` as `w{n}` (with repeats), a document's worth.
    fn doc_words(from: u32, to: u32) -> Vec<Vec<u8>> {
        let words: Vec<Vec<u8>> = (from..to).map(|n| format!("w{n}").into_bytes()).collect();
        words.iter().chain(words.iter().rev()).cloned().collect()
    }

    fn ids_in(ids: &mut Interner<'_>, words: &[Vec<u8>]) -> Vec<Id> {
        words.iter().map(|w| ids.id_of_owned(w)).collect()
    }

    #[test]
    fn a_reused_table_answers_each_document_alone_whatever_its_size() {
        // Big, small, big again and tiny, with shared words: slots left by one document
        // must read as empty in the next, whose prefix may be smaller or larger.
        for (from, to) in [(0, 3000), (10, 40), (5, 9000), (0, 2), (7, 200), (0, 3000)] {
            let words = doc_words(from, to);
            let mut ids = Interner::new(words.len());
            assert_eq!(ids_in(&mut ids, &words), by_map(&words), "{from}..{to}");
        }
    }

    #[test]
    fn generations_wrap_around_with_the_table_cleared() {
        let last = !(FIRST_BASE - 1);
        let table = |words: usize, base: u32| Interner::with_table(words, SPARE.take().slots, base);
        let big = doc_words(0, 5000);
        // The last generation fills a table large enough not to grow...
        let mut ids = table(40_000, last);
        assert_eq!(ids_in(&mut ids, &big), by_map(&big));
        drop(ids);
        let spare = SPARE.take();
        assert_eq!((spare.base, spare.slots.len()), (FIRST_BASE, 1 << 14));
        assert!(spare.slots.iter().all(|s| s.tag == 0));
        SPARE.set(spare);
        // ...and the first one again must not see its slots as live (a small prefix full
        // of them would never end a probe).
        let small = doc_words(3, 9);
        let mut ids = table(16, FIRST_BASE);
        assert_eq!(ids_in(&mut ids, &small), by_map(&small));
        drop(ids);
        // A document that grows past the wrap keeps its own words.
        let mut ids = table(16, last);
        assert_eq!(ids_in(&mut ids, &big), by_map(&big));
    }
}
