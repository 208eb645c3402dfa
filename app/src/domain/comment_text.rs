//! The text of a comment or reply: plain text, line breaks kept, up to 1 000 characters.
use super::proposal_text::clean_multiline;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String")]
pub struct CommentText(String);

impl CommentText {
    pub const MAX: usize = 1000;

    pub fn parse(input: &str) -> Result<Self, &'static str> {
        let text = clean_multiline(input);
        if text.trim().is_empty() {
            return Err("error-comment-missing");
        }
        if text.chars().count() > Self::MAX {
            return Err("error-comment-long");
        }
        Ok(CommentText(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_has_1_to_1000_characters() {
        assert!(CommentText::parse(&"ů".repeat(1000)).is_ok());
        assert_eq!(
            CommentText::parse(&"ů".repeat(1001)),
            Err("error-comment-long")
        );
        assert_eq!(CommentText::parse(" \r\n "), Err("error-comment-missing"));
    }

    #[test]
    fn line_breaks_diacritics_and_emoji_are_kept() {
        let text = CommentText::parse("Souhlasím! 👍\r\nJá taky chci lavičku.").map(|t| t.0);
        assert_eq!(text, Ok("Souhlasím! 👍\nJá taky chci lavičku.".into()));
    }
}
