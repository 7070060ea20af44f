//! Sorting through one shared compiled sort, to keep the browser module small.
//!
//! `slice::sort_by` is compiled anew for every element type and comparison, and each copy costs
//! kilobytes of WebAssembly. [`sort_by`] instead sorts the positions `0..len` with a single
//! compiled sort (the comparison goes through a `dyn Fn`), then moves the elements into place
//! along the cycles of that permutation. The result is exactly `slice::sort_by`'s: a stable sort,
//! `O(n log n)` comparisons, one allocation of `len` positions (none when `v` is already in order
//! or holds at most sixteen elements, which are sorted on the stack by insertion).

use core::cmp::Ordering;

/// Sorts `v` stably by `cmp`: the same order as `v.sort_by(cmp)`.
pub(crate) fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    // Already in order (often so for the few findings of one message): nothing to move.
    if v.windows(2).all(|w| cmp(&w[0], &w[1]) != Ordering::Greater) {
        return;
    }
    let by_position = {
        let v: &[T] = v;
        move |a: usize, b: usize| match (v.get(a), v.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        }
    };
    // Few elements (the findings of one message): sorted on the stack, without an allocation.
    let mut small = [0usize; SMALL];
    if let Some(order) = small.get_mut(..v.len()) {
        for (i, slot) in order.iter_mut().enumerate() {
            *slot = i;
        }
        insertion_sort_positions(order, &by_position);
        permute(v, order);
        return;
    }
    let mut order = sorted_positions(v.len(), &by_position);
    permute(v, &mut order);
}

/// Up to this many elements are sorted on the stack.
const SMALL: usize = 16;

/// Sorts `order` (positions) stably by `cmp`: for short lists, the same order as
/// [`sorted_positions`] gives.
#[inline(never)]
fn insertion_sort_positions(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    for i in 1..order.len() {
        let mut j = i;
        while j > 0 && cmp(order[j - 1], order[j]) == Ordering::Greater {
            order.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `v` stably by `key`: the same order as `v.sort_by_key(key)`.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The one compiled sort: the positions `0..len` in order by `cmp`.
#[inline(never)]
fn sorted_positions(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Rearranges `v` so that `v[i]` becomes the old `v[order[i]]`; `order` is a permutation of
/// `0..v.len()` and is left as the identity.
fn permute<T>(v: &mut [T], order: &mut [usize]) {
    for i in 0..order.len() {
        // Follow the cycle through `i`: each step fills `cur` from `src` with one swap.
        let mut cur = i;
        while let Some(&src) = order.get(cur) {
            if src == i || src >= v.len() {
                break;
            }
            v.swap(cur, src);
            if let Some(slot) = order.get_mut(cur) {
                *slot = cur;
            }
            cur = src;
        }
        if let Some(slot) = order.get_mut(cur) {
            *slot = cur;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (synthetic data, no external source).
    fn lcg(seed: &mut u64) -> u64 {
        *seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        *seed >> 33
    }

    #[test]
    fn matches_std_stable_sort() {
        let mut seed = 7;
        for len in 0..200 {
            let v: Vec<(u64, usize)> = (0..len).map(|i| (lcg(&mut seed) % 5, i)).collect();
            let mut ours = v.clone();
            let mut std = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "len {len}");
            let mut ours = v.clone();
            let mut std = v;
            sort_by_key(&mut ours, |x| core::cmp::Reverse(x.0));
            std.sort_by_key(|x| core::cmp::Reverse(x.0));
            assert_eq!(ours, std, "len {len}");
        }
    }

    #[test]
    fn sorted_and_reversed_inputs() {
        let mut v: Vec<u32> = (0..100).collect();
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, (0..100).rev().collect::<Vec<_>>());
        sort_by_key(&mut v, |&x| x);
        assert_eq!(v, (0..100).collect::<Vec<_>>());
        let mut one = vec![String::from("x")];
        sort_by_key(&mut one, |s| s.len());
        assert_eq!(one, ["x"]);
    }
}
