//! What a person's own reading may stand in for: the texts "Listen" reads.
use serde::{Deserialize, Serialize};

/// A text with a "Listen" player that staff (or a proposal's author) may read in their own
/// voice, in place of the machine's (e.g. in Romani, which no engine speaks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum ReadingOf {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "proposal"))]
    Proposal,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "decision"))]
    Decision,
    /// A proposal's outcome, named by the proposal's id.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "outcome"))]
    Outcome,
}

impl ReadingOf {
    pub const ALL: [ReadingOf; 3] = [ReadingOf::Proposal, ReadingOf::Decision, ReadingOf::Outcome];

    pub fn as_str(self) -> &'static str {
        match self {
            ReadingOf::Proposal => "proposal",
            ReadingOf::Decision => "decision",
            ReadingOf::Outcome => "outcome",
        }
    }

    /// The kind named in a form.
    pub fn parse(kind: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == kind)
    }
}
