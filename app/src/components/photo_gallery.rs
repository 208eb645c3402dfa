//! Photos as thumbnails; tapping one shows it large over the page.
use super::icons::{Icon, IconSvg};
use crate::i18n::{t, t_with};
use crate::views::proposals::PhotoView;
use leptos::prelude::*;

/// Works without JavaScript: each large photo is shown while the address ends in its
/// `#<key>-<n>` (CSS `:target`), and only then loaded; closing goes back to `#<key>s`. The links
/// skip the islands router, which would fetch the page. `key` keeps several galleries on one
/// page apart (a proposal's own photos are `photo`, an outcome update's `update-<id>-photo`).
#[component]
pub fn PhotoGallery(#[prop(into)] key: String, photos: Vec<PhotoView>) -> impl IntoView {
    if photos.is_empty() {
        return None;
    }
    let numbered = || photos.iter().cloned().zip(1..);
    let list = format!("{key}s");
    Some(view! {
        <ul class="photos" id=list.clone()>
            {numbered().map(|(photo, n)| view! {
                <li>
                    <a href=format!("#{key}-{n}") rel="external"
                        aria-label=t_with("photo-open", &[("number", n.into())])>
                        <img src=photo.thumbnail_url alt="" width=photo.width height=photo.height
                            loading="lazy"/>
                    </a>
                </li>
            }).collect_view()}
        </ul>
        {numbered().map(|(photo, n)| view! {
            <div class="lightbox" id=format!("{key}-{n}")>
                <img src=photo.url alt=format!("{} {n}", t("proposal-photo")) width=photo.width
                    height=photo.height loading="lazy"/>
                <a class="button lightbox-close" href=format!("#{list}") rel="external">
                    <IconSvg icon=Icon::Cross/>
                    <span>{t("photo-close")}</span>
                </a>
            </div>
        }).collect_view()}
    })
}
