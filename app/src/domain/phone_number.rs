//! A phone number for text messages, kept in the international form (`+420777123456`) so one
//! number typed two ways is one number. Czech numbers may be typed without the country code.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String")]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// Longest a number may be typed, spaces included.
    pub const TYPED_MAX: u64 = 24;

    /// Accepts `777 123 456`, `+420 777 123 456`, `00420777123456`, `+421 …` and other
    /// international numbers (8 to 15 digits after the `+`); spaces, dashes, dots and
    /// parentheses are ignored.
    pub fn parse(input: &str) -> Result<Self, &'static str> {
        let typed = input.trim();
        if typed.is_empty() {
            return Err("error-phone-missing");
        }
        if typed.chars().count() as u64 > Self::TYPED_MAX {
            return Err("error-phone-invalid");
        }
        let mut digits = String::new();
        let mut plus = false;
        for c in typed.chars() {
            match c {
                '0'..='9' => digits.push(c),
                // Only in front: `(+420)` is fine, `777+123` is not.
                '+' if digits.is_empty() && !plus => plus = true,
                ' ' | '-' | '.' | '(' | ')' | '/' => {}
                _ => return Err("error-phone-invalid"),
            }
        }
        let international = if plus {
            digits
        } else if let Some(rest) = digits.strip_prefix("00") {
            rest.to_owned()
        } else if digits.len() == 9 && !digits.starts_with('0') {
            format!("420{digits}")
        } else {
            return Err("error-phone-invalid");
        };
        let fits = (8..=15).contains(&international.len()) && !international.starts_with('0');
        // A Czech number has nine digits after the 420.
        let czech_ok = !international.starts_with("420") || international.len() == 12;
        if !fits || !czech_ok {
            return Err("error-phone-invalid");
        }
        Ok(Self(format!("+{international}")))
    }

    /// `+420777123456`: what the gateway is given.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `+420 777 123 456`: what a person reads (other countries as stored).
    pub fn spaced(&self) -> String {
        match self.0.strip_prefix("+420") {
            Some(rest) if rest.len() == 9 => {
                format!("+420 {} {} {}", &rest[..3], &rest[3..6], &rest[6..])
            }
            _ => self.0.clone(),
        }
    }
}

deserialize_through_parse!(PhoneNumber);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn czech_numbers_typed_any_usual_way_are_one_number() {
        for typed in [
            "777 123 456",
            "777123456",
            "+420 777 123 456",
            "00420 777-123-456",
            " (+420) 777.123.456 ",
        ] {
            let number = PhoneNumber::parse(typed);
            assert_eq!(
                number.as_ref().map(PhoneNumber::as_str),
                Ok("+420777123456"),
                "{typed}"
            );
        }
        assert_eq!(
            PhoneNumber::parse("777123456").map(|n| n.spaced()),
            Ok("+420 777 123 456".into())
        );
    }

    #[test]
    fn other_countries_keep_their_code() {
        assert_eq!(
            PhoneNumber::parse("+421 905 123 456").map(|n| n.0),
            Ok("+421905123456".into())
        );
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        assert_eq!(PhoneNumber::parse("  "), Err("error-phone-missing"));
        for typed in [
            "12345",
            "0777123456",
            "+420 777 123 45",
            "777 123 456 ext 2",
            "=1+1",
            "+42077712345678901",
            "7771+23456",
        ] {
            assert_eq!(
                PhoneNumber::parse(typed),
                Err("error-phone-invalid"),
                "{typed}"
            );
        }
    }
}
