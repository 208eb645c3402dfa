//! The HTML document around every page, and the routes.
use crate::components::{BottomNav, Header, NotFound};
use crate::pages::{
    AdminCategoriesPage, AdminPage, AssistVotePage, DecisionPage, DecisionPosterPage,
    DecisionsPage, EditProposalPage, HomePage, JoinPage, LoginPage, MePage, MeetingPollPage,
    NewDecisionPage, NewPollPage, NewProposalPage, NotificationsPage, OutcomePosterPage,
    OutcomesPage, PrintInvitesPage, PrivacyPage, ProposalPage, ProposalsPage, RecordMeetingPage,
    ResetPage, StaffAssistPage, StaffExportsPage, StaffInvitesPage, StaffLogPage, StaffMembersPage,
    StaffPage, WeekPosterPage,
};
use crate::visitor::{provide_visitor, use_visitor};
use leptos::prelude::*;
use leptos_meta::{MetaTags, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

/// Site-wide values the page frame needs, from the server's settings.
#[derive(Debug, Clone, Default)]
pub struct SiteFrame {
    pub site_name: String,
    pub estate_name: String,
    pub stylesheet_href: String,
    pub script_href: String,
}

fn site_frame() -> SiteFrame {
    #[cfg(feature = "ssr")]
    // Quietly empty while routes are listed at start-up, when there is no state yet.
    if let Some(state) = use_context::<crate::server::AppState>() {
        let site = crate::views::site::use_site();
        return SiteFrame {
            site_name: site.as_ref().map_or_else(
                || crate::server::infra::site_settings::DEFAULT_SITE_NAME.to_owned(),
                |site| site.site_name.clone(),
            ),
            estate_name: site.map_or_else(
                || state.settings.estate_name.clone(),
                |site| site.estate_name,
            ),
            stylesheet_href: state.settings.stylesheet_href.clone(),
            script_href: state.settings.script_href.clone(),
        };
    }
    SiteFrame::default()
}

/// Keeps the islands router away from forms with files, from the first byte of the page: it
/// would post them URL-encoded (dropping the photos), and it is active long before the wasm or
/// `enhance.js` arrive on a slow line. Stopped here, the browser posts the form itself (multipart,
/// a full page load); `enhance.js`, once loaded, takes such forms over earlier (in the capture
/// phase) to shrink the photos and show progress.
const FORMS_WITH_FILES_GUARD: &str = "document.addEventListener('submit',function(e){\
    if(e.target.enctype==='multipart/form-data')e.stopPropagation()})";

/// A content security policy that allows nothing from another host and no inline script
/// but the hydration script carrying this response's nonce.
#[cfg(feature = "ssr")]
fn set_security_policy() {
    use axum::http::{HeaderValue, header::CONTENT_SECURITY_POLICY};
    leptos::nonce::provide_nonce();
    let nonce = leptos::nonce::use_nonce()
        .map(|n| n.to_string())
        .unwrap_or_default();
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; \
         connect-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    );
    if let (Some(options), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        HeaderValue::from_str(&policy),
    ) {
        options.insert_header(CONTENT_SECURITY_POLICY, value);
    }
}

pub fn shell(options: LeptosOptions) -> impl IntoView {
    provide_visitor();
    #[cfg(feature = "ssr")]
    set_security_policy();
    let visitor = use_visitor();
    let locale = visitor.locale;
    // On the centre's tablet, the page reloads itself once the idle time is over, so the next
    // person finds it signed out even if nobody touched it (the server decides; this only asks).
    let kiosk_refresh = visitor
        .kiosk_idle_seconds
        .filter(|_| visitor.member.is_some())
        .map(|seconds| (u64::from(seconds) + 5).to_string());
    let frame = site_frame();
    let nonce = leptos::nonce::use_nonce().map(|n| n.to_string());
    view! {
        <!DOCTYPE html>
        <html lang=locale.tag()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#1d5c4d"/>
                {kiosk_refresh.map(|seconds| view! { <meta http-equiv="refresh" content=seconds/> })}
                <link rel="stylesheet" href=frame.stylesheet_href.clone()/>
                <link rel="manifest" href="/manifest.webmanifest"/>
                <link rel="icon" href="/icon.svg" type="image/svg+xml"/>
                <link rel="apple-touch-icon" href="/icon-192.png"/>
                <script nonce=nonce inner_html=FORMS_WITH_FILES_GUARD></script>
                <script defer=true src=frame.script_href.clone()></script>
                <HydrationScripts options islands=true islands_router=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let frame = site_frame();
    view! {
        <Router>
            <Header site_name=frame.site_name estate_name=frame.estate_name/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/proposals") view=ProposalsPage ssr=SsrMode::Async/>
                    <Route path=path!("/proposals/new") view=NewProposalPage ssr=SsrMode::Async/>
                    <Route path=path!("/proposals/:id") view=ProposalPage ssr=SsrMode::Async/>
                    <Route path=path!("/proposals/:id/edit") view=EditProposalPage ssr=SsrMode::Async/>
                    <Route path=path!("/proposals/:id/decide") view=NewDecisionPage ssr=SsrMode::Async/>
                    <Route path=path!("/proposals/:id/meeting") view=RecordMeetingPage/>
                    <Route path=path!("/decisions") view=DecisionsPage ssr=SsrMode::Async/>
                    <Route path=path!("/decisions/new-poll") view=NewPollPage ssr=SsrMode::Async/>
                    <Route path=path!("/decisions/new-meeting-poll") view=MeetingPollPage ssr=SsrMode::Async/>
                    <Route path=path!("/decisions/:id") view=DecisionPage ssr=SsrMode::Async/>
                    <Route path=path!("/decisions/:id/assist") view=AssistVotePage/>
                    <Route path=path!("/decisions/:id/poster") view=DecisionPosterPage ssr=SsrMode::Async/>
                    <Route path=path!("/outcomes/:id/poster") view=OutcomePosterPage ssr=SsrMode::Async/>
                    <Route path=path!("/posters/week") view=WeekPosterPage ssr=SsrMode::Async/>
                    <Route path=path!("/me") view=MePage ssr=SsrMode::Async/>
                    <Route path=path!("/privacy") view=PrivacyPage/>
                    <Route path=path!("/outcomes") view=OutcomesPage ssr=SsrMode::Async/>
                    <Route path=path!("/notifications") view=NotificationsPage ssr=SsrMode::Async/>
                    <Route path=path!("/join") view=JoinPage/>
                    <Route path=path!("/login") view=LoginPage/>
                    <Route path=path!("/reset") view=ResetPage/>
                    <Route path=path!("/staff") view=StaffPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin") view=AdminPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/categories") view=AdminCategoriesPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/assist") view=StaffAssistPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/members") view=StaffMembersPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/log") view=StaffLogPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/exports") view=StaffExportsPage/>
                    <Route path=path!("/staff/invites") view=StaffInvitesPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/invites/print") view=PrintInvitesPage ssr=SsrMode::Async/>
                </Routes>
            </main>
            <BottomNav/>
        </Router>
    }
}
