//! DESIGN.md's permission table as code: one named check per row, used by every server function.
//! Hiding a button is never the check; these are.
use crate::domain::{Eligibility, Role};
use crate::error::AppError;
use crate::visitor::Member;

/// The rows of DESIGN.md's permission table that exist so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Read proposals, comments and outcomes (when the site is public, also visitors).
    Read,
    /// Propose, comment, support, report.
    Participate,
    /// Hide/restore, edit with a reason, lock, merge; approve waiting proposals.
    Moderate,
    /// Open, schedule, close or cancel a decision; record a meeting's tally.
    ManageDecisions,
    /// Publish outcomes and progress updates; download the staff's CSV exports.
    PublishOutcomes,
    /// Invites, password resets, core-group membership, suspending a user.
    ManageMembers,
    /// Act for a resident who is present and asks (assisted entry, assisted vote); recorded.
    ActForResident,
    /// Make invites for staff or admin accounts: "only admins make staff".
    ManageStaff,
    /// Settings, categories, places, staff roles.
    Administer,
}

/// Whether `member` (None for a visitor) may do `action`.
pub fn allows(member: Option<&Member>, action: Action, site_is_public: bool) -> bool {
    let role = member.map(|m| m.role);
    // A suspended member, whatever their role, may only read until the suspension ends.
    if member.is_some_and(|m| m.suspended) && action != Action::Read {
        return false;
    }
    match action {
        Action::Read => site_is_public || member.is_some(),
        Action::Participate => member.is_some(),
        Action::Moderate
        | Action::ManageDecisions
        | Action::PublishOutcomes
        | Action::ManageMembers
        | Action::ActForResident => {
            matches!(role, Some(Role::Staff | Role::Admin))
        }
        Action::ManageStaff | Action::Administer => role == Some(Role::Admin),
    }
}

/// The member allowed to do `action`, or the error to answer with: a visitor is asked to sign in,
/// a member without the right is refused.
pub fn require(member: Option<Member>, action: Action) -> Result<Member, AppError> {
    match member {
        None => Err(AppError::NotSignedIn),
        Some(member) if allows(Some(&member), action, true) => Ok(member),
        Some(member) if member.suspended => Err(AppError::Suspended),
        Some(_) => Err(AppError::Forbidden),
    }
}

/// Whether `member` may make, see, print or revoke a code (invite or password reset) that gives
/// `role`: staff only for residents, since a staff or admin code is a way into those roles and
/// only admins make staff. Every place that shows or touches a code asks this.
pub fn may_handle_code_for(member: &Member, role: Role) -> bool {
    allows(Some(member), Action::ManageMembers, true)
        && (role == Role::Resident || allows(Some(member), Action::ManageStaff, true))
}

/// "Act for a resident who is present and asks": staff write or vote for residents (and core
/// members), never for another staff member or an admin, and not for themselves.
pub fn may_act_for(staff: &Member, member: &Member) -> bool {
    allows(Some(staff), Action::ActForResident, true)
        && member.role == Role::Resident
        && member.id != staff.id
}

/// "Vote in a decision": the core group when the decision is for the core group, every member when
/// it is open to all. Staff and admins vote "as members": by the same rule, not by their role.
pub fn may_vote(member: Option<&Member>, eligibility: Eligibility) -> bool {
    match (member, eligibility) {
        (None, _) => false,
        (Some(member), _) if member.suspended => false,
        (Some(_), Eligibility::AllMembers) => true,
        (Some(member), Eligibility::CoreGroup) => member.core,
    }
}

