//! What a report, a moderator's action or a log row is about: a proposal or a comment.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Proposal(i32),
    Comment(i32),
}

/// Which kind of thing a [`Target`] is; stored beside its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum TargetKind {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "proposal"))]
    Proposal,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "comment"))]
    Comment,
}

impl TargetKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Proposal => "proposal",
            TargetKind::Comment => "comment",
        }
    }
}

impl Target {
    pub fn new(kind: TargetKind, id: i32) -> Self {
        match kind {
            TargetKind::Proposal => Target::Proposal(id),
            TargetKind::Comment => Target::Comment(id),
        }
    }

    /// A target named in a form or an address (`proposal`, `comment`).
    pub fn parse(kind: &str, id: i32) -> Option<Self> {
        [TargetKind::Proposal, TargetKind::Comment]
            .into_iter()
            .find(|k| k.as_str() == kind)
            .map(|kind| Target::new(kind, id))
    }

    pub fn kind(self) -> TargetKind {
        match self {
            Target::Proposal(_) => TargetKind::Proposal,
            Target::Comment(_) => TargetKind::Comment,
        }
    }

    pub fn id(self) -> i32 {
        match self {
            Target::Proposal(id) | Target::Comment(id) => id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_reads_back_from_its_kind_and_id() {
        for target in [Target::Proposal(3), Target::Comment(4)] {
            assert_eq!(
                Target::parse(target.kind().as_str(), target.id()),
                Some(target)
            );
        }
        assert_eq!(Target::parse("user", 1), None);
    }
}
