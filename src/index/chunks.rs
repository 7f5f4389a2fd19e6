//! An append-only list whose full chunks are shared between copies.
//!
//! The reader reads a copy of the index while the index thread goes on
//! adding to its own; the quote records are most of an index's memory and
//! are only ever appended to (or, rarely, marked retired). Kept in chunks
//! behind `Arc`s, a copy shares every full chunk with the original and
//! costs only the chunk list: three copies of a 100,000-story index hold
//! the records once, not three times. A write to a shared chunk copies that
//! chunk first (copy on write).

use std::ops::{Index, IndexMut};
use std::sync::Arc;

/// Items per chunk: a copied chunk of records is 128 kB.
const CHUNK: usize = 4096;

#[derive(Debug, Clone)]
pub struct Chunks<T> {
    chunks: Vec<Arc<Vec<T>>>,
    len: usize,
}

impl<T> Default for Chunks<T> {
    fn default() -> Self {
        Chunks {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T: Clone> Chunks<T> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn push(&mut self, item: T) {
        match self.chunks.last_mut() {
            Some(last) if last.len() < CHUNK => Arc::make_mut(last).push(item),
            // A chunk grows as a vector does (a small index stays small),
            // up to CHUNK, a power of two.
            _ => self.chunks.push(Arc::new(vec![item])),
        }
        self.len += 1;
    }

    pub fn get(&self, i: usize) -> Option<&T> {
        self.chunks.get(i / CHUNK)?.get(i % CHUNK)
    }

    /// Bytes on the heap, shared chunks included.
    pub fn heap_size(&self) -> usize {
        self.chunks.capacity() * size_of::<Arc<Vec<T>>>()
            + self
                .chunks
                .iter()
                .map(|c| c.capacity() * size_of::<T>())
                .sum::<usize>()
    }
}

impl<T> Index<usize> for Chunks<T> {
    type Output = T;

    fn index(&self, i: usize) -> &T {
        &self.chunks[i / CHUNK][i % CHUNK]
    }
}

impl<T: Clone> IndexMut<usize> for Chunks<T> {
    fn index_mut(&mut self, i: usize) -> &mut T {
        &mut Arc::make_mut(&mut self.chunks[i / CHUNK])[i % CHUNK]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_as_a_list() {
        let mut list = Chunks::default();
        assert!(list.len() == 0 && list.get(0).is_none());
        for i in 0..CHUNK * 2 + 5 {
            list.push(i);
        }
        assert_eq!(list.len(), CHUNK * 2 + 5);
        assert_eq!(list[CHUNK + 3], CHUNK + 3);
        assert_eq!(list.get(CHUNK * 2 + 4), Some(&(CHUNK * 2 + 4)));
        assert!(list.get(CHUNK * 2 + 5).is_none());
        list[7] = 70;
        assert_eq!(list[7], 70);
    }

    #[test]
    fn copies_share_full_chunks_and_write_apart() {
        let mut list = Chunks::default();
        for i in 0..=CHUNK {
            list.push(i);
        }
        let copy = list.clone();
        assert!(Arc::ptr_eq(&list.chunks[0], &copy.chunks[0]));
        list[0] = 99;
        list.push(1);
        assert_eq!((list[0], copy[0]), (99, 0));
        assert_eq!((list.len(), copy.len()), (CHUNK + 2, CHUNK + 1));
        assert!(!Arc::ptr_eq(&list.chunks[0], &copy.chunks[0]));
    }
}
