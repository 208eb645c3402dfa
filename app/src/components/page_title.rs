//! The page's `<title>`. leptos_meta 0.8.7 writes the title text into the HTML unescaped during
//! server rendering, so a proposal titled `</title><script>…` would run script; escape it here.
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PageTitle(#[prop(into)] text: String) -> impl IntoView {
    let escaped = html_escape::encode_text(&text).into_owned();
    view! { <Title text=escaped/> }
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_in_a_title_is_escaped() {
        let escaped = html_escape::encode_text("</title><script>alert(1)</script> & co");
        assert_eq!(
            escaped,
            "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
        );
    }
}
