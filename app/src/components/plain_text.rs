//! Text people wrote, shown safely: paragraphs and line breaks kept, web links clickable, nothing
//! else interpreted (Leptos escapes the text itself).
use leptos::either::Either;
use leptos::prelude::*;
use linkify::{LinkFinder, LinkKind};

/// Splits a line into text and http(s) links.
fn pieces(line: &str) -> Vec<(String, bool)> {
    let mut finder = LinkFinder::new();
    finder.kinds(&[LinkKind::Url]);
    finder
        .spans(line)
        .map(|span| {
            let text = span.as_str();
            let is_web = span.kind().is_some()
                && (text.starts_with("https://") || text.starts_with("http://"));
            (text.to_owned(), is_web)
        })
        .collect()
}

#[component]
pub fn PlainText(text: String) -> impl IntoView {
    let paragraphs: Vec<Vec<String>> = text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| p.lines().map(str::to_owned).collect())
        .collect();
    paragraphs
        .into_iter()
        .map(|lines| {
            let count = lines.len();
            view! {
                <p class="plain-text">
                    {lines
                        .into_iter()
                        .enumerate()
                        .map(|(i, line)| {
                            view! {
                                {pieces(&line)
                                    .into_iter()
                                    .map(|(text, is_link)| {
                                        if is_link {
                                            let href = text.clone();
                                            Either::Left(view! {
                                                <a href=href rel="nofollow ugc noopener noreferrer">{text}</a>
                                            })
                                        } else {
                                            Either::Right(text)
                                        }
                                    })
                                    .collect_view()}
                                {(i + 1 < count).then(|| view! { <br/> })}
                            }
                        })
                        .collect_view()}
                </p>
            }
        })
        .collect_view()
}

#[cfg(test)]
mod tests {
    use super::pieces;

    #[test]
    fn only_web_links_become_links() {
        let found = pieces("Viz https://litvinov.cz/ a javascript:alert(1) nebo mail@example.cz");
        let links: Vec<&str> = found
            .iter()
            .filter(|(_, l)| *l)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(links, ["https://litvinov.cz/"]);
        let all: String = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            all,
            "Viz https://litvinov.cz/ a javascript:alert(1) nebo mail@example.cz"
        );
    }
}
