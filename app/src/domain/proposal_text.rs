//! The title and the text of a proposal: plain text, trimmed, within their lengths.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String")]
pub struct ProposalTitle(String);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String")]
pub struct ProposalBody(String);

impl ProposalTitle {
    pub const MAX: usize = 80;

    /// One line: runs of whitespace (line breaks too) become one space.
    pub fn parse(input: &str) -> Result<Self, &'static str> {
        let title = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if title.is_empty() {
            return Err("error-title-missing");
        }
        if title.chars().count() > Self::MAX {
            return Err("error-title-long");
        }
        Ok(ProposalTitle(title))
    }

    /// A title made from the start of the text, for someone who wrote only what should change:
    /// its first line, cut after a whole word with "…" when longer than a title may be.
    pub fn from_body(body: &ProposalBody) -> Self {
        let first_line = body.as_str().lines().find(|l| !l.trim().is_empty());
        let words = first_line.unwrap_or_default().split_whitespace();
        let mut title = String::new();
        for word in words {
            let longer =
                title.chars().count() + usize::from(!title.is_empty()) + word.chars().count();
            // Room for the "…" that says the title goes on in the text.
            if longer > Self::MAX - 1 {
                if title.is_empty() {
                    title = word.chars().take(Self::MAX - 1).collect();
                }
                title.push('…');
                return ProposalTitle(title);
            }
            if !title.is_empty() {
                title.push(' ');
            }
            title.push_str(word);
        }
        ProposalTitle(title)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Text of several lines as people type it: `\r\n` becomes `\n`, control characters and
/// trailing spaces go, blank lines at the start and end go. Shared by proposals and comments.
pub fn clean_multiline(input: &str) -> String {
    let text = input
        .replace("\r\n", "\n")
        .lines()
        .map(|line| {
            line.chars()
                .filter(|c| !c.is_control() || *c == '\t')
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n");
    text.trim_matches('\n').to_owned()
}

impl ProposalBody {
    pub const MAX: usize = 2000;

    /// Line breaks are kept (as `\n`); other control characters and trailing spaces go.
    pub fn parse(input: &str) -> Result<Self, &'static str> {
        let body = clean_multiline(input);
        if body.trim().is_empty() {
            return Err("error-body-missing");
        }
        if body.chars().count() > Self::MAX {
            return Err("error-body-long");
        }
        Ok(ProposalBody(body))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_from_the_text_is_its_first_line_cut_after_a_whole_word() {
        let body = ProposalBody::parse("\n  Chybí lavička u bloku 5.\nSenioři nemají kde sednout.")
            .unwrap();
        assert_eq!(
            ProposalTitle::from_body(&body).as_str(),
            "Chybí lavička u bloku 5."
        );
        let long = ProposalBody::parse(&"slovo ".repeat(30)).unwrap();
        let title = ProposalTitle::from_body(&long);
        assert!(title.as_str().ends_with("slovo…"), "{}", title.as_str());
        assert!(title.as_str().chars().count() <= ProposalTitle::MAX);
        assert_eq!(ProposalTitle::parse(title.as_str()).as_ref(), Ok(&title));
        let one_word = ProposalBody::parse(&"ř".repeat(200)).unwrap();
        assert_eq!(
            ProposalTitle::from_body(&one_word).as_str().chars().count(),
            ProposalTitle::MAX
        );
    }

    #[test]
    fn a_title_may_have_80_characters_but_not_81() {
        assert!(ProposalTitle::parse(&"ř".repeat(80)).is_ok());
        assert_eq!(
            ProposalTitle::parse(&"ř".repeat(81)),
            Err("error-title-long")
        );
    }

    #[test]
    fn a_title_is_one_line_with_diacritics_and_emoji_kept() {
        let title = ProposalTitle::parse("  Nové   hřiště\n u bloku 5 🛝 ").map(|t| t.0);
        assert_eq!(title, Ok("Nové hřiště u bloku 5 🛝".into()));
        assert_eq!(ProposalTitle::parse(" \n "), Err("error-title-missing"));
    }

    #[test]
    fn a_body_keeps_line_breaks_and_drops_control_characters() {
        let body =
            ProposalBody::parse("\r\nPrvní řádek  \r\n\r\nDruhý\u{7} řádek 👍\n\n").map(|b| b.0);
        assert_eq!(body, Ok("První řádek\n\nDruhý řádek 👍".into()));
    }

    #[test]
    fn a_body_has_at_most_2000_characters() {
        assert!(ProposalBody::parse(&"é".repeat(2000)).is_ok());
        assert_eq!(
            ProposalBody::parse(&"é".repeat(2001)),
            Err("error-body-long")
        );
        assert_eq!(ProposalBody::parse("   \n  "), Err("error-body-missing"));
    }

    #[test]
    fn html_is_kept_as_plain_text_to_be_escaped_on_output() {
        let body = ProposalBody::parse("<script>alert(1)</script>").map(|b| b.0);
        assert_eq!(body, Ok("<script>alert(1)</script>".into()));
    }
}
