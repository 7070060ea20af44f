//! Buffers kept per thread between calls: one [`crate::Guard::check`] lends its vault, its
//! candidate lists and the other per-text working lists from here instead of allocating and
//! freeing them for every message (and, for a long text, instead of mapping and faulting in
//! fresh pages each call once a buffer passes the allocator's mapping threshold).
//!
//! Each kind of buffer has one spare slot per thread ([`Spare`]). [`lend`] hands the spare to a
//! closure and takes it back, emptied ([`Reuse::empty_for_reuse`]: a vault is wiped), when the
//! closure returns or unwinds; [`take`] and [`give_back`] do the same for a buffer owned by a
//! value that outlives a closure (given back by its `Drop`). A nested or concurrent use on the
//! same thread finds the slot empty and gets a fresh buffer, and a buffer grown past what is worth
//! keeping is freed instead of kept.

use core::cell::Cell;
use std::thread::LocalKey;

/// The spare buffer of one kind on a thread: declare with
/// `std::thread_local!(static NAME: Cell<Option<T>> = const { Cell::new(None) })`.
pub(crate) type Spare<T> = LocalKey<Cell<Option<T>>>;

/// The most bytes a kept list may hold: a larger one (from a text of more than a few hundred
/// KiB) is freed, so a thread keeps a few MiB at most.
pub(crate) const KEEP_BYTES: usize = 1 << 20;

/// A buffer that can be kept for the next call.
pub(crate) trait Reuse: Default {
    /// Empties the buffer (wiping what must not linger); false when it should be freed rather
    /// than kept.
    fn empty_for_reuse(&mut self) -> bool;
}

impl<T> Reuse for Vec<T> {
    fn empty_for_reuse(&mut self) -> bool {
        self.clear();
        self.capacity().saturating_mul(core::mem::size_of::<T>()) <= KEEP_BYTES
    }
}

/// A large value lent boxed, so lending moves a pointer, not the value.
impl<T: Reuse> Reuse for Box<T> {
    fn empty_for_reuse(&mut self) -> bool {
        T::empty_for_reuse(self)
    }
}

/// The thread's spare buffer of `spare`'s kind, empty; a new one when it is in use already.
pub(crate) fn take<T: Reuse + 'static>(spare: &'static Spare<T>) -> T {
    spare
        .try_with(Cell::take)
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// Empties `buf` and keeps it as the thread's spare of its kind, unless it grew too large.
pub(crate) fn give_back<T: Reuse + 'static>(spare: &'static Spare<T>, mut buf: T) {
    if buf.empty_for_reuse() {
        // During thread teardown the slot may be gone: the buffer is then simply dropped.
        let _ = spare.try_with(|slot| slot.set(Some(buf)));
    }
}

/// Runs `f` with the thread's spare buffer of `spare`'s kind (empty), given back when `f`
/// returns or unwinds.
pub(crate) fn lend<T: Reuse + 'static, R>(
    spare: &'static Spare<T>,
    f: impl FnOnce(&mut T) -> R,
) -> R {
    /// Gives the buffer back when dropped.
    struct Lent<T: Reuse + 'static> {
        spare: &'static Spare<T>,
        buf: Option<T>,
    }
    impl<T: Reuse + 'static> Drop for Lent<T> {
        fn drop(&mut self) {
            if let Some(buf) = self.buf.take() {
                give_back(self.spare, buf);
            }
        }
    }
    let mut lent = Lent {
        spare,
        buf: Some(take(spare)),
    };
    f(lent.buf.get_or_insert_with(T::default))
}

#[cfg(test)]
mod tests {
    use super::*;

    std::thread_local! {
        static NUMBERS: Cell<Option<Vec<u32>>> = const { Cell::new(None) };
    }

    #[test]
    fn a_lent_buffer_comes_back_empty_and_keeps_its_room() {
        let room = lend(&NUMBERS, |v| {
            v.extend(0..100);
            v.capacity()
        });
        lend(&NUMBERS, |v| {
            assert!(v.is_empty());
            assert_eq!(v.capacity(), room);
            // Nested: the spare is lent out, so a fresh one.
            lend(&NUMBERS, |inner| assert_eq!(inner.capacity(), 0));
        });
    }

    #[test]
    fn a_buffer_too_large_to_keep_is_freed() {
        lend(&NUMBERS, |v| v.reserve(KEEP_BYTES / 4 + 1));
        lend(&NUMBERS, |v| assert_eq!(v.capacity(), 0));
    }

    #[test]
    fn a_buffer_comes_back_after_a_panic() {
        let caught = std::panic::catch_unwind(|| {
            lend(&NUMBERS, |v| {
                v.extend(0..10);
                panic!("unwinds");
            })
        });
        assert!(caught.is_err());
        lend(&NUMBERS, |v| {
            assert!(v.is_empty());
            assert!(v.capacity() >= 10);
        });
    }
}
