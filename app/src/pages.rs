//! One module per page, named after its address.
mod admin;
mod admin_categories;
mod assist_vote;
mod decision;
mod decisions;
mod edit_proposal;
mod home;
mod join;
mod login;
mod me;
mod meeting_poll;
mod new_decision;
mod new_poll;
mod new_proposal;
mod notifications;
mod outcomes;
mod posters;
mod print_invites;
mod privacy;
mod proposal;
mod proposals;
mod record_meeting;
mod reset;
mod staff;
mod staff_assist;
mod staff_exports;
mod staff_invites;
mod staff_log;
mod staff_members;

pub use admin::AdminPage;
pub use admin_categories::AdminCategoriesPage;
pub use assist_vote::AssistVotePage;
pub use decision::DecisionPage;
pub use decisions::DecisionsPage;
pub use edit_proposal::EditProposalPage;
pub use home::HomePage;
pub use join::JoinPage;
pub use login::LoginPage;
pub use me::MePage;
pub use meeting_poll::MeetingPollPage;
pub use new_decision::NewDecisionPage;
pub use new_poll::NewPollPage;
pub use new_proposal::NewProposalPage;
pub use notifications::NotificationsPage;
pub use outcomes::OutcomesPage;
pub use posters::{DecisionPosterPage, OutcomePosterPage, WeekPosterPage};
pub use print_invites::PrintInvitesPage;
pub use privacy::PrivacyPage;
pub use proposal::ProposalPage;
pub use proposals::ProposalsPage;
pub use record_meeting::RecordMeetingPage;
pub use reset::ResetPage;
pub use staff::StaffPage;
pub use staff_assist::StaffAssistPage;
pub use staff_exports::StaffExportsPage;
pub use staff_invites::StaffInvitesPage;
pub use staff_log::StaffLogPage;
pub use staff_members::StaffMembersPage;

use crate::components::{PageTitle, set_status};
use crate::i18n::t;
use crate::permissions::{Action, allows};
use crate::visitor::{Member, use_visitor};
use leptos::prelude::*;

/// Who may open a page that needs `action`, in one sentence (a locale key).
fn who_may_open(action: Action) -> &'static str {
    match action {
        Action::Read | Action::Participate => "gate-members",
        Action::ManageStaff | Action::Administer => "gate-admins",
        _ => "gate-staff",
    }
}

/// The number in the page's address (`/proposals/{id}`), when it is one.
pub fn id_in_address() -> Option<i32> {
    leptos_router::hooks::use_params_map()
        .get_untracked()
        .get("id")
        .and_then(|id| id.parse().ok())
}

/// `member_page` for a page about one numbered thing at `{list}/{id}/{tail}`: the gate (coming
/// back to that page after signing in), then the member and the number from the address, which
/// is `None` when it is not a number (the page then says it found nothing).
pub fn numbered_page(
    list: &str,
    tail: &str,
    action: Action,
) -> Result<(Member, Option<i32>), AnyView> {
    let id = id_in_address();
    let back = id.map_or_else(|| list.to_owned(), |id| format!("{list}/{id}/{tail}"));
    member_page(&back, action).map(|member| (member, id))
}

/// The gate in front of a page for members: a visitor is sent to sign in (and back here after),
/// a member without `action` gets a 403 page. `Ok` is the member who may see the page. A visitor
/// at a page for staff or admins gets a 401 page saying whose page it is, with the sign-in form.
pub fn member_page(back: &str, action: Action) -> Result<Member, AnyView> {
    let Some(member) = use_visitor().member else {
        if !matches!(action, Action::Read | Action::Participate) {
            set_status(401);
            return Err(view! {
                <PageTitle text=t("sign-in")/>
                <h1>{t("sign-in")}</h1>
                <p class="lead">{t(who_may_open(action))}</p>
                <login::SignInForm next=back.to_owned()/>
            }
            .into_any());
        }
        let sign_in = format!(
            "/login?{}",
            form_urlencoded::Serializer::new(String::new())
                .append_pair("next", back)
                .finish()
        );
        #[cfg(feature = "ssr")]
        leptos_axum::redirect(&sign_in);
        // Seen only by clients that do not follow the redirect.
        return Err(view! { <p><a href=sign_in>{t("sign-in")}</a></p> }.into_any());
    };
    if !allows(Some(&member), action, true) {
        set_status(403);
        return Err(view! {
            <PageTitle text=t("forbidden-title")/>
            <h1>{t("forbidden-title")}</h1>
            <p class="lead">{t(who_may_open(action))}</p>
        }
        .into_any());
    }
    Ok(member)
}
