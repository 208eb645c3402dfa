//! A decision's counts as a bar chart drawn on the server: plain SVG (no script, no library), with
//! the numbers written beside the bars and again in the caption, in words.
use super::choice_key;
use crate::decisions::TallyRow;
use crate::domain::Choice;
use crate::i18n::t;
use leptos::prelude::*;

const LABEL_WIDTH: u32 = 110;
const BAR_SPACE: u32 = 170;
const ROW_HEIGHT: u32 = 36;

#[component]
pub fn ResultChart(row: TallyRow) -> impl IntoView {
    let bars = [
        (Choice::Yes, row.yes),
        (Choice::No, row.no),
        (Choice::Abstain, row.abstain),
    ];
    let largest = bars.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let described: Vec<String> = bars
        .iter()
        .map(|(choice, n)| format!("{}: {n}", t(choice_key(*choice))))
        .collect();
    let height = ROW_HEIGHT * 3;
    view! {
        <figure class="result-chart">
            // The caption below says the same in words, so the picture is hidden from screen readers.
            <svg viewBox=format!("0 0 {} {height}", LABEL_WIDTH + BAR_SPACE + 40) aria-hidden="true"
                width="100%">
                {bars.into_iter().enumerate().map(|(i, (choice, n))| {
                    let y = u32::try_from(i).unwrap_or(0) * ROW_HEIGHT;
                    let width = (BAR_SPACE * n / largest).max(2);
                    view! {
                        <text x="0" y=y + 23 class="chart-label">{t(choice_key(choice))}</text>
                        <rect x=LABEL_WIDTH y=y + 6 width=width height=ROW_HEIGHT - 12 rx="4"
                            class=format!("bar bar-{}", choice.as_str())/>
                        <text x=LABEL_WIDTH + width + 6 y=y + 23 class="chart-count">{n}</text>
                    }
                }).collect_view()}
            </svg>
            <figcaption>{row.title}": "{described.join(" · ")}</figcaption>
        </figure>
    }
}
