//! What became of a decided proposal: DESIGN.md's `planned → in_progress → done`, or
//! `not_possible` with the reason; and the texts staff write about it.
use super::proposal_text::clean_multiline;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum OutcomeStage {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "planned"))]
    Planned,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "in_progress"))]
    InProgress,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "done"))]
    Done,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "not_possible"))]
    NotPossible,
}

impl OutcomeStage {
    pub const ALL: [OutcomeStage; 4] = [
        OutcomeStage::Planned,
        OutcomeStage::InProgress,
        OutcomeStage::Done,
        OutcomeStage::NotPossible,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OutcomeStage::Planned => "planned",
            OutcomeStage::InProgress => "in_progress",
            OutcomeStage::Done => "done",
            OutcomeStage::NotPossible => "not_possible",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == input)
    }

    /// The locale key of the stage's word (`stage-in-progress`, …).
    pub fn label_key(self) -> String {
        format!("stage-{}", self.as_str().replace('_', "-"))
    }

    /// "Not possible" is only ever said together with the reason.
    pub fn needs_reason(self) -> bool {
        self == OutcomeStage::NotPossible
    }
}

/// What staff write about an outcome: the decision in plain words, an update, the reason it is
/// not possible. Several lines, like a proposal's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String")]
pub struct OutcomeText(String);

impl OutcomeText {
    pub const MAX: usize = 2000;

    pub fn parse(input: &str) -> Result<Self, &'static str> {
        let text = clean_multiline(input);
        if text.trim().is_empty() {
            return Err("error-outcome-text-missing");
        }
        if text.chars().count() > Self::MAX {
            return Err("error-outcome-text-long");
        }
        Ok(Self(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Who will do what: one line, and optional (a rejected proposal has nobody to do anything).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String")]
pub struct WhoDoes(String);

impl WhoDoes {
    pub const MAX: usize = 200;

    pub fn parse(input: &str) -> Result<Option<Self>, &'static str> {
        let text = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.chars().count() > Self::MAX {
            return Err("error-who-does-long");
        }
        Ok((!text.is_empty()).then_some(Self(text)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stage_round_trips_and_only_not_possible_needs_a_reason() {
        for stage in OutcomeStage::ALL {
            assert_eq!(OutcomeStage::parse(stage.as_str()), Some(stage));
            assert_eq!(stage.needs_reason(), stage == OutcomeStage::NotPossible);
        }
        assert_eq!(OutcomeStage::parse("cancelled"), None);
        assert_eq!(OutcomeStage::InProgress.label_key(), "stage-in-progress");
    }

    #[test]
    fn an_outcome_text_says_something_within_its_length() {
        assert_eq!(
            OutcomeText::parse(" \n "),
            Err("error-outcome-text-missing")
        );
        assert_eq!(
            OutcomeText::parse(&"á".repeat(2001)),
            Err("error-outcome-text-long")
        );
        assert_eq!(
            OutcomeText::parse("Lavičky opraví\r\ntechnické služby. ").map(|t| t.0),
            Ok("Lavičky opraví\ntechnické služby.".to_owned())
        );
    }

    #[test]
    fn who_does_is_one_optional_line() {
        assert_eq!(WhoDoes::parse("  "), Ok(None));
        assert_eq!(
            WhoDoes::parse(" Město \n Litvínov ").map(|w| w.map(|w| w.0)),
            Ok(Some("Město Litvínov".to_owned()))
        );
        assert_eq!(WhoDoes::parse(&"a".repeat(201)), Err("error-who-does-long"));
    }
}
