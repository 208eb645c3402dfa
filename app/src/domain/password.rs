//! A password as typed: never printed, never logged.
use std::fmt;

#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    pub const MIN: usize = 8;
    /// Bounds the work Argon2 does for one request.
    pub const MAX: usize = 200;

    pub fn parse(input: &str) -> Result<Self, &'static str> {
        let length = input.chars().count();
        if length < Self::MIN {
            return Err("error-password-short");
        }
        if length > Self::MAX {
            return Err("error-password-long");
        }
        Ok(Password(input.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needs_at_least_8_characters() {
        assert_eq!(Password::parse("1234567"), Err("error-password-short"));
        assert!(Password::parse("12345678").is_ok());
        // Eight Czech letters are eight characters, though more bytes.
        assert!(Password::parse("žluťoučk").is_ok());
        assert_eq!(Password::parse("žluťouč"), Err("error-password-short"));
    }

    #[test]
    fn is_never_shown_in_debug_output() {
        let password = Password::parse("tajné heslo").map(|p| format!("{p:?}"));
        assert_eq!(password, Ok("Password(…)".into()));
    }

    #[test]
    fn has_an_upper_bound() {
        assert_eq!(
            Password::parse(&"x".repeat(201)),
            Err("error-password-long")
        );
    }
}
