//! What a report, a moderator's action or a log row is about: a proposal or a comment.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Proposal(i32),
    Comment(i32),
}

impl Target {
    pub fn parse(kind: &str, id: i32) -> Option<Self> {
        match kind {
            "proposal" => Some(Target::Proposal(id)),
            "comment" => Some(Target::Comment(id)),
            _ => None,
        }
    }

    pub fn kind(self) -> &'static str {
        match self {
            Target::Proposal(_) => "proposal",
            Target::Comment(_) => "comment",
        }
    }

    pub fn id(self) -> i32 {
        match self {
            Target::Proposal(id) | Target::Comment(id) => id,
        }
    }
}
