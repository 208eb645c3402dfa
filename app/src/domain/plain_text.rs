//! Text without its accents: for search, sign-in names and text messages that must fit the
//! phone network's basic alphabet.
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// "Hřiště U Bloku 5" → "Hriste U Bloku 5".
pub fn without_diacritics(text: &str) -> String {
    text.nfd().filter(|c| !is_combining_mark(*c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn czech_letters_lose_their_accents_and_keep_their_case() {
        assert_eq!(
            without_diacritics("Příliš žluťoučký kůň ÚPĚL"),
            "Prilis zlutoucky kun UPEL"
        );
    }
}