/// Reading: a visitor may read when the site is public; otherwise they are asked to sign in.
pub fn require_read(
    member: Option<Member>,
    site_is_public: bool,
) -> Result<Option<Member>, AppError> {
    if allows(member.as_ref(), Action::Read, site_is_public) {
        Ok(member)
    } else {
        Err(AppError::NotSignedIn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(role: Role, core: bool) -> Member {
        Member {
            id: 1,
            username: "x".into(),
            display_name: "X".into(),
            role,
            core,
            suspended: false,
        }
    }

    #[test]
    fn follows_the_design_table() {
        let resident = member(Role::Resident, false);
        let core = member(Role::Resident, true);
        let staff = member(Role::Staff, false);
        let admin = member(Role::Admin, false);
        // (action, visitor, resident, core, staff, admin)
        let table = [
            (Action::Read, true, true, true, true, true),
            (Action::Participate, false, true, true, true, true),
            (Action::Moderate, false, false, false, true, true),
            (Action::ManageDecisions, false, false, false, true, true),
            (Action::PublishOutcomes, false, false, false, true, true),
            (Action::ManageMembers, false, false, false, true, true),
            (Action::ActForResident, false, false, false, true, true),
            (Action::ManageStaff, false, false, false, false, true),
            (Action::Administer, false, false, false, false, true),
        ];
        for (action, visitor, r, c, s, a) in table {
            assert_eq!(allows(None, action, true), visitor, "{action:?} visitor");
            assert_eq!(
                allows(Some(&resident), action, true),
                r,
                "{action:?} resident"
            );
            assert_eq!(allows(Some(&core), action, true), c, "{action:?} core");
            assert_eq!(allows(Some(&staff), action, true), s, "{action:?} staff");
            assert_eq!(allows(Some(&admin), action, true), a, "{action:?} admin");
        }
    }

    #[test]
    fn a_suspended_member_only_reads_whatever_their_role() {
        for role in [Role::Resident, Role::Staff, Role::Admin] {
            let suspended = Member {
                suspended: true,
                ..member(role, true)
            };
            assert!(allows(Some(&suspended), Action::Read, false));
            for action in [
                Action::Participate,
                Action::Moderate,
                Action::ManageDecisions,
                Action::PublishOutcomes,
                Action::ManageMembers,
                Action::ActForResident,
                Action::ManageStaff,
                Action::Administer,
            ] {
                assert!(
                    !allows(Some(&suspended), action, true),
                    "{role:?} {action:?}"
                );
                assert_eq!(
                    require(Some(suspended.clone()), action),
                    Err(AppError::Suspended)
                );
            }
            assert!(!may_vote(Some(&suspended), Eligibility::AllMembers));
            assert!(!may_vote(Some(&suspended), Eligibility::CoreGroup));
        }
    }

    #[test]
    fn staff_act_only_for_residents() {
        let staff = member(Role::Staff, false);
        let resident = Member {
            id: 2,
            ..member(Role::Resident, true)
        };
        let admin = Member {
            id: 3,
            ..member(Role::Admin, false)
        };
        let other_staff = Member {
            id: 4,
            ..member(Role::Staff, false)
        };
        assert!(may_act_for(&staff, &resident));
        assert!(!may_act_for(&staff, &admin));
        assert!(!may_act_for(&staff, &other_staff));
        assert!(!may_act_for(&staff, &staff));
        assert!(!may_act_for(&resident, &resident));
    }

    #[test]
    fn only_admins_handle_codes_for_staff_and_admins() {
        // (viewer, resident code, staff code, admin code)
        let table = [
            (member(Role::Resident, true), false, false, false),
            (member(Role::Staff, false), true, false, false),
            (member(Role::Admin, false), true, true, true),
        ];
        for (viewer, resident, staff, admin) in table {
            assert_eq!(may_handle_code_for(&viewer, Role::Resident), resident);
            assert_eq!(may_handle_code_for(&viewer, Role::Staff), staff);
            assert_eq!(may_handle_code_for(&viewer, Role::Admin), admin);
        }
        let suspended_admin = Member {
            suspended: true,
            ..member(Role::Admin, false)
        };
        assert!(!may_handle_code_for(&suspended_admin, Role::Resident));
    }

    #[test]
    fn voting_follows_the_decision_not_the_role() {
        let core_staff = Member {
            core: true,
            ..member(Role::Staff, false)
        };
        // (member, core-group decision, all-members decision)
        let table = [
            (None, false, false),
            (Some(member(Role::Resident, false)), false, true),
            (Some(member(Role::Resident, true)), true, true),
            (Some(member(Role::Staff, false)), false, true),
            (Some(core_staff), true, true),
            (Some(member(Role::Admin, false)), false, true),
        ];
        for (who, core, all) in table {
            assert_eq!(
                may_vote(who.as_ref(), Eligibility::CoreGroup),
                core,
                "{who:?}"
            );
            assert_eq!(
                may_vote(who.as_ref(), Eligibility::AllMembers),
                all,
                "{who:?}"
            );
        }
    }

    #[test]
    fn a_private_site_is_read_only_by_members() {
        assert!(!allows(None, Action::Read, false));
        assert_eq!(require_read(None, false), Err(AppError::NotSignedIn));
        assert_eq!(require_read(None, true), Ok(None));
        assert!(allows(
            Some(&member(Role::Resident, false)),
            Action::Read,
            false
        ));
    }

    #[test]
    fn require_sends_visitors_to_sign_in_and_refuses_the_rest() {
        assert_eq!(
            require(None, Action::ManageMembers),
            Err(AppError::NotSignedIn)
        );
        assert_eq!(
            require(Some(member(Role::Resident, true)), Action::ManageMembers),
            Err(AppError::Forbidden)
        );
        assert!(require(Some(member(Role::Staff, false)), Action::ManageMembers).is_ok());
    }
}
