//! Short words as two machine words, and the open-addressing table the stopwords live in.
//!
//! Nearly every word is at most [`SHORT_KEY`] bytes; as a fixed-size key it is compared
//! and hashed in a few instructions instead of a byte-by-byte hash and memcmp. The topic
//! interner keys words with [`short_key`], the stopword table with [`padded_key`].

/// Entries up to this many bytes are kept in [`KeyTable`] as two machine words.
pub(super) const SHORT_KEY: usize = 16;

/// `word` (at most [`SHORT_KEY`] bytes) as two words that, with its length, tell it apart
/// from every other word of the same length: the first and last eight bytes (overlapping
/// when shorter than sixteen), the first and last four, or three of its bytes. Loads of a
/// fixed size compile to one instruction each, where a copy into a padded buffer calls memcpy.
/// The topic interner's key; the stopword table uses [`padded_key`].
#[inline]
pub(super) fn short_key(word: &[u8]) -> [u64; 2] {
    let n = word.len();
    let le8 = |at: usize| u64::from_le_bytes(word[at..at + 8].try_into().unwrap());
    let le4 = |at: usize| u64::from(u32::from_le_bytes(word[at..at + 4].try_into().unwrap()));
    match n {
        8.. => [le8(0), le8(n - 8)],
        4..=7 => [le4(0) | le4(n - 4) << 32, 0],
        1..=3 => [
            u64::from(word[0]) | u64::from(word[n / 2]) << 8 | u64::from(word[n - 1]) << 16,
            0,
        ],
        0 => [0, 0],
    }
}

/// `word` (at most [`SHORT_KEY`] bytes) as its bytes zero-padded to sixteen, in two
/// little-endian machine words: with its length, it tells it apart from every other word.
/// The parse gets the same two words by masking the lowercased window it copies a word's
/// key from (`word_facts.rs`), so a word is looked up without reading its key back.
#[inline]
pub(super) fn padded_key(word: &[u8]) -> [u64; 2] {
    let n = word.len();
    let le8 = |at: usize| u64::from_le_bytes(word[at..at + 8].try_into().unwrap());
    let le4 = |at: usize| u64::from(u32::from_le_bytes(word[at..at + 4].try_into().unwrap()));
    let byte = |at: usize| u64::from(word[at]) << (8 * at);
    // Overlapping loads put the shared bytes at the same places, so OR keeps them.
    match n {
        9.. => [le8(0), le8(n - 8) >> (8 * (16 - n))],
        8 => [le8(0), 0],
        4..=7 => [le4(0) | le4(n - 4) << (8 * (n - 4)), 0],
        1..=3 => [byte(0) | byte(n / 2) | byte(n - 1), 0],
        0 => [0, 0],
    }
}

/// Open addressing over the short entries: `slots` hold an index into `entries` plus one
/// (0 is empty) and stay at most a quarter full (64 KB), so a word that is no entry (half the
/// words of prose) is usually told by one empty slot, and a stopword by one comparison of two
/// words and a length.
/// It replaced a `HashMap<String, u32>` lookup (hash of the bytes, then memcmp), ~96
/// instructions per word.
#[derive(Debug)]
pub(super) struct KeyTable {
    slots: Vec<u16>,
    entries: Vec<Entry>,
    /// 64 minus log2 of `slots.len()`: the top bits of the product index the slots.
    shift: u32,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    key: [u64; 2],
    len: u32,
    mask: u32,
}

impl KeyTable {
    pub(super) fn build(words: &[(&str, u32)]) -> KeyTable {
        let bits = (words.len() * 4)
            .next_power_of_two()
            .trailing_zeros()
            .max(4);
        let mut table = KeyTable {
            slots: vec![0; 1 << bits],
            entries: Vec::with_capacity(words.len()),
            shift: 64 - bits,
        };
        assert!(words.len() < usize::from(u16::MAX), "slot indices are u16");
        for &(word, mask) in words {
            debug_assert!(word.len() <= SHORT_KEY);
            let key = padded_key(word.as_bytes());
            let len = word.len() as u32;
            let mut at = table.slot(key, len);
            while table.slots[at] != 0 {
                at = (at + 1) & (table.slots.len() - 1);
            }
            table.entries.push(Entry { key, len, mask });
            table.slots[at] = table.entries.len() as u16;
        }
        table
    }

    #[inline]
    fn slot(&self, key: [u64; 2], len: u32) -> usize {
        let mixed = key[0] ^ key[1].rotate_left(23) ^ u64::from(len);
        (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The mask of `word`, at most [`SHORT_KEY`] bytes long (0 when it is no entry).
    #[inline]
    pub(super) fn get(&self, word: &[u8]) -> u32 {
        self.get_key(padded_key(word), word.len() as u32)
    }

    /// The mask of the word of `len` bytes whose [`padded_key`] is `key`.
    #[inline]
    pub(super) fn get_key(&self, key: [u64; 2], len: u32) -> u32 {
        let mut at = self.slot(key, len);
        loop {
            let index = self.slots[at];
            if index == 0 {
                return 0;
            }
            let entry = &self.entries[usize::from(index) - 1];
            if entry.key == key && entry.len == len {
                return entry.mask;
            }
            at = (at + 1) & (self.slots.len() - 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padded_key_is_the_word_zero_padded_for_every_length() {
        let bytes: Vec<u8> = (1..=SHORT_KEY as u8)
            .map(|b| b.wrapping_mul(37) | 0x80)
            .collect();
        for len in 0..=SHORT_KEY {
            let mut padded = [0u8; 16];
            padded[..len].copy_from_slice(&bytes[..len]);
            let want = [
                u64::from_le_bytes(padded[..8].try_into().unwrap()),
                u64::from_le_bytes(padded[8..].try_into().unwrap()),
            ];
            assert_eq!(padded_key(&bytes[..len]), want, "{len}");
        }
    }
}
