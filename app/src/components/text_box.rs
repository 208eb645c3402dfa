//! The one `<textarea>` of Spolu. Leptos writes the text inside a textarea without escaping it (it
//! treats the element like `<script>`), so a resident's text holding `</textarea><form …>` would end
//! the element and become live HTML. Every textarea is made here, where the text is escaped first;
//! a test below fails if a `<textarea` appears anywhere else in the code.
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn TextBox(
    id: String,
    name: &'static str,
    #[prop(default = 4)] rows: u32,
    #[prop(default = None, into)] max_length: Option<usize>,
    #[prop(optional)] required: bool,
    #[prop(optional)] invalid: bool,
    #[prop(default = None, into)] described_by: Option<String>,
    /// The text already in the box, as the person wrote it (unescaped).
    #[prop(optional, into)]
    text: String,
) -> impl IntoView {
    let invalid = invalid.then_some("true");
    // Two branches, so that the islands router replaces the whole box when it gains or loses text:
    // diffing an empty textarea against a filled one shifts every node after it.
    if text.is_empty() {
        Either::Left(view! {
            <textarea id=id name=name rows=rows maxlength=max_length required=required
                aria-invalid=invalid aria-describedby=described_by></textarea>
        })
    } else {
        let text = escaped(&text);
        Either::Right(view! {
            <textarea id=id name=name rows=rows maxlength=max_length required=required
                aria-invalid=invalid aria-describedby=described_by>{text}</textarea>
        })
    }
}

/// The text as it must stand inside a textarea in server-rendered HTML. The parser drops one
/// newline right after the start tag, so a text that begins with one gets another in front.
fn escaped(text: &str) -> String {
    let escaped = html_escape::encode_text(text);
    if text.starts_with('\n') {
        format!("\n{escaped}")
    } else {
        escaped.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::escaped;

    #[test]
    fn a_closing_tag_in_the_text_stays_text() {
        assert_eq!(
            escaped("</textarea><b id=x>&amp;"),
            "&lt;/textarea&gt;&lt;b id=x&gt;&amp;amp;"
        );
        assert_eq!(escaped("\nsecond line"), "\n\nsecond line");
    }

    /// Every textarea must go through `TextBox`; a bare one would write its text unescaped.
    #[test]
    fn no_textarea_is_written_outside_this_file() {
        fn visit(dir: &std::path::Path, found: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    visit(&path, found);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.ends_with("components/text_box.rs")
                    && std::fs::read_to_string(&path)
                        .unwrap()
                        .contains(concat!("<", "textarea"))
                {
                    found.push(path.display().to_string());
                }
            }
        }
        let mut found = Vec::new();
        visit(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut found,
        );
        assert!(found.is_empty(), "use TextBox instead in {found:?}");
    }
}
