//! [`Table`]: a `Vec`, an array, a slice, a `str` or a `String` whose indexing panics from one
//! source location, to keep the browser module small.
//!
//! `v[i]` on a `Vec`, an array or a slice records the file, line and column of the expression for
//! its bounds-check panic: 16 bytes of data per call site in the WebAssembly module, and a distinct
//! constant in the code. (`Index::index` is `#[track_caller]` in its trait, so an impl of it
//! cannot stop that.) A `Table`'s `Index` impl indexes inside [`element`] and [`element_mut`],
//! plain functions, so every call site shares their location; the code is otherwise the same
//! (they are inlined). An index out of range is a bug either way: the panic names this file
//! instead of the caller's line.

use core::ops::{Deref, DerefMut, Index, IndexMut};
use core::slice::SliceIndex;

/// A `Vec<T>`, an array `[T; N]`, a slice `&[T]`, a `&str` or a `String` (the last three read
/// only) indexed with one shared panic location; everything else derefs to the container.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Table<C>(pub(crate) C);

impl<C> Deref for Table<C> {
    type Target = C;
    #[inline(always)]
    fn deref(&self) -> &C {
        &self.0
    }
}

impl<C> DerefMut for Table<C> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut C {
        &mut self.0
    }
}

impl<T, I: SliceIndex<[T]>> Index<I> for Table<Vec<T>> {
    type Output = I::Output;
    #[inline(always)]
    fn index(&self, index: I) -> &I::Output {
        element(&self.0, index)
    }
}

impl<T, I: SliceIndex<[T]>> IndexMut<I> for Table<Vec<T>> {
    #[inline(always)]
    fn index_mut(&mut self, index: I) -> &mut I::Output {
        element_mut(&mut self.0, index)
    }
}

impl<T, I: SliceIndex<[T]>> Index<I> for Table<&[T]> {
    type Output = I::Output;
    #[inline(always)]
    fn index(&self, index: I) -> &I::Output {
        element(self.0, index)
    }
}

impl<I: SliceIndex<str>> Index<I> for Table<&str> {
    type Output = I::Output;
    #[inline(always)]
    fn index(&self, index: I) -> &I::Output {
        str_part(self.0, index)
    }
}

impl<I: SliceIndex<str>> Index<I> for Table<String> {
    type Output = I::Output;
    #[inline(always)]
    fn index(&self, index: I) -> &I::Output {
        str_part(&self.0, index)
    }
}

impl<T, I: SliceIndex<[T]>, const N: usize> Index<I> for Table<[T; N]> {
    type Output = I::Output;
    #[inline(always)]
    fn index(&self, index: I) -> &I::Output {
        element(&self.0, index)
    }
}

impl<T, I: SliceIndex<[T]>, const N: usize> IndexMut<I> for Table<[T; N]> {
    #[inline(always)]
    fn index_mut(&mut self, index: I) -> &mut I::Output {
        element_mut(&mut self.0, index)
    }
}

/// `v[index]`, panicking (out of range) from this line whatever the caller.
#[inline(always)]
fn element<T, I: SliceIndex<[T]>>(v: &[T], index: I) -> &I::Output {
    &v[index]
}

/// `&s[index]`, panicking (out of range, or not on a character boundary) from this line whatever
/// the caller.
#[inline(always)]
fn str_part<I: SliceIndex<str>>(s: &str, index: I) -> &I::Output {
    &s[index]
}

/// `&mut v[index]`, panicking (out of range) from this line whatever the caller.
#[inline(always)]
fn element_mut<T, I: SliceIndex<[T]>>(v: &mut [T], index: I) -> &mut I::Output {
    &mut v[index]
}

#[cfg(test)]
mod tests {
    use super::Table;

    #[test]
    fn indexes_like_the_vec() {
        let mut t = Table(vec![1u32, 2, 3]);
        t[1] = 7;
        t.push(4);
        assert_eq!(t[1], 7);
        assert_eq!(&t[1..3], &[7, 3]);
        assert_eq!(t.len(), 4);
    }

    #[test]
    fn indexes_like_the_array() {
        let mut t = Table([1u8, 2, 3]);
        t[2] = 9;
        assert_eq!(&t[1..], &[2, 9]);
        assert_eq!(t.len(), 3);
    }

    #[test]
    fn indexes_like_the_slice() {
        let t = Table(&b"0151"[..]);
        assert_eq!(t[0], b'0');
        assert_eq!(&t[..2], b"01");
        assert_eq!(t.len(), 4);
    }

    #[test]
    fn slices_like_the_str() {
        let t = Table("née 12");
        assert_eq!(&t[..4], "née");
        assert_eq!(&t[5..], "12");
        assert_eq!(t.len(), 7);
    }

    #[test]
    #[should_panic]
    fn off_a_character_boundary_panics() {
        let t = Table("née");
        let _ = &t[..2];
    }

    #[test]
    #[should_panic]
    fn out_of_range_panics() {
        let t = Table(vec![1u32]);
        let _ = t[1];
    }
}
