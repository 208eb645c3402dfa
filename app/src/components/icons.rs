//! Small SVG icons, always shown beside a word. All of them are one sprite (`/icons.svg`, kept by
//! the browser for a year under an address that changes with its content); a page only names
//! them (`<use href>`), instead of carrying each drawing again on every card (~13 KB a page).
use leptos::prelude::*;

/// A new icon goes into [`Icon::ALL`] too, or the sprite lacks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    Home,
    Proposals,
    Decisions,
    Me,
    Warning,
    Key,
    Join,
    Plus,
    Search,
    Heart,
    Comment,
    Clock,
    Check,
    Cross,
    Undo,
    Merge,
    Place,
    Speaker,
    /// Record a voice message.
    Microphone,
    Camera,
    Photo,
    Bell,
    Download,
    Progress,
    Changed,
    /// A proposal open for discussion and support: an open ring (not the comment bubble).
    Open,
    /// Report something to the moderators.
    Flag,
    /// Hidden by the moderators.
    Hidden,
    /// Edit, and edited by the moderators.
    Pencil,
    /// A closed discussion, a closed decision.
    Lock,
    /// The moderators' and staff's tools.
    Tools,
    Print,
    Reply,
    Trash,
    // Category icons, named as stored in `categories.icon`.
    Playground,
    Broom,
    Tree,
    Shield,
    Building,
    Car,
    People,
    Dots,
}

impl Icon {
    /// Every icon, for the sprite.
    pub const ALL: [Icon; 42] = [
        Icon::Home,
        Icon::Proposals,
        Icon::Decisions,
        Icon::Me,
        Icon::Warning,
        Icon::Key,
        Icon::Join,
        Icon::Plus,
        Icon::Search,
        Icon::Heart,
        Icon::Comment,
        Icon::Clock,
        Icon::Check,
        Icon::Cross,
        Icon::Undo,
        Icon::Merge,
        Icon::Place,
        Icon::Speaker,
        Icon::Microphone,
        Icon::Camera,
        Icon::Photo,
        Icon::Bell,
        Icon::Download,
        Icon::Progress,
        Icon::Changed,
        Icon::Open,
        Icon::Flag,
        Icon::Hidden,
        Icon::Pencil,
        Icon::Lock,
        Icon::Tools,
        Icon::Print,
        Icon::Reply,
        Icon::Trash,
        Icon::Playground,
        Icon::Broom,
        Icon::Tree,
        Icon::Shield,
        Icon::Building,
        Icon::Car,
        Icon::People,
        Icon::Dots,
    ];

