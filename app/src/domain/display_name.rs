//! The name others see: any script, accents and emoji welcome; a nickname is fine.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String")]
pub struct DisplayName(String);

impl DisplayName {
    pub const MIN: u64 = 2;
    pub const MAX: u64 = 40;

    pub fn parse(input: &str) -> Result<Self, &'static str> {
        use validator::{ValidateLength, ValidateNonControlCharacter};
        // Runs of spaces inside the name collapse to one, so "Eva   K." and "Eva K." look the same.
        let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err("error-display-name-missing");
        }
        if !name.validate_length(Some(Self::MIN), Some(Self::MAX), None) {
            return Err("error-display-name-length");
        }
        if !name.validate_non_control_character() {
            return Err("error-display-name-characters");
        }
        Ok(DisplayName(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_czech_diacritics_and_emoji() {
        assert_eq!(
            DisplayName::parse(" Žofie   Růžičková 🌻 ").map(|n| n.0),
            Ok("Žofie Růžičková 🌻".into())
        );
    }

    #[test]
    fn counts_characters_not_bytes() {
        assert!(DisplayName::parse(&"ř".repeat(40)).is_ok());
        assert_eq!(
            DisplayName::parse(&"ř".repeat(41)),
            Err("error-display-name-length")
        );
        assert_eq!(DisplayName::parse("Ž"), Err("error-display-name-length"));
    }

    #[test]
    fn refuses_empty_and_control_characters() {
        assert_eq!(DisplayName::parse("   "), Err("error-display-name-missing"));
        assert_eq!(
            DisplayName::parse("Eva\u{7}"),
            Err("error-display-name-characters")
        );
    }
}
