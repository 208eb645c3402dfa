//! "Report": a folded form with the reasons; once sent, it says so instead.
use super::report_content::ReportContent;
use crate::components::{Icon, IconSvg};
use crate::domain::ReportReason;
use crate::i18n::t;
use leptos::prelude::*;

#[component]
pub fn ReportForm(
    /// "proposal" or "comment"
    kind: &'static str,
    id: i32,
    reported: bool,
    action: ServerAction<ReportContent>,
) -> impl IntoView {
    if reported {
        return view! {
            <p class="hint reported"><IconSvg icon=Icon::Check/><span>{t("report-sent")}</span></p>
        }
        .into_any();
    }
    let prefix = format!("report-{kind}-{id}");
    view! {
        <details class="report">
            <summary><IconSvg icon=Icon::Flag/><span>{t("report")}</span></summary>
            <ActionForm action=action attr:class="form">
                <input type="hidden" name="kind" value=kind/>
                <input type="hidden" name="id" value=id/>
                <fieldset class="field">
                    <legend>{t("report-why")}</legend>
                    {ReportReason::ALL.into_iter().map(|reason| view! {
                        <label class="choice">
                            <input type="radio" name="reason" value=reason.as_str() required/>
                            <span>{t(&reason.label_key())}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <label for=format!("{prefix}-note")>{t("report-note")}</label>
                <input id=format!("{prefix}-note") name="note" type="text" maxlength=ReportReason::NOTE_MAX/>
                <button type="submit" class="button"><IconSvg icon=Icon::Flag/><span>{t("report")}</span></button>
            </ActionForm>
        </details>
    }
    .into_any()
}
