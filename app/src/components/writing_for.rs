//! Assisted entry: the mark on a form that a staff member is writing for a member who is present.
use super::{FormMessage, Icon, IconSvg};
use crate::i18n::t_with;
use crate::serverfns::assisted_member;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// "You are writing for Anna Černá", and the hidden field that makes the form post for her.
#[component]
pub fn WritingFor(member: i32) -> impl IntoView {
    view! {
        <input type="hidden" name="for_member" value=member/>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match assisted_member(member).await {
                    Ok(name) => view! {
                        <p class="moderation-mark writing-for">
                            <IconSvg icon=Icon::People/>
                            <span>{t_with("writing-for", &[("name", name.into())])}</span>
                        </p>
                    }.into_any(),
                    Err(error) => view! { <FormMessage error=Some(error)/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The member id in `?for=` / `?member=`, if any.
pub fn member_in_query(key: &str) -> Option<i32> {
    use_query_map()
        .get_untracked()
        .get(key)
        .and_then(|id| id.parse().ok())
}
