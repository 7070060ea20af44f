//! Values lent per thread between calls: a call that needs scratch space (a vault, a hay's
//! lists) borrows this thread's and gives it back emptied, so the next call reuses the buffers
//! instead of allocating them anew (and, for a large text, mapping and faulting in fresh pages
//! past the allocator's mmap threshold). A nested call, finding the value lent, gets a fresh one.

use core::cell::RefCell;
use std::thread::LocalKey;

/// Runs `f` with the value `slot` holds on this thread, and calls `empty` on it when `f` returns
/// or unwinds (so nothing of one call is left for the next); a nested call, finding the value
/// lent, gets `fresh()` instead.
pub(crate) fn with_lent<T: 'static, R>(
    slot: &'static LocalKey<RefCell<T>>,
    fresh: impl FnOnce() -> T,
    empty: fn(&mut T),
    f: impl FnOnce(&mut T) -> R,
) -> R {
    /// Empties the lent value when dropped.
    struct Lent<'v, T> {
        value: &'v mut T,
        empty: fn(&mut T),
    }
    impl<T> Drop for Lent<'_, T> {
        fn drop(&mut self) {
            (self.empty)(self.value);
        }
    }
    slot.with(|cell| match cell.try_borrow_mut() {
        Ok(mut value) => {
            let lent = Lent {
                value: &mut *value,
                empty,
            };
            f(&mut *lent.value)
        }
        Err(_) => f(&mut fresh()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    std::thread_local! {
        static SLOT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }

    fn lend<R>(f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
        with_lent(&SLOT, Vec::new, Vec::clear, f)
    }

    #[test]
    fn a_lent_value_comes_back_empty_with_its_buffer_and_a_nested_call_gets_a_fresh_one() {
        let outer = lend(|v| {
            assert!(v.is_empty());
            v.extend_from_slice(b"first");
            let inner = lend(|w| {
                assert!(w.is_empty());
                w.push(1);
                w.as_ptr() != v.as_ptr()
            });
            (inner, v.as_ptr())
        });
        assert!(outer.0, "a nested call shares the lent buffer");
        SLOT.with(|s| {
            let kept = s.borrow();
            assert!(kept.is_empty() && kept.capacity() >= 5);
        });
        // The next call reuses the buffer.
        lend(|v| assert!(v.is_empty() && v.as_ptr() == outer.1));
        let unwound = std::panic::catch_unwind(|| {
            lend(|v| {
                v.push(7);
                panic!("synthetic");
            })
        });
        assert!(unwound.is_err());
        SLOT.with(|s| assert!(s.borrow().is_empty()));
    }
}
