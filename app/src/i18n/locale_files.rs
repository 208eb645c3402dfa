//! Keeps the locale files in step, as a translator editing one of them would not notice: the
//! same keys in every language, each using the same variables, and resident-facing sentences
//! short enough to read aloud in one breath (about 20 words; many residents are not confident
//! readers).
use std::collections::{BTreeMap, BTreeSet};

const CZECH: &str = include_str!("../../locales/cs/main.ftl");
const ENGLISH: &str = include_str!("../../locales/en/main.ftl");
const LONGEST_SENTENCE: usize = 20;
/// Keys only staff and administrators read: their sentences may be longer.
const STAFF_PREFIXES: &[&str] = &[
    "admin-",
    "assist-",
    "exports-",
    "invites-",
    "kiosk-",
    "log-",
    "meeting-",
    "member-",
    "moderation-",
    "print-",
    "queue-",
    "staff-",
    "poll-new-",
    "decision-new-",
];

/// Each message's key and its text (continuation lines joined).
fn messages(file: &str) -> BTreeMap<String, String> {
    let mut messages = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in file.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some(text) = current.as_ref().and_then(|key| messages.get_mut(key)) {
                let text: &mut String = text;
                text.push(' ');
                text.push_str(line.trim());
            }
        } else if let Some((key, text)) = line.split_once(" =").filter(|_| !line.starts_with('#')) {
            messages.insert(key.to_owned(), text.trim().to_owned());
            current = Some(key.to_owned());
        } else {
            current = None;
        }
    }
    messages
}

/// The `$variables` a message uses.
fn variables(text: &str) -> BTreeSet<String> {
    text.split('$')
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
                .collect()
        })
        .collect()
}

/// The text with each `{ … }` placeable (however nested) counted as one word.
fn without_placeables(text: &str) -> String {
    let mut plain = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => {
                if depth == 0 {
                    plain.push_str(" X ");
                }
                depth += 1;
            }
            '}' => depth -= 1,
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain
}

fn long_sentences(language: &str, file: &str) -> Vec<String> {
    messages(file)
        .into_iter()
        .filter(|(key, _)| !STAFF_PREFIXES.iter().any(|p| key.starts_with(p)))
        .flat_map(|(key, text)| {
            let plain = without_placeables(&text);
            plain
                .split_inclusive(['.', '!', '?', ':', ';'])
                .filter(|sentence| sentence.split_whitespace().count() > LONGEST_SENTENCE)
                .map(|sentence| format!("{language} {key}: {}", sentence.trim()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_key_is_in_both_languages() {
    let czech: BTreeSet<_> = messages(CZECH).into_keys().collect();
    let english: BTreeSet<_> = messages(ENGLISH).into_keys().collect();
    assert!(czech.len() > 100, "the Czech file was read");
    assert_eq!(
        czech.difference(&english).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "in Czech only"
    );
    assert_eq!(
        english.difference(&czech).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "in English only"
    );
}

#[test]
fn every_message_uses_the_same_variables_in_both_languages() {
    let english = messages(ENGLISH);
    let differing: Vec<String> = messages(CZECH)
        .into_iter()
        .filter_map(|(key, czech)| {
            let (ours, theirs) = (variables(&czech), variables(english.get(&key)?));
            (ours != theirs).then(|| format!("{key}: cs {ours:?}, en {theirs:?}"))
        })
        .collect();
    assert_eq!(differing, Vec::<String>::new());
}

#[test]
fn resident_facing_sentences_are_short() {
    let mut long = long_sentences("cs", CZECH);
    long.extend(long_sentences("en", ENGLISH));
    assert_eq!(
        long,
        Vec::<String>::new(),
        "sentences over {LONGEST_SENTENCE} words"
    );
}

#[test]
fn the_checks_notice_what_they_look_for() {
    assert_eq!(
        variables("Za { $minutes -> [one] { $minutes } minutu *[other] x } { $who }"),
        BTreeSet::from(["minutes".to_owned(), "who".to_owned()])
    );
    let file = "a = Jedna dva tři čtyři pět šest sedm osm devět deset jedenáct dvanáct třináct \
                čtrnáct patnáct šestnáct sedmnáct osmnáct devatenáct dvacet jedenadvacet.\n";
    assert_eq!(long_sentences("cs", file).len(), 1);
    assert!(
        long_sentences(
            "cs",
            "a = Krátká věta. { $n -> [one] a *[other] b } Další.\n"
        )
        .is_empty()
    );
}

#[test]
fn no_key_is_written_twice() {
    for (language, file) in [("cs", CZECH), ("en", ENGLISH)] {
        let mut seen = BTreeSet::new();
        let twice: Vec<&str> = file
            .lines()
            .filter(|line| !line.starts_with([' ', '\t', '#']))
            .filter_map(|line| line.split_once(" =").map(|(key, _)| key))
            .filter(|key| !seen.insert(*key))
            .collect();
        assert_eq!(
            twice,
            Vec::<&str>::new(),
            "keys written twice in {language}"
        );
    }
}

/// Czech typography (and our English) uses the spaced en dash "–", never the em dash "—".
#[test]
fn dashes_are_en_dashes() {
    for (language, file) in [("cs", CZECH), ("en", ENGLISH)] {
        let em: Vec<String> = messages(file)
            .into_iter()
            .filter(|(_, text)| text.contains('—'))
            .map(|(key, _)| key)
            .collect();
        assert_eq!(em, Vec::<String>::new(), "em dashes in {language}");
    }
}
