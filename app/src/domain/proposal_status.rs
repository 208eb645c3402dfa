//! Where a proposal is in its life: DESIGN.md's `submitted → open → voting → accepted | rejected`,
//! plus `withdrawn` and `merged`.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum ProposalStatus {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "submitted"))]
    Submitted,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "open"))]
    Open,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "voting"))]
    Voting,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "accepted"))]
    Accepted,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "rejected"))]
    Rejected,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "withdrawn"))]
    Withdrawn,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "merged"))]
    Merged,
}

impl ProposalStatus {
    pub const ALL: [ProposalStatus; 7] = [
        ProposalStatus::Submitted,
        ProposalStatus::Open,
        ProposalStatus::Voting,
        ProposalStatus::Accepted,
        ProposalStatus::Rejected,
        ProposalStatus::Withdrawn,
        ProposalStatus::Merged,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ProposalStatus::Submitted => "submitted",
            ProposalStatus::Open => "open",
            ProposalStatus::Voting => "voting",
            ProposalStatus::Accepted => "accepted",
            ProposalStatus::Rejected => "rejected",
            ProposalStatus::Withdrawn => "withdrawn",
            ProposalStatus::Merged => "merged",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == input)
    }

    /// The locale key of the status's word (`status-open`, …).
    pub fn label_key(self) -> String {
        format!("status-{}", self.as_str())
    }

    /// Support can be given or taken back only while people are still talking it over.
    pub fn accepts_support(self) -> bool {
        self == ProposalStatus::Open
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_round_trips() {
        for status in ProposalStatus::ALL {
            assert_eq!(ProposalStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(ProposalStatus::parse("deleted"), None);
    }

    #[test]
    fn only_open_proposals_take_support() {
        let open: Vec<_> = ProposalStatus::ALL
            .into_iter()
            .filter(|s| s.accepts_support())
            .collect();
        assert_eq!(open, [ProposalStatus::Open]);
    }
}
