//! A single-use invite code such as `K7QM-3XPA`, printed on paper slips and typed on phones.
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String")]
pub struct InviteCode(String);

impl InviteCode {
    /// No 0/O, 1/I/L, 5/S, 8/B: letters people confuse when they copy from paper.
    pub const ALPHABET: &'static [u8] = b"ACDEFGHJKMNPQRTUVWXYZ234679";
    pub const LENGTH: usize = 8;

    /// Accepts lower case, spaces and a missing or misplaced dash: "k7qm 3xpa" is `K7QM-3XPA`.
    pub fn parse(input: &str) -> Result<Self, &'static str> {
        let code: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if code.is_empty() {
            return Err("error-invite-missing");
        }
        let valid = code.len() == Self::LENGTH && code.bytes().all(|b| Self::ALPHABET.contains(&b));
        if !valid {
            return Err("error-invite-mistyped");
        }
        Ok(InviteCode(code))
    }

    /// Makes a new code from random indexes into the alphabet.
    pub fn from_indexes(indexes: impl IntoIterator<Item = usize>) -> Option<Self> {
        let code: String = indexes
            .into_iter()
            .take(Self::LENGTH)
            .map(|i| Self::ALPHABET.get(i).map(|b| *b as char))
            .collect::<Option<String>>()?;
        (code.len() == Self::LENGTH).then_some(InviteCode(code))
    }

    /// The form stored in the database: no dash.
    pub fn as_stored(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for InviteCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (left, right) = self.0.split_at(Self::LENGTH / 2);
        write!(f, "{left}-{right}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_lower_case_spaces_and_no_dash() {
        for typed in [
            "K7QM-3XPA",
            "k7qm-3xpa",
            "k7qm3xpa",
            " K7QM 3XPA ",
            "k7-qm3-xpa",
        ] {
            assert_eq!(
                InviteCode::parse(typed).map(|c| c.to_string()),
                Ok("K7QM-3XPA".into()),
                "{typed}"
            );
        }
    }

    #[test]
    fn refuses_wrong_length_and_confusable_characters() {
        assert_eq!(InviteCode::parse(""), Err("error-invite-missing"));
        assert_eq!(InviteCode::parse("K7QM-3XP"), Err("error-invite-mistyped"));
        assert_eq!(
            InviteCode::parse("K7QM-3XPAA"),
            Err("error-invite-mistyped")
        );
        assert_eq!(InviteCode::parse("K0QM-3XPA"), Err("error-invite-mistyped"));
    }

    #[test]
    fn is_made_only_from_its_alphabet() {
        assert!(InviteCode::from_indexes([0, 1, 2, 3, 4, 5, 6, 7]).is_some());
        assert!(InviteCode::from_indexes([0, 1, 2, 99, 4, 5, 6, 7]).is_none());
        assert!(InviteCode::from_indexes([0, 1, 2]).is_none());
    }
}
