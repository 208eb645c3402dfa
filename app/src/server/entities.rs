//! sea-orm entities, one per table made by the migrations.
pub mod category;
pub mod category_name;
pub mod comment;
pub mod decision;
pub mod decision_participant;
pub mod decision_proposal;
pub mod decision_tally;
pub mod invite;
pub mod moderation_log;
pub mod notification;
pub mod notification_event;
pub mod open_ballot_mark;
pub mod outcome;
pub mod outcome_photo;
pub mod outcome_update;
pub mod place;
pub mod proposal;
pub mod proposal_photo;
pub mod proposal_status_change;
pub mod push_delivery;
pub mod push_device;
pub mod push_muted;
pub mod reading;
pub mod refused_upload;
pub mod report;
pub mod session;
pub mod sign_in_failure;
pub mod sign_in_gate;
pub mod site_setting;
pub mod sms_message;
pub mod sms_month;
pub mod sms_number;
pub mod stored_file;
pub mod support;
pub mod user;

// Statuses, kinds, methods, eligibility, stages, roles, choices and log actions are stored as
// the domain's own enums (`DeriveActiveEnum` in `domain/`): a row holding a value no variant
// names fails to load with a database error, which is logged, rather than becoming a default.
#[cfg(test)]
mod tests {
    use crate::domain::{
        Choice, DecisionKind, Eligibility, LogAction, Outcome, OutcomeStage, ProposalStatus,
        ReadingOf, ReportReason, Role, TargetKind, VotingMethod,
    };
    use crate::views::notifications::{NotificationKind, PushTopic};
    use sea_orm::{ActiveEnum, Iterable};

    /// Forms and addresses speak `as_str`; the database speaks the stored value. They are the
    /// same words, so a link or a form value always names what is stored.
    fn stored_as_named<E: ActiveEnum<Value = String> + Iterable + Copy>(
        name: impl Fn(E) -> &'static str,
    ) {
        for variant in E::iter() {
            assert_eq!(variant.to_value(), name(variant));
            assert!(E::try_from_value(&name(variant).to_owned()).is_ok());
        }
        assert!(E::try_from_value(&"no such value".to_owned()).is_err());
    }

    #[test]
    fn every_stored_enum_stores_the_word_forms_use() {
        stored_as_named(ProposalStatus::as_str);
        stored_as_named(OutcomeStage::as_str);
        stored_as_named(Role::as_str);
        stored_as_named(Eligibility::as_str);
        stored_as_named(DecisionKind::as_str);
        stored_as_named(VotingMethod::as_str);
        stored_as_named(Choice::as_str);
        stored_as_named(Outcome::as_str);
        stored_as_named(LogAction::as_str);
        stored_as_named(ReportReason::as_str);
        stored_as_named(NotificationKind::as_str);
        stored_as_named(TargetKind::as_str);
        stored_as_named(ReadingOf::as_str);
        stored_as_named(PushTopic::as_str);
    }
}
