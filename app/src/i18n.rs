//! Translations. Every text a person reads comes from `app/locales/<language>/main.ftl` (Fluent, with
//! Czech plural rules); the code holds only keys. A translator adds a language by adding a folder.
#[cfg(test)]
mod locale_files;

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

/// How a date stands in its sentence. Czech changes the weekday's form (and the preposition)
/// with it: "úterý 24. listopadu", "ve středu 25. listopadu", "do středy 25. listopadu".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateIn {
    /// On its own: a list, a hint ("úterý 24. listopadu 2026").
    Plain,
    /// When something happens, with its preposition ("v úterý …", "on Tue …").
    On,
    /// After "until" / "do" ("do úterý …", "until Tue …").
    Until,
}

/// A date such as `2026-11-24` the way the page's language writes it, in words
/// ("úterý 24. listopadu 2026", "Tue 24 Nov 2026").
pub fn date(iso: &str) -> String {
    use_locale().date(iso, DateIn::Plain)
}

/// [`date`] for "when": "v úterý 24. listopadu 2026", "on Tue 24 Nov 2026".
pub fn date_on(iso: &str) -> String {
    use_locale().date(iso, DateIn::On)
}

/// [`date`] after "until": "(do) úterý 24. listopadu 2026", "(until) Tue 24 Nov 2026".
pub fn date_until(iso: &str) -> String {
    use_locale().date(iso, DateIn::Until)
}

/// A local date and time such as `2026-11-24T18:00` the way the page's language writes it
/// ("úterý 24. listopadu 2026, 18:00").
pub fn date_time(iso: &str, form: DateIn) -> String {
    use_locale().date_time(iso, form)
}

impl Locale {
    /// See [`date`]; anything that is not a date is shown as it is.
    pub fn date(&self, iso: &str, form: DateIn) -> String {
        use chrono::Datelike;
        let Ok(day) = chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d") else {
            return iso.to_owned();
        };
        let weekday = day.weekday().number_from_monday();
        let weekday_key = match form {
            DateIn::Plain => format!("weekday-{weekday}"),
            DateIn::On => format!("weekday-on-{weekday}"),
            DateIn::Until => format!("weekday-until-{weekday}"),
        };
        self.text_with(
            "date",
            &[
                ("weekday", self.text(&weekday_key).into()),
                ("day", day.day().to_string().into()),
                ("month", self.text(&format!("month-{}", day.month())).into()),
                ("year", day.year().to_string().into()),
            ],
        )
    }

    /// See [`date_time`].
    pub fn date_time(&self, iso: &str, form: DateIn) -> String {
        match iso.split_once('T') {
            Some((day, time)) => self.text_with(
                "date-time",
                &[
                    ("date", self.date(day, form).into()),
                    ("time", time.chars().take(5).collect::<String>().into()),
                ],
            ),
            None => self.date(iso, form),
        }
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
    fn dates_are_written_in_words_and_unambiguously() {
        let czech = Locale::czech();
        let english = Locale::parse("en").expect("English");
        assert_eq!(
            czech.date("2026-11-24", DateIn::Plain),
            "úterý 24. listopadu 2026"
        );
        assert_eq!(
            czech.date_time("2026-11-24T18:00", DateIn::Plain),
            "úterý 24. listopadu 2026, 18:00"
        );
        assert_eq!(english.date("2026-11-24", DateIn::Plain), "Tue 24 Nov 2026");
        assert_eq!(
            english.date_time("2026-03-01T09:05:00", DateIn::Plain),
            "Sun 1 Mar 2026, 09:05"
        );
        assert_eq!(czech.date("not a date", DateIn::Plain), "not a date");
    }

    #[test]
    fn a_czech_date_takes_the_form_its_sentence_needs() {
        let czech = Locale::czech();
        // Wednesday, Thursday and Saturday change the most.
        assert_eq!(
            czech.date("2026-11-25", DateIn::On),
            "ve středu 25. listopadu 2026"
        );
        assert_eq!(
            czech.date("2026-11-26", DateIn::Until),
            "čtvrtka 26. listopadu 2026"
        );
        assert_eq!(
            czech.date("2026-11-28", DateIn::On),
            "v sobotu 28. listopadu 2026"
        );
        assert_eq!(
            czech.date("2026-11-28", DateIn::Until),
            "soboty 28. listopadu 2026"
        );
        let english = Locale::parse("en").expect("English");
        assert_eq!(english.date("2026-11-28", DateIn::On), "on Sat 28 Nov 2026");
        assert_eq!(english.date("2026-11-28", DateIn::Until), "Sat 28 Nov 2026");
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
        // The verb agrees with the number too: "hlasují 2 lidé", "hlasuje 5 lidí".
        let poll = |n: i64| {
            cs.text_with(
                "rule-priority",
                &[("dots", 5.into()), ("most", 3.into()), ("quorum", n.into())],
            )
        };
        assert!(poll(2).contains("hlasují aspoň 2 lidé"), "{}", poll(2));
        assert!(poll(5).contains("hlasuje aspoň 5 lidí"), "{}", poll(5));
        let single = |n: i64| cs.text_with("rule-single", &[("quorum", n.into())]);
        assert!(
            single(3).contains("Hlasovat musí aspoň 3 lidé"),
            "{}",
            single(3)
        );
        let minutes =
            |n: i64| cs.text_with("error-too-many-attempts-wait", &[("minutes", n.into())]);
        assert!(minutes(1).contains("1 minutu"), "{}", minutes(1));
        assert!(minutes(3).contains("3 minuty"), "{}", minutes(3));
        assert!(minutes(5).contains("5 minut"), "{}", minutes(5));
    }
}
