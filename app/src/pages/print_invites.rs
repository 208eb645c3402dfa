//! `/staff/invites/print?batch=…`: the unused codes of a batch as slips for A4 paper — the code in
//! large type, a QR code that opens `/join?code=…`, and two lines of plain instructions. The
//! header, navigation and this page's own hints are not printed.
mod invite_slips;

use crate::components::{PageTitle, shown};
use crate::i18n::{t, t_with};
use crate::permissions::Action;
use invite_slips::invite_slips;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PrintInvitesPage() -> impl IntoView {
    if let Err(gate) = super::member_page("/staff/invites", Action::ManageMembers) {
        return gate;
    }
    let batch = use_query_map()
        .get_untracked()
        .get("batch")
        .and_then(|b| b.parse::<i32>().ok());
    view! {
        <PageTitle text=t("print-title")/>
        <div class="print-hide">
            <h1>{t("print-title")}</h1>
            <p class="lead">{t("print-intro")}</p>
            <p><a href="/staff/invites">{t("print-back")}</a></p>
        </div>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                let Some(batch) = batch else {
                    return view! { <crate::components::NotFound/> }.into_any();
                };
                shown(invite_slips(batch).await, |sheet| if sheet.slips.is_empty() {
                    view! { <p class="empty">{t("print-none")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="slips">
                            {sheet.slips.into_iter().map(|slip| view! {
                                <li class="slip">
                                    <p class="slip-brand">{format!("{} · {}", sheet.site_name, sheet.estate_name)}</p>
                                    <div class="slip-body">
                                        <div class="slip-qr" inner_html=slip.qr_svg></div>
                                        <div>
                                            <p class="slip-label">{t("print-code")}</p>
                                            <p class="slip-code">{slip.code.clone()}</p>
                                            <p class="slip-expiry">{t_with("print-valid-until", &[("date", crate::i18n::date_until(&slip.expires_on).into())])}</p>
                                        </div>
                                    </div>
                                    <ol class="slip-steps">
                                        <li>{t_with("print-step-open", &[("address", sheet.join_address.clone().into())])}</li>
                                        <li>{t("print-step-write")}</li>
                                    </ol>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })
            })}
        </Suspense>
    }
    .into_any()
}
