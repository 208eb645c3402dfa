//! Translations. Every text a person reads comes from `app/locales/<language>/main.ftl` (Fluent, with
//! Czech plural rules); the code holds only keys. A translator adds a language by adding a folder.
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use std::borrow::Cow;
use std::collections::HashMap;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "cs",
        // Unicode isolation marks around values confuse screen readers and tests alike.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language Spolu has texts for. Czech is the default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locale(LanguageIdentifier);

impl Locale {
    pub fn czech() -> Self {
        Locale(fluent_templates::langid!("cs"))
    }

    /// Accepts a tag such as `en`, `en-GB` or `cs-CZ` when Spolu has texts for its language.
    pub fn parse(tag: &str) -> Option<Self> {
        let wanted: LanguageIdentifier = tag.trim().parse().ok()?;
        Self::all()
            .into_iter()
            .find(|l| l.0.language == wanted.language)
    }

    /// Every language with a locale folder, Czech first, the rest by tag.
    pub fn all() -> Vec<Self> {
        let mut all: Vec<Self> = LOCALES.locales().cloned().map(Locale).collect();
        all.sort_by_key(|l| (l.0.language.as_str() != "cs", l.0.to_string()));
        all
    }

    pub fn tag(&self) -> String {
        self.0.language.to_string()
    }

    /// The language's own name ("Čeština", "English"), from its locale file.
    pub fn name(&self) -> String {
        LOCALES.lookup(&self.0, "language-name")
    }

    pub fn text(&self, key: &str) -> String {
        LOCALES.lookup(&self.0, key)
    }

    pub fn text_with(&self, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'static>> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
            .collect();
        LOCALES.lookup_with_args(&self.0, key, &args)
    }
}

impl Default for Locale {
    fn default() -> Self {
        Self::czech()
    }
}

/// The page's language, from the visitor of this request.
pub fn use_locale() -> Locale {
    crate::visitor::use_visitor().locale
}

/// The text for `key` in the page's language.
pub fn t(key: &str) -> String {
    use_locale().text(key)
}

/// The text for `key` with named values, e.g. `t_with("try-again", &[("minutes", 5.into())])`.
pub fn t_with(key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    use_locale().text_with(key, args)
}

/// A date such as `2026-11-24` the way the page's language writes it ("24. 11. 2026").
pub fn date(iso: &str) -> String {
    let mut parts = iso
        .splitn(3, '-')
        .map(|p| p.trim_start_matches('0').to_owned());
    match (parts.next(), parts.next(), parts.next()) {
        (Some(year), Some(month), Some(day)) => t_with(
            "date",
            &[
                ("day", day.into()),
                ("month", month.into()),
                ("year", year.into()),
            ],
        ),
        _ => iso.to_owned(),
    }
}

/// A local date and time such as `2026-11-24T18:00` the way the page's language writes it
/// ("24. 11. 2026 18:00").
pub fn date_time(iso: &str) -> String {
    match iso.split_once('T') {
        Some((day, time)) => format!("{} {}", date(day), time),
        None => date(iso),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn czech_and_english_exist_and_czech_comes_first() {
        let tags: Vec<String> = Locale::all().iter().map(Locale::tag).collect();
        assert_eq!(tags.first().map(String::as_str), Some("cs"));
        assert!(tags.contains(&"en".to_string()));
    }

    #[test]
    fn regional_tags_find_their_language() {
        assert_eq!(Locale::parse("en-GB").map(|l| l.tag()), Some("en".into()));
        assert_eq!(Locale::parse("CS-cz").map(|l| l.tag()), Some("cs".into()));
        assert_eq!(Locale::parse("de"), None);
    }

    #[test]
    fn czech_plurals_follow_czech_rules() {
        let cs = Locale::czech();
        let minutes =
            |n: i64| cs.text_with("error-too-many-attempts-wait", &[("minutes", n.into())]);
        assert!(minutes(1).contains("1 minutu"), "{}", minutes(1));
        assert!(minutes(3).contains("3 minuty"), "{}", minutes(3));
        assert!(minutes(5).contains("5 minut"), "{}", minutes(5));
    }

    #[test]
    fn every_key_in_czech_exists_in_english_and_back() {
        let keys = |text: &str| -> Vec<String> {
            let mut keys: Vec<String> = text
                .lines()
                .filter(|l| !l.starts_with([' ', '#', '\t', '*', '[']) && l.contains(" ="))
                .filter_map(|l| l.split(" =").next().map(str::to_owned))
                .collect();
            keys.sort();
            keys
        };
        let cs = keys(include_str!("../locales/cs/main.ftl"));
        let en = keys(include_str!("../locales/en/main.ftl"));
        assert!(!cs.is_empty());
        assert_eq!(cs, en);
    }
}
