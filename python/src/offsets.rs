//! Byte offsets into a body → character offsets, as Python indexes a `str`
//! (one per code point, which is what a Rust `char` is).

/// The character offsets of `spans` (byte ranges on char boundaries of
/// `text`), in one pass over the text however many spans there are.
pub fn char_spans(text: &str, spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut bytes: Vec<usize> = spans.iter().flat_map(|&(s, e)| [s, e]).collect();
    bytes.sort_unstable();
    bytes.dedup();
    let mut chars = Vec::with_capacity(bytes.len());
    let (mut at_byte, mut at_char) = (0, 0);
    for &byte in &bytes {
        // A span off a boundary would be a bug upstream; count what is there.
        let end = byte.min(text.len());
        at_char += text
            .get(at_byte..end)
            .map_or(0, |part| part.chars().count());
        at_byte = at_byte.max(end);
        chars.push(at_char);
    }
    let to_char = |byte: usize| {
        bytes
            .binary_search(&byte)
            .map_or(0, |i| chars.get(i).copied().unwrap_or(0))
    };
    spans
        .iter()
        .map(|&(s, e)| (to_char(s), to_char(e)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::char_spans;

    #[test]
    fn character_offsets_slice_what_byte_offsets_slice() {
        let text = "Zelenskyj: «Ми переможемо», сказав він. “Déjà vu,” 🙂 said Ann.";
        let words = ["Ми переможемо", "Déjà vu,", "Ann"];
        let spans: Vec<(usize, usize)> = words
            .iter()
            .map(|w| {
                let start = text.find(w).unwrap();
                (start, start + w.len())
            })
            .collect();
        let chars: Vec<char> = text.chars().collect();
        for ((word, _), (s, e)) in words.iter().zip(&spans).zip(char_spans(text, &spans)) {
            assert_eq!(chars[s..e].iter().collect::<String>(), *word);
        }
    }

    #[test]
    fn no_spans_and_empty_text() {
        assert!(char_spans("", &[]).is_empty());
        assert_eq!(char_spans("", &[(0, 0)]), [(0, 0)]);
    }
}
