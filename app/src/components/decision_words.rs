//! The words (locale keys) for a ballot's choices and a decision's results, the same on every
//! page and in the decision's "Listen" audio, which reads these sentences in the same order.
#[cfg(feature = "ssr")]
use super::listen::spoken_lines;
use super::moderation_marks::title_or_hidden;
use crate::domain::{Choice, Eligibility, Outcome};
use crate::i18n::{DateIn, Locale};
use crate::views::decisions::{DecisionResult, DecisionState, DecisionView, TallyRow};

pub fn choice_key(choice: Choice) -> &'static str {
    match choice {
        Choice::Yes => "vote-yes",
        Choice::No => "vote-no",
        Choice::Abstain => "vote-abstain",
    }
}

/// The outcome in one sentence.
pub fn outcome_key(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Accepted => "result-accepted",
        Outcome::Rejected => "result-rejected",
        Outcome::NoQuorum => "result-no-quorum",
        Outcome::Ranked => "result-ranked",
    }
}

/// A decision in sentences: what is asked, when, who votes, by what rule, and how it ended.
pub struct DecisionWords {
    pub title: String,
    /// When it opens, until when one can vote, or when it ended.
    pub times: String,
    pub who: String,
    /// Shown while it is not over; a closed decision's result says whether the rule was met.
    pub rule: Option<String>,
    pub result: Option<ResultWords>,
    pub cancelled: Option<String>,
    pub at_meeting: Option<String>,
}

/// A closed decision's result in sentences.
pub struct ResultWords {
    pub outcome: String,
    /// How many took part, and whether that was enough.
    pub turnout: String,
    /// Each proposal's count, as the chart shows it ("Ano: 5, Ne: 2, …"); the page draws the
    /// chart instead, so only the audio reads these.
    #[cfg_attr(not(feature = "ssr"), allow(dead_code))]
    pub counts: Vec<String>,
}

impl DecisionWords {
    pub fn new(decision: &DecisionView, locale: &Locale) -> Self {
        // Once it is over, it says what was, not what is.
        let over = matches!(
            decision.state,
            DecisionState::Closed | DecisionState::Cancelled
        );
        let who = locale.text(match (decision.eligibility, over) {
            (Eligibility::CoreGroup, false) => "decision-who-core",
            (Eligibility::AllMembers, false) => "decision-who-members",
            (Eligibility::CoreGroup, true) => "decision-who-core-past",
            (Eligibility::AllMembers, true) => "decision-who-members-past",
        });
        let quorum = ("quorum", i64::from(decision.quorum).into());
        let rule = match decision.dots {
            Some((per_voter, per_proposal)) => locale.text_with(
                "rule-priority",
                &[
                    ("dots", i64::from(per_voter).into()),
                    ("most", i64::from(per_proposal).into()),
                    quorum,
                ],
            ),
            None => locale.text_with("rule-single", &[quorum]),
        };
        let (key, when, form) = match decision.state {
            DecisionState::Scheduled => ("decision-opens", &decision.opens_at, DateIn::On),
            DecisionState::Open => ("decision-closes", &decision.closes_at, DateIn::Until),
            DecisionState::Closed | DecisionState::Cancelled => {
                ("decision-ended", &decision.closes_at, DateIn::On)
            }
        };
        let times = locale.text_with(key, &[("when", locale.date_time(when, form).into())]);
        let title = match (&decision.title, decision.proposals.first()) {
            (Some(title), _) => title.clone(),
            (None, Some((proposal, _))) => title_or_hidden(locale, *proposal, None),
            (None, None) => locale.text("decision-about-hidden"),
        };
        let at_meeting = decision.decided_at_meeting.as_ref().map(|(when, note)| {
            let day = when.split('T').next().unwrap_or_default();
            locale.text_with(
                "decided-at-meeting",
                &[
                    ("when", locale.date(day, DateIn::On).into()),
                    ("note", note.clone().into()),
                ],
            )
        });
        let result = match decision.state {
            DecisionState::Closed => decision.result.as_ref().map(|result| {
                ResultWords::new(result, decision.quorum, at_meeting.is_some(), locale)
            }),
            _ => None,
        };
        let cancelled = (decision.state == DecisionState::Cancelled).then(|| {
            locale.text_with(
                "decision-cancelled-because",
                &[(
                    "reason",
                    decision.cancel_reason.clone().unwrap_or_default().into(),
                )],
            )
        });
        DecisionWords {
            title,
            times,
            who,
            rule: (!over).then_some(rule),
            result,
            cancelled,
            at_meeting,
        }
    }

    /// Everything above as one text to read aloud, a sentence per line.
    #[cfg(feature = "ssr")]
    pub fn spoken(self) -> String {
        let mut lines = vec![self.title];
        lines.push(self.at_meeting.unwrap_or(self.times));
        lines.push(self.who);
        lines.extend(self.rule);
        lines.extend(self.cancelled);
        if let Some(result) = self.result {
            lines.push(result.outcome);
            lines.push(result.turnout);
            lines.extend(result.counts);
        }
        spoken_lines(lines)
    }
}

