//! Word -> small integer id for the topic words of one document (see `content.rs`).
//!
//! Nearly every content word is at most [`SHORT_KEY`] bytes, and such a word is told apart
//! from every other of its length by two machine words ([`short_key`], as the stopword table
//! does). Those words live in an open-addressing table of `(key, length, id)` slots: a lookup
//! is a few loads, a multiply and one slot compare, where a `HashMap<&[u8], u32>` hashed the
//! bytes, probed control groups and called memcmp (~60 instructions per word). The rare
//! longer or empty word goes to a map.

use super::lang::{short_key, SHORT_KEY};
use foldhash::{HashMap, HashMapExt};
use std::borrow::Cow;

/// A word's id, and whether the word was seen for the first time (so not yet in this line).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Id {
    pub id: u32,
    pub new: bool,
}

/// One slot of [`Interner::slots`]; `len` 0 marks it empty (empty words go to the map).
#[derive(Clone, Copy, Default)]
struct Slot {
    key: [u64; 2],
    len: u32,
    id: u32,
}

/// Word -> id while building. A long word borrowed from the document's keys is not copied;
/// one built in a buffer (lines of unspaced script) is.
pub(super) struct Interner<'d> {
    slots: Vec<Slot>,
    /// Occupied slots; kept at most half of `slots.len()` so misses end fast.
    short: usize,
    /// 64 minus log2 of `slots.len()`: the top bits of the mixed key index the slots.
    shift: u32,
    long: HashMap<Cow<'d, [u8]>, u32>,
}

impl<'d> Interner<'d> {
    /// Sized for a document of `words` words: about one in eight is distinct, and growing
    /// the table moves every word already in it.
    pub fn new(words: usize) -> Interner<'d> {
        let bits = (words / 4).next_power_of_two().trailing_zeros().max(4);
        Interner {
            slots: vec![Slot::default(); 1 << bits],
            short: 0,
            shift: 64 - bits,
            long: HashMap::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.short + self.long.len()
    }

    /// The id of a word borrowed from the document.
    #[inline(always)]
    pub fn id_of(&mut self, word: &'d [u8]) -> Id {
        if word.is_empty() || word.len() > SHORT_KEY {
            return self.long_id(Cow::Borrowed(word));
        }
        self.short_id(short_key(word), word.len() as u32)
    }

    /// The id of a word that lives only in a buffer.
    pub fn id_of_owned(&mut self, word: &[u8]) -> Id {
        if word.is_empty() || word.len() > SHORT_KEY {
            return self.long_id(Cow::Owned(word.to_vec()));
        }
        self.short_id(short_key(word), word.len() as u32)
    }

    #[inline(always)]
    fn short_id(&mut self, key: [u64; 2], len: u32) -> Id {
        let mask = self.slots.len() - 1;
        let mut at = self.slot(key, len);
        loop {
            let slot = &self.slots[at];
            if slot.len == 0 {
                break;
            }
            if slot.key == key && slot.len == len {
                return Id {
                    id: slot.id,
                    new: false,
                };
            }
            at = (at + 1) & mask;
        }
        let id = self.len() as u32;
        self.slots[at] = Slot { key, len, id };
        self.short += 1;
        if self.short * 2 > self.slots.len() {
            self.grow();
        }
        Id { id, new: true }
    }

    #[inline(always)]
    fn slot(&self, key: [u64; 2], len: u32) -> usize {
        // Fold the two words and the length into one, then multiply: the top bits of the
        // product depend on every bit of the key.
        let mixed = key[0] ^ key[1].rotate_left(29) ^ u64::from(len).rotate_left(53);
        let folded = u128::from(mixed ^ 0x243F_6A88_85A3_08D3) * 0x9E37_79B9_7F4A_7C15;
        (((folded >> 64) as u64 ^ folded as u64) >> self.shift) as usize
    }

    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); size]);
        self.shift -= 1;
        let mask = self.slots.len() - 1;
        for slot in old.into_iter().filter(|s| s.len != 0) {
            let mut at = self.slot(slot.key, slot.len);
            while self.slots[at].len != 0 {
                at = (at + 1) & mask;
            }
            self.slots[at] = slot;
        }
    }

    #[cold]
    #[inline(never)]
    fn long_id(&mut self, word: Cow<'d, [u8]>) -> Id {
        if let Some(&id) = self.long.get(word.as_ref()) {
            return Id { id, new: false };
        }
        let id = self.len() as u32;
        self.long.insert(word, id);
        Id { id, new: true }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let mut ids = Interner::new(8);
        let long = b"internationalisation".to_vec();
        assert_eq!(ids.id_of(b"tokyo"), Id { id: 0, new: true });
        assert_eq!(ids.id_of_owned(b"tokyo"), Id { id: 0, new: false });
        assert_eq!(ids.id_of_owned(&long), Id { id: 1, new: true });
        assert_eq!(ids.id_of(&long), Id { id: 1, new: false });
        assert_eq!(ids.len(), 2);
    }
}
