//! A decision's counts as a bar chart drawn on the server: plain SVG (no script, no library), with
//! the numbers written beside the bars and again in the caption, in words.
use crate::components::shown_title;
use crate::components::{choice_counts, choice_key};
use crate::domain::Choice;
use crate::i18n::{t, use_locale};
use crate::views::decisions::TallyRow;
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
    let described = choice_counts(&row, &use_locale());
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
            <figcaption>{shown_title(row.proposal_id, row.title)}": "{described}</figcaption>
        </figure>
    }
}

/// A priority poll's result: proposals in order of their dots, each with its bar and number.
#[component]
pub fn DotsChart(rows: Vec<TallyRow>) -> impl IntoView {
    let largest = rows.iter().map(|r| r.dots).max().unwrap_or(0).max(1);
    let row_height = 48;
    let height = row_height * u32::try_from(rows.len()).unwrap_or(0);
    let width = BAR_SPACE + LABEL_WIDTH;
    let described: Vec<String> = rows
        .iter()
        .zip(1..)
        .map(|(row, place)| {
            let title = shown_title(row.proposal_id, row.title.clone());
            format!("{place}. {title}: {}", row.dots)
        })
        .collect();
    view! {
        <figure class="result-chart">
            <svg viewBox=format!("0 0 {} {height}", width + 40) aria-hidden="true" width="100%">
                {rows.iter().enumerate().map(|(i, row)| {
                    let y = u32::try_from(i).unwrap_or(0) * row_height;
                    let bar = (width * row.dots / largest).max(2);
                    let title: String = shown_title(row.proposal_id, row.title.clone()).chars().take(38).collect();
                    view! {
                        <text x="0" y=y + 16 class="chart-label">{title}</text>
                        <rect x="0" y=y + 22 width=bar height="18" rx="4" class="bar bar-yes"/>
                        <text x=bar + 6 y=y + 37 class="chart-count">{row.dots}</text>
                    }
                }).collect_view()}
            </svg>
            <figcaption>
                <ol class="ranking">{described.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ol>
            </figcaption>
        </figure>
    }
}