    fn path(self) -> &'static str {
        match self {
            Icon::Home => "M12 3 2 12h3v8h6v-6h2v6h6v-8h3z",
            Icon::Proposals => "M9 21h6v-1H9zm3-19a7 7 0 0 0-4 12.7V17h8v-2.3A7 7 0 0 0 12 2z",
            Icon::Decisions => "M4 4h16v16H4zm3.5 8.5 3 3 6-6-1.4-1.4-4.6 4.6-1.6-1.6z",
            Icon::Me => {
                "M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zm0 2c-4 0-8 2-8 5v2h16v-2c0-3-4-5-8-5z"
            }
            Icon::Warning => "M12 2 1 21h22zm-1 7h2v6h-2zm0 8h2v2h-2z",
            Icon::Key => {
                "M7 14a3 3 0 1 1 0-6 3 3 0 0 1 0 6zm5.6-4A6 6 0 1 0 12.6 14H17v3h3v-3h2v-4z"
            }
            Icon::Join => {
                "M15 12a4 4 0 1 0-4-4 4 4 0 0 0 4 4zm-9-2V7H4v3H1v2h3v3h2v-3h3v-2zm9 4c-2.7 0-8 1.3-8 4v2h16v-2c0-2.7-5.3-4-8-4z"
            }
            Icon::Plus => "M11 4h2v7h7v2h-7v7h-2v-7H4v-2h7z",
            Icon::Search => {
                "M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10z"
            }
            Icon::Heart => {
                "M12 21 10.6 19.7C5.4 15 2 11.9 2 8.1 2 5 4.4 2.6 7.5 2.6c1.7 0 3.4.8 4.5 2.1 1.1-1.3 2.8-2.1 4.5-2.1C19.6 2.6 22 5 22 8.1c0 3.8-3.4 6.9-8.6 11.6z"
            }
            Icon::Comment => "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-4 4V5a2 2 0 0 1 2-2z",
            Icon::Clock => "M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm1 5h-2v6l5 3 1-1.7-4-2.3z",
            Icon::Check => "M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z",
            Icon::Camera => {
                "M9 3 7.2 5H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-3.2L15 3zm3 5a5 5 0 1 1 0 10 5 5 0 0 1 0-10zm0 2a3 3 0 1 0 0 6 3 3 0 0 0 0-6z"
            }
            Icon::Photo => {
                "M3 4h18v16H3zm2 2v9l4-4 3 3 4-5 3 4V6zm3.5 1a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3z"
            }
            Icon::Cross => {
                "M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z"
            }
            Icon::Undo => {
                "M12.5 8c-2.6 0-5 1-6.9 2.6L2 7v9h9l-3.6-3.6c1.4-1.2 3.2-1.9 5.1-1.9 3.5 0 6.5 2.3 7.6 5.5l2.4-.8C21 11.9 17.1 8 12.5 8z"
            }
            Icon::Merge => {
                "M17 20.4 18.4 19 15 15.6 13.6 17zM7.5 8H11v5.6L5.6 19 7 20.4l6-6V8h3.5L12 3.5z"
            }
            Icon::Place => {
                "M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 9.5a2.5 2.5 0 1 1 0-5 2.5 2.5 0 0 1 0 5z"
            }
            Icon::Speaker => {
                "M3 9v6h4l5 5V4L7 9zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z"
            }
            Icon::Microphone => {
                "M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.9V21h2v-3.1a7 7 0 0 0 6-6.9z"
            }
            Icon::Playground => "M4 21V8l4-5 4 5v13h-2v-5H6v5zm2-7h4v-4H6zm8 7 6-12h2L16 21z",
            // A broom drawn thin read as a syringe at 20 px: a wide fan of bristles on a short
            // handle reads as sweeping.
            Icon::Broom => {
                "M17.6 1 19 2.4l-5.3 5.3 1.6 1.6c.8.8.8 2 0 2.8l-.4.4L8.3 5.9l.4-.4c.8-.8 2-.8 2.8 0l1.6 1.6zM7.6 6.6l6.8 6.8-2.2 8.6-2.3-2.3.9-3.1-2.6 2.2-2.1-2.1 2.2-2.6-3.1.9-2.3-2.3z"
            }
            Icon::Tree => "M12 2 5 12h3l-4 6h7v4h2v-4h7l-4-6h3z",
            Icon::Shield => "M12 2 4 5v6c0 5 3.4 9.7 8 11 4.6-1.3 8-6 8-11V5z",
            Icon::Building => {
                "M4 22V3h10v4h6v15h-7v-4h-2v4zm3-16v2h2V6zm4 0v2h2V6zM7 10v2h2v-2zm4 0v2h2v-2zm4 0v2h2v-2zM7 14v2h2v-2zm4 0v2h2v-2zm4 0v2h2v-2z"
            }
            Icon::Car => {
                "M5 11 6.5 6.5A2 2 0 0 1 8.4 5h7.2a2 2 0 0 1 1.9 1.5L19 11a2 2 0 0 1 2 2v5h-2v2h-3v-2H8v2H5v-2H3v-5a2 2 0 0 1 2-2zm2.2 0h9.6l-1-3.2H8.2zM6.5 16a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zm11 0a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3z"
            }
            Icon::People => {
                "M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm8 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM9 13c-3 0-7 1.5-7 4.5V20h14v-2.5C16 14.5 12 13 9 13zm8 0c-.6 0-1.2.1-1.8.2 1.1.9 1.8 2.2 1.8 4.3V20h5v-2.5c0-3-3-4.5-5-4.5z"
            }
            Icon::Bell => {
                "M12 22a2.5 2.5 0 0 0 2.5-2.5h-5A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.8V3a1.5 1.5 0 0 0-3 0v1.2A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"
            }
            Icon::Download => {
                "M11 3h2v9.2l3.3-3.3 1.4 1.4L12 16l-5.7-5.7 1.4-1.4 3.3 3.3zM4 18h16v2H4z"
            }
            Icon::Progress => "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2a8 8 0 0 1 0 16z",
            // Before → after: two arrows going round.
            Icon::Changed => {
                "M12 4a8 8 0 0 1 7.4 5H22l-3.5 4.5L15 9h2.1A6 6 0 0 0 6.3 10.1L4.4 9.4A8 8 0 0 1 12 4zm-7.5 6.5L8 15H5.9a6 6 0 0 0 10.8 1.9l1.9.7A8 8 0 0 1 3.6 15H1z"
            }
            Icon::Open => "M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18zm0 3a6 6 0 1 0 0 12 6 6 0 0 0 0-12z",
            Icon::Flag => "M5 2h2v20H5zm3 1h12l-3 4.5 3 4.5H8z",
            Icon::Hidden => {
                "M2.7 2 1.3 3.4l3.3 3.3C3 8 1.8 9.9 1 12c1.7 4.4 6 7.5 11 7.5 1.7 0 3.3-.4 4.8-1l3.8 3.8 1.4-1.4zM12 16.5A4.5 4.5 0 0 1 7.8 10.3l1.5 1.5a2.6 2.6 0 0 0 2.9 2.9l1.5 1.5c-.5.2-1.1.3-1.7.3zM12 4.5c5 0 9.3 3.1 11 7.5-.7 1.8-1.8 3.4-3.2 4.6l-3.4-3.4A4.5 4.5 0 0 0 10.8 7.6L8.3 5.1c1.2-.4 2.4-.6 3.7-.6z"
            }
            Icon::Pencil => {
                "M3 17.3V21h3.7L17.8 9.9l-3.7-3.7zM20.7 7a1 1 0 0 0 0-1.4l-2.3-2.3a1 1 0 0 0-1.4 0l-1.8 1.8 3.7 3.7z"
            }
            Icon::Lock => "M6 10V7a6 6 0 0 1 12 0v3h2v12H4V10zm2 0h8V7a4 4 0 0 0-8 0zm3 4v4h2v-4z",
            Icon::Tools => {
                "M21.7 6.3 18.4 9.6l-2.1-.6-.6-2.1L19 3.6A5.5 5.5 0 0 0 12.3 10.3L3 19.6 4.4 21l9.3-9.3a5.5 5.5 0 0 0 8-5.4z"
            }
            Icon::Print => {
                "M6 2h12v5H6zM4 8h16a2 2 0 0 1 2 2v7h-4v5H6v-5H2v-7a2 2 0 0 1 2-2zm4 7v5h8v-5z"
            }
            Icon::Reply => "M10 8V4l-7 7 7 7v-4c5 0 8.5 1.5 11 5-1-5-4-10-11-11z",
            Icon::Trash => "M9 3h6l1 2h4v2H4V5h4zM5 8h14l-1.2 13H6.2zm4 3v7h2v-7zm4 0v7h2v-7z",
            Icon::Dots => {
                "M6 10a2 2 0 1 1 0 4 2 2 0 0 1 0-4zm6 0a2 2 0 1 1 0 4 2 2 0 0 1 0-4zm6 0a2 2 0 1 1 0 4 2 2 0 0 1 0-4z"
            }
        }
    }

    /// The icon stored for a category; an unknown name shows the neutral dots.
    pub fn for_category(name: &str) -> Icon {
        match name {
            "playground" => Icon::Playground,
            "broom" => Icon::Broom,
            "tree" => Icon::Tree,
            "shield" => Icon::Shield,
            "building" => Icon::Building,
            "car" => Icon::Car,
            "people" => Icon::People,
            _ => Icon::Dots,
        }
    }

    pub fn for_stage(stage: crate::domain::OutcomeStage) -> Icon {
        use crate::domain::OutcomeStage::*;
        match stage {
            Planned => Icon::Clock,
            InProgress => Icon::Progress,
            Done => Icon::Check,
            NotPossible => Icon::Cross,
        }
    }

    /// Each state its own picture: open is the ballot, closed the lock.
    pub fn for_decision(state: crate::views::decisions::DecisionState) -> Icon {
        use crate::views::decisions::DecisionState::*;
        match state {
            Scheduled => Icon::Clock,
            Open => Icon::Decisions,
            Closed => Icon::Lock,
            Cancelled => Icon::Cross,
        }
    }

    pub fn for_status(status: crate::domain::ProposalStatus) -> Icon {
        use crate::domain::ProposalStatus::*;
        match status {
            Submitted => Icon::Clock,
            Open => Icon::Open,
            Voting => Icon::Decisions,
            Accepted => Icon::Check,
            Rejected => Icon::Cross,
            Withdrawn => Icon::Undo,
            Merged => Icon::Merge,
        }
    }
}