impl ResultWords {
    fn new(result: &DecisionResult, quorum: u32, at_meeting: bool, locale: &Locale) -> Self {
        let voters = ("voters", i64::from(result.voters).into());
        let turnout = if at_meeting {
            locale.text_with("result-turnout-meeting", &[voters])
        } else {
            locale.text_with(
                "result-turnout",
                &[voters, ("eligible", i64::from(result.eligible).into())],
            )
        };
        let quorum_text = locale.text_with(
            if result.quorum_met {
                "result-quorum-met"
            } else {
                "result-quorum-missed"
            },
            &[("quorum", i64::from(quorum).into())],
        );
        let ranked = ranked_by_dots(result);
        let counts = if ranked {
            let mut rows = result.tallies.clone();
            rows.sort_by_key(|row| std::cmp::Reverse(row.dots));
            rows.into_iter()
                .map(|row| {
                    let title = title_or_hidden(locale, row.proposal_id, row.title);
                    format!("{title}: {}", row.dots)
                })
                .collect()
        } else {
            result
                .tallies
                .iter()
                .map(|row| choice_counts(row, locale))
                .collect()
        };
        ResultWords {
            outcome: locale.text(outcome_key(result.outcome)),
            turnout: format!("{turnout} {quorum_text}"),
            counts,
        }
    }
}

/// A poll's result is a ranking by dots; a single decision's is its yes, no and abstain.
pub fn ranked_by_dots(result: &DecisionResult) -> bool {
    result.tallies.iter().any(|row| row.dots > 0) || result.outcome == Outcome::Ranked
}

/// "Ano: 5, Ne: 2, Zdržel/a se: 1": the chart's numbers in words.
pub fn choice_counts(row: &TallyRow, locale: &Locale) -> String {
    [
        (Choice::Yes, row.yes),
        (Choice::No, row.no),
        (Choice::Abstain, row.abstain),
    ]
    .iter()
    .map(|(choice, n)| format!("{}: {n}", locale.text(choice_key(*choice))))
    .collect::<Vec<_>>()
    .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::DecisionKind;

    fn closed_decision() -> DecisionView {
        DecisionView {
            id: 3,
            title: Some("Nová lavička u vchodu".into()),
            kind: DecisionKind::Single,
            eligibility: Eligibility::CoreGroup,
            quorum: 3,
            opens_at: "2026-11-24T18:00".into(),
            closes_at: "2026-11-25T18:00".into(),
            state: DecisionState::Closed,
            proposals: vec![(12, Some("Nová lavička u vchodu".into()))],
            my_choice: Some(Choice::No),
            dots: None,
            my_dots: Vec::new(),
            took_part: true,
            cannot_vote: None,
            can_manage: false,
            result: Some(DecisionResult {
                eligible: 7,
                voters: 5,
                quorum_met: true,
                outcome: Outcome::Accepted,
                tallies: vec![TallyRow {
                    proposal_id: 12,
                    title: Some("Nová lavička u vchodu".into()),
                    yes: 4,
                    no: 1,
                    abstain: 0,
                    dots: 0,
                }],
            }),
            cancel_reason: None,
            decided_at_meeting: None,
            listen: None,
        }
    }

    #[test]
    fn a_closed_decision_is_read_with_who_voted_and_its_result_in_words() {
        let spoken = DecisionWords::new(&closed_decision(), &Locale::czech()).spoken();
        assert_eq!(
            spoken,
            "Nová lavička u vchodu.\n\
             Skončilo ve středu 25. listopadu 2026, 18:00.\n\
             Hlasovala jádrová skupina.\n\
             Návrh byl přijat.\n\
             Hlasovalo 5 z 7 lidí, kteří mohli. Potřeba bylo aspoň 3, to se splnilo.\n\
             Ano: 4, Ne: 1, Zdržuji se: 0."
        );
    }

    #[test]
    fn an_open_decision_is_read_with_its_rule_and_never_with_the_listeners_own_choice() {
        let mut open = closed_decision();
        open.state = DecisionState::Open;
        open.result = None;
        open.title = None;
        open.proposals = vec![(12, None)];
        let english = Locale::parse("en").expect("English");
        let spoken = DecisionWords::new(&open, &english).spoken();
        assert!(spoken.starts_with("Hidden proposal"), "{spoken}");
        assert!(spoken.contains("At least 3 people must vote."), "{spoken}");
        // The audio is shared by everyone who hears the same text, so it never says whose
        // choice was what, nor whether the listener took part.
        assert!(!spoken.contains("Your vote"), "{spoken}");
        assert!(!spoken.contains("You voted"), "{spoken}");
    }
}
