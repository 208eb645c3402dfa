//! Accent- and case-insensitive search that works the same on SQLite and PostgreSQL: proposals
//! store a folded copy of their words (`search_text`), and queries are folded the same way.
use crate::domain::{ProposalBody, ProposalTitle};

/// "Hřiště U Bloku 5" → "hriste u bloku 5".
pub fn fold(text: &str) -> String {
    crate::domain::plain_text::without_diacritics(text).to_lowercase()
}

/// What a proposal is found by: its title and its text, folded.
pub fn proposal_text(title: &ProposalTitle, body: &ProposalBody) -> String {
    fold(&format!("{}\n{}", title.as_str(), body.as_str()))
}

/// The words of a search, folded; at most eight, each at least two characters.
pub fn words(query: &str) -> Vec<String> {
    fold(query)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .take(8)
        .map(str::to_owned)
        .collect()
}

/// A LIKE pattern that finds `word` anywhere; `%`, `_` and `\` cannot appear (words are alphanumeric).
pub fn contains_pattern(word: &str) -> String {
    format!("%{word}%")
}

/// Proposals whose folded text holds `word`, through each database's index of that text: on
/// PostgreSQL a `LIKE` that the `pg_trgm` index answers, on SQLite the same `LIKE` asked of the
/// FTS5 trigram table `proposals_search` (migration 000019). Both find the same proposals.
pub fn proposal_has(backend: sea_orm::DbBackend, word: &str) -> sea_orm::sea_query::SimpleExpr {
    use crate::server::entities::proposal;
    use sea_orm::ColumnTrait;
    use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
    let pattern = contains_pattern(word);
    match backend {
        sea_orm::DbBackend::Sqlite => proposal::Column::Id.in_subquery(
            Query::select()
                .expr(Expr::cust("rowid"))
                .from(Alias::new("proposals_search"))
                .and_where(Expr::col(Alias::new("search_text")).like(pattern))
                .to_owned(),
        ),
        _ => proposal::Column::SearchText.like(pattern),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_czech_diacritics_and_case() {
        assert_eq!(fold("Hřiště U Bloku 5"), "hriste u bloku 5");
        assert_eq!(
            fold("ŽLUŤOUČKÝ kůň úpěl ďábelské ódy"),
            "zlutoucky kun upel dabelske ody"
        );
    }

    #[test]
    fn words_are_folded_split_and_bounded() {
        assert_eq!(words("  Hřiště, lavička!  a"), ["hriste", "lavicka"]);
        assert_eq!(words("%_\\"), Vec::<String>::new());
        assert_eq!(words(&"ab ".repeat(20)).len(), 8);
    }
}
