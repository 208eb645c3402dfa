//! The staff-edited list of words that hold a new proposal or comment for review. Matching
//! ignores case and accents and goes by whole words ("kurva" does not hold "kurvítko"); an entry
//! ending in `*` matches every word that starts so, and an entry of several words matches them
//! in a row.
use crate::error::AppError;
use crate::server::entities::site_setting;
use crate::server::infra::data_version;
use crate::server::infra::search::fold;
use crate::server::infra::site_settings::store;
use crate::server::staff_log::log_setting;
use crate::visitor::Member;
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, TransactionTrait};

const KEY: &str = "held_words";
/// Enough for a real list, small enough to check on every post.
pub const MAX_ENTRIES: usize = 500;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordList {
    /// The entries as staff wrote them (trimmed), to show in the editor.
    written: Vec<String>,
    /// The same, folded into padded words, to match.
    entries: Vec<String>,
}

/// Folded words of `text`, separated by single spaces and padded with one on each side.
fn padded_words(text: &str) -> String {
    let folded = fold(text);
    let mut joined = String::from(" ");
    for word in folded
        .split(|c: char| !c.is_alphanumeric() && c != '*')
        .filter(|w| !w.is_empty())
    {
        joined.push_str(word);
        joined.push(' ');
    }
    joined
}

impl WordList {
    /// The list from the text staff typed: one entry per line, blank lines ignored.
    pub fn parse(text: &str) -> Self {
        let (written, entries) = text
            .lines()
            .map(|line| (line.trim().to_owned(), padded_words(line)))
            .filter(|(_, entry)| entry.trim() != "" && entry.trim() != "*")
            .take(MAX_ENTRIES)
            .unzip();
        Self { written, entries }
    }

    /// Whether `text` contains an entry.
    pub fn matches(&self, text: &str) -> bool {
        let words = padded_words(&text.replace('*', " "));
        self.entries
            .iter()
            .any(|entry| match entry.trim_end().strip_suffix('*') {
                Some(prefix) => words.contains(prefix),
                None => words.contains(entry.as_str()),
            })
    }

    /// The list as staff edit it, one entry per line.
    pub fn to_text(&self) -> String {
        self.written.join("\n")
    }
}

/// The list now: kept in memory under the request's data version (it is checked on every post).
pub async fn load(db: &impl ConnectionTrait) -> Result<WordList, AppError> {
    let stored = data_version::for_request(
        |state| &state.held_words,
        async || -> Result<Option<String>, AppError> {
            Ok(site_setting::Entity::find_by_id(KEY)
                .one(db)
                .await?
                .map(|row| row.value))
        },
    )
    .await?;
    Ok(stored.as_deref().map(WordList::parse).unwrap_or_default())
}

/// Replaces the list, and logs who changed it.
pub async fn save(db: &DatabaseConnection, staff: &Member, text: &str) -> Result<(), AppError> {
    let list = WordList::parse(text);
    let txn = db.begin().await?;
    store(&txn, [(KEY.to_owned(), list.to_text())]).await?;
    let summary = format!("{} × word list", list.entries.len());
    log_setting(&txn, staff, &summary).await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::WordList;

    #[test]
    fn whole_words_match_whatever_the_case_and_accents() {
        let list = WordList::parse("kurva\n\n  Půjčka \n");
        assert!(list.matches("Ty KURVO... ne, ty kurva!"));
        assert!(list.matches("Rychlá PUJCKA bez ručitele"));
        assert!(!list.matches("kurvítko a půjčky"), "whole words only");
        assert!(!list.matches("Lavička u bloku 5"));
    }

    #[test]
    fn a_star_matches_the_start_of_words_and_phrases_match_in_a_row() {
        let list = WordList::parse("půjč*\nrychlé peníze");
        assert!(list.matches("Půjčky ihned"));
        assert!(list.matches("RYCHLÉ   peníze!"));
        assert!(!list.matches("peníze rychlé"));
        assert!(!list.matches("Zapůjčit žebřík"), "only the start of a word");
    }

    #[test]
    fn an_empty_list_holds_nothing_and_reads_back() {
        assert!(!WordList::parse("").matches("cokoli"));
        assert!(
            !WordList::parse("*\n").matches("cokoli"),
            "a lone star is no entry"
        );
        assert_eq!(
            WordList::parse(" Kurva \n\npůjč*").to_text(),
            "Kurva\npůjč*"
        );
    }
}