/// An icon that screen readers skip: the word beside it says the same.
#[component]
pub fn IconSvg(icon: Icon) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <use href=format!("{}#{icon:?}", sprite_href())></use>
        </svg>
    }
}

/// Every icon as a `<symbol>` named after it (`#Home`), in one file.
pub fn sprite() -> &'static str {
    static SPRITE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        let symbols: String = Icon::ALL
            .iter()
            .map(|icon| {
                format!(
                    r#"<symbol id="{icon:?}" viewBox="0 0 24 24"><path d="{}" fill="currentColor"/></symbol>"#,
                    icon.path()
                )
            })
            .collect();
        format!(r#"<svg xmlns="http://www.w3.org/2000/svg">{symbols}</svg>"#)
    });
    &SPRITE
}

/// The sprite's address, with a tag of its content: a new drawing is a new address, so the
/// browser may keep each one for good. The same on the server and in the browser's wasm.
pub fn sprite_href() -> &'static str {
    static HREF: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        // FNV-1a: the same number on every platform and build, unlike `DefaultHasher`.
        let tag = sprite()
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
                (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
            });
        format!("/icons.svg?v={tag:016x}")
    });
    &HREF
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ProposalStatus;
    use crate::views::decisions::DecisionState;

    /// Each picture says one thing: no two statuses share one, and none borrows a picture that
    /// already means something else (the comment bubble, the safety shield).
    #[test]
    fn statuses_and_states_each_have_their_own_picture() {
        let statuses: Vec<&str> = ProposalStatus::ALL
            .into_iter()
            .map(|s| Icon::for_status(s).path())
            .collect();
        let states: Vec<&str> = [
            DecisionState::Scheduled,
            DecisionState::Open,
            DecisionState::Closed,
            DecisionState::Cancelled,
        ]
        .into_iter()
        .map(|s| Icon::for_decision(s).path())
        .collect();
        for pictures in [&statuses, &states] {
            let mut distinct = pictures.clone();
            distinct.sort_unstable();
            distinct.dedup();
            assert_eq!(distinct.len(), pictures.len(), "{pictures:?}");
        }
        for taken in [Icon::Comment, Icon::Shield, Icon::Join] {
            assert!(!statuses.contains(&taken.path()));
            assert!(!states.contains(&taken.path()));
        }
    }

    #[test]
    fn the_sprite_draws_every_icon_once_and_its_address_follows_its_content() {
        for icon in Icon::ALL {
            let id = format!(r#"id="{icon:?}""#);
            assert_eq!(sprite().matches(&id).count(), 1, "{icon:?}");
        }
        assert!(sprite_href().starts_with("/icons.svg?v="));
        assert_eq!(sprite_href().len(), "/icons.svg?v=".len() + 16);
    }

    #[test]
    fn moderation_what_changed_safety_print_and_joining_look_different() {
        let pictures = [
            Icon::Shield,
            Icon::Tools,
            Icon::Hidden,
            Icon::Pencil,
            Icon::Lock,
            Icon::Changed,
            Icon::Print,
            Icon::Join,
            Icon::Flag,
            Icon::Reply,
            Icon::Broom,
            Icon::Trash,
        ]
        .map(Icon::path);
        let mut distinct = pictures.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), pictures.len());
    }
}
