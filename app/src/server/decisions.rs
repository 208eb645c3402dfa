//! Decisions on the server: opening, voting, closing on time, results. The secret is kept by the
//! tables (see the migration): while a decision is open, each voter's current choice is a row of
//! `open_ballot_marks`; the close counts them into `decision_tallies` and deletes them in one
//! transaction. Who took part stays in `decision_participants`, without choices.
//!
//! Votes and the close are serialised on the decision's row: a vote begins by updating the row
//! only if the decision is still open, and the close begins by marking it closed. On PostgreSQL the
//! row lock orders them; on SQLite the first write takes the database's write lock. So a vote is
//! either counted or refused, never lost, even in the same second as the close.
pub mod forms;
pub mod polls;

mod ballot;
mod close;
mod meeting;
mod open;
mod read;
mod store;
pub use ballot::vote;
pub(crate) use ballot::{cast, votable};
pub use close::{cancel, close, close_early, run_due};
pub(crate) use close::{count_i32, eligible_count};
pub use meeting::{MeetingTally, record_meeting};
pub(crate) use open::proposal_ids;
pub use open::{NewDecision, open_single};
pub use polls::{MeetingPoll, NewPoll};
pub use read::{detail, list, spoken_text};
