//! The name a member signs in with: lower-case letters without accents, digits, dots, dashes.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String")]
pub struct Username(String);

impl Username {
    pub const MIN: usize = 3;
    pub const MAX: usize = 32;

    /// Accepts any case and surrounding spaces; stores lower case so "Anna" and "anna" are one name.
    pub fn parse(input: &str) -> Result<Self, &'static str> {
        let name = input.trim().to_lowercase();
        if name.is_empty() {
            return Err("error-username-missing");
        }
        let length = name.chars().count();
        if !(Self::MIN..=Self::MAX).contains(&length) {
            return Err("error-username-length");
        }
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c);
        if !name.chars().all(allowed) {
            return Err("error-username-characters");
        }
        Ok(Username(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Sign-in names made from the name a person gave, to try in order until one is free:
    /// "Jana K." gives `jana.k`, then `jana.k2`, `jana.k3`… Accents go ("Žofie" → `zofie`);
    /// what is left of a name with no usable letters is `soused` ("neighbour").
    #[cfg(feature = "ssr")]
    pub fn made_from(name: &str) -> impl Iterator<Item = Username> {
        let mut base = String::new();
        for c in super::plain_text::without_diacritics(name).chars() {
            let c = c.to_ascii_lowercase();
            if c.is_ascii_lowercase() || c.is_ascii_digit() {
                base.push(c);
            } else if (c.is_whitespace() || "._-".contains(c))
                && !base.is_empty()
                && !base.ends_with('.')
            {
                base.push('.');
            }
        }
        // Room for a number after it.
        let mut base: String = base.chars().take(Self::MAX - 3).collect();
        while base.ends_with('.') {
            base.pop();
        }
        if base.is_empty() {
            base = "soused".to_owned();
        }
        let plain = (base.chars().count() >= Self::MIN).then(|| base.clone());
        plain
            .into_iter()
            .chain((2..1000).map(move |n| format!("{base}{n}")))
            .filter_map(|candidate| Username::parse(&candidate).ok())
    }

    /// What a deleted account's username column holds. The colon is a character no username may
    /// have, so nobody can register the name first and make the deletion fail.
    pub fn of_deleted_account(id: i32) -> String {
        format!("deleted:{id}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "ssr")]
    fn a_sign_in_name_is_made_from_the_name_people_see() {
        let first = |name: &str| Username::made_from(name).next().map(|u| u.0);
        assert_eq!(first("Jana K."), Some("jana.k".into()));
        assert_eq!(first("  Žofie Čermáková "), Some("zofie.cermakova".into()));
        assert_eq!(first("Bo"), Some("bo2".into()));
        assert_eq!(first("🙂 ★"), Some("soused".into()));
        let next: Vec<String> = Username::made_from("Jana K.")
            .skip(1)
            .take(2)
            .map(|u| u.0)
            .collect();
        assert_eq!(next, ["jana.k2", "jana.k3"]);
        let long = first(&"Dlouhé jméno ".repeat(10)).unwrap_or_default();
        assert!(
            Username::parse(&long).is_ok() && long.len() <= Username::MAX - 3,
            "{long}"
        );
    }

    #[test]
    fn is_stored_in_lower_case_without_spaces() {
        assert_eq!(
            Username::parse("  Anna.K ").map(|u| u.0),
            Ok("anna.k".into())
        );
    }

    #[test]
    fn refuses_accents_spaces_and_emoji() {
        for bad in ["žofie", "anna k", "anna🙂", "a@b"] {
            assert_eq!(
                Username::parse(bad),
                Err("error-username-characters"),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_deleted_accounts_name_can_never_be_registered() {
        let reserved = Username::of_deleted_account(5);
        assert_eq!(Username::parse(&reserved), Err("error-username-characters"));
    }

    #[test]
    fn must_be_between_3_and_32_characters() {
        assert_eq!(Username::parse(""), Err("error-username-missing"));
        assert_eq!(Username::parse("ab"), Err("error-username-length"));
        assert!(Username::parse("abc").is_ok());
        assert!(Username::parse(&"a".repeat(32)).is_ok());
        assert_eq!(
            Username::parse(&"a".repeat(33)),
            Err("error-username-length")
        );
    }
}
