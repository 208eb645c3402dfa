use super::*;

fn form<'a>(stage: &'a str, reason: &'a str, due: &'a str) -> OutcomeForm<'a> {
    OutcomeForm {
        summary: "Lavičky opraví město.",
        who_does: "Technické služby",
        due_on: due,
        stage,
        reason,
    }
}

#[test]
fn not_possible_needs_its_reason_and_a_bad_day_is_named() {
    let error = form("not_possible", " ", "31. 12.").parse().err();
    let error = error.as_ref();
    assert_eq!(
        error.and_then(|e| e.message_for("reason")),
        Some("error-outcome-reason")
    );
    assert_eq!(
        error.and_then(|e| e.message_for("due_on")),
        Some("error-date")
    );
    assert!(
        form("not_possible", "Pozemek není města.", "")
            .parse()
            .is_ok()
    );
}

#[test]
fn other_stages_keep_no_reason_and_a_day_is_optional() {
    let checked = form("planned", "stray words", "2027-03-31").parse().ok();
    assert_eq!(checked.as_ref().and_then(|c| c.reason.clone()), None);
    assert_eq!(
        checked.and_then(|c| c.due_on),
        NaiveDate::from_ymd_opt(2027, 3, 31)
    );
    assert_eq!(
        form("someday", "", "")
            .parse()
            .err()
            .as_ref()
            .and_then(|e| e.message_for("stage")),
        Some("error-outcome-stage")
    );
}
