//! Reading input in bounded pieces: lines capped at a length, and UTF-8 decoding of a line that
//! arrives in several pieces, reporting where the first invalid byte was.

use std::io::{self, BufRead, ErrorKind};

/// How a call to [`read_capped`] ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    /// The line is complete: `buf` ends with `\n`.
    Line,
    /// `buf` reached the cap before a newline; the line goes on.
    Capped,
    /// End of input (`buf` may hold a last line without a newline, or nothing).
    Eof,
}

/// Appends bytes from `r` to `buf` up to and including the next `\n`, stopping once `buf` holds
/// `cap` bytes. Returns how it ended and adds the bytes read to `*count`.
pub(crate) fn read_capped<R: BufRead + ?Sized>(
    r: &mut R,
    buf: &mut Vec<u8>,
    cap: usize,
    count: &mut u64,
) -> io::Result<Piece> {
    loop {
        let room = cap.saturating_sub(buf.len());
        if room == 0 {
            return Ok(Piece::Capped);
        }
        let avail = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(Piece::Eof);
        }
        let window = avail.get(..room).unwrap_or(avail);
        let (take, done) = match memchr::memchr(b'\n', window) {
            Some(i) => (i + 1, true),
            None => (window.len(), false),
        };
        buf.extend_from_slice(window.get(..take).unwrap_or(window));
        r.consume(take);
        *count += take as u64;
        if done {
            return Ok(Piece::Line);
        }
    }
}

/// Decodes a line that arrives in pieces, replacing invalid sequences with U+FFFD and
/// remembering the byte offset (within the line) of the first one.
#[derive(Debug, Default)]
pub(crate) struct Utf8Pieces {
    /// The bytes of a sequence cut by the end of the last piece (at most 3).
    carry: Vec<u8>,
    /// Offset in the line of the next byte to decode (the carry's first, if any).
    offset: usize,
    /// Offset of the first invalid byte, if any.
    first_error: Option<usize>,
}

impl Utf8Pieces {
    /// Decodes `bytes` (the next piece of the line) into `out`.
    pub(crate) fn push(&mut self, bytes: &[u8], out: &mut String) {
        let mut joined;
        let mut rest: &[u8] = if self.carry.is_empty() {
            bytes
        } else {
            joined = core::mem::take(&mut self.carry);
            joined.extend_from_slice(bytes);
            &joined
        };
        // Offset of `rest[0]` in the line.
        let mut at = self.offset;
        loop {
            match core::str::from_utf8(rest) {
                Ok(s) => {
                    out.push_str(s);
                    at += rest.len();
                    break;
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    out.push_str(core::str::from_utf8(good).unwrap_or(""));
                    at += good.len();
                    match e.error_len() {
                        Some(n) => {
                            self.first_error.get_or_insert(at);
                            out.push(char::REPLACEMENT_CHARACTER);
                            at += n;
                            rest = bad.get(n..).unwrap_or(&[]);
                        }
                        None => {
                            self.carry = bad.to_vec();
                            break;
                        }
                    }
                }
            }
        }
        self.offset = at;
    }

    /// Ends the line: an incomplete sequence left over is invalid.
    pub(crate) fn finish(&mut self, out: &mut String) {
        if !self.carry.is_empty() {
            self.first_error.get_or_insert(self.offset);
            self.carry.clear();
            out.push(char::REPLACEMENT_CHARACTER);
        }
    }

    /// The byte offset in the line of the first invalid byte.
    pub(crate) fn first_error(&self) -> Option<usize> {
        self.first_error
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_capped_and_counted() {
        let data = b"ab\ncdefgh\nij";
        let mut r: &[u8] = data;
        let mut buf = Vec::new();
        let mut n = 0;
        assert_eq!(
            read_capped(&mut r, &mut buf, 4, &mut n).ok(),
            Some(Piece::Line)
        );
        assert_eq!(buf, b"ab\n");
        buf.clear();
        assert_eq!(
            read_capped(&mut r, &mut buf, 4, &mut n).ok(),
            Some(Piece::Capped)
        );
        assert_eq!(buf, b"cdef");
        assert_eq!(
            read_capped(&mut r, &mut buf, 8, &mut n).ok(),
            Some(Piece::Line)
        );
        assert_eq!(buf, b"cdefgh\n");
        buf.clear();
        assert_eq!(
            read_capped(&mut r, &mut buf, 8, &mut n).ok(),
            Some(Piece::Eof)
        );
        assert_eq!(buf, b"ij");
        assert_eq!(n, data.len() as u64);
    }

    #[test]
    fn utf8_split_across_pieces_and_errors_located() {
        let text = "Grüße 😀".as_bytes();
        for split in 0..=text.len() {
            let mut d = Utf8Pieces::default();
            let mut out = String::new();
            d.push(&text[..split], &mut out);
            d.push(&text[split..], &mut out);
            d.finish(&mut out);
            assert_eq!(out, "Grüße 😀");
            assert_eq!(d.first_error(), None);
        }
        let mut d = Utf8Pieces::default();
        let mut out = String::new();
        d.push(b"ok ", &mut out);
        d.push(b"\xff x \xe2\x82", &mut out);
        d.finish(&mut out);
        assert_eq!(out, "ok \u{FFFD} x \u{FFFD}");
        assert_eq!(d.first_error(), Some(3));
        let mut d = Utf8Pieces::default();
        let mut out = String::new();
        d.push(b"abc\xe2\x82", &mut out);
        d.finish(&mut out);
        assert_eq!(d.first_error(), Some(3));
    }
}
