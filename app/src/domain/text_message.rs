//! What one text message (SMS) can hold: 160 characters of the phone network's basic alphabet
//! (GSM 03.38), or only 70 once any other character (a Czech "ř", a „quote“) is in it. Czech
//! news without its accents usually fits one message; with them it would take three.

/// Characters that keep a message in the basic alphabet (the extension table is left out: its
/// characters count twice).
const BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const BASIC_MAX: usize = 160;
const OTHER_MAX: usize = 70;

/// `text` as it is sent: unchanged when it fits one message as written; without accents and
/// with plain quotes and dashes when that makes it fit one; otherwise unchanged (it goes in
/// several parts, and the reader gets the accents back).
pub fn fitted(text: &str) -> String {
    if fits_one(text) {
        return text.to_owned();
    }
    let plain: String = super::plain_text::without_diacritics(text)
        .chars()
        .map(|c| match c {
            '„' | '“' | '”' | '«' | '»' => '"',
            '‚' | '‘' | '’' => '\'',
            '–' | '—' | '‑' => '-',
            '\u{a0}' | '\u{202f}' => ' ',
            other => other,
        })
        .collect::<String>()
        .replace('…', "...");
    if fits_one(&plain) {
        plain
    } else {
        text.to_owned()
    }
}

fn fits_one(text: &str) -> bool {
    let length = text.chars().count();
    if text.chars().all(|c| BASIC.contains(c)) {
        length <= BASIC_MAX
    } else {
        length <= OTHER_MAX
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_czech_keeps_its_accents() {
        assert_eq!(
            fitted("Spolu: Hlasujte o hřišti."),
            "Spolu: Hlasujte o hřišti."
        );
    }

    #[test]
    fn longer_czech_loses_accents_to_fit_one_message() {
        let text = "Spolu: Začalo hlasování „Nové lavičky u dětského hřiště“, můžete hlasovat \
                    do pátku 18:00. Výsledek vám pošleme.";
        let sent = fitted(text);
        assert_eq!(
            sent,
            "Spolu: Zacalo hlasovani \"Nove lavicky u detskeho hriste\", muzete hlasovat \
             do patku 18:00. Vysledek vam posleme."
        );
        assert!(fits_one(&sent));
    }

    #[test]
    fn too_long_either_way_is_left_as_written() {
        let text = format!("Spolu: {}", "ř".repeat(200));
        assert_eq!(fitted(&text), text);
    }

    #[test]
    fn characters_outside_any_alphabet_are_counted_as_such() {
        // An emoji keeps the message in the 70-character alphabet even without accents.
        let text = format!("🌻 {}", "a".repeat(100));
        assert_eq!(fitted(&text), text);
    }
}
