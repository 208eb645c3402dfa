//! Accounts: member rows, who is visiting, signing in and its attempt limit, one's own account and its deletion, staff acting for a resident.
pub mod account_deletion;
pub mod assisted;
pub mod authenticate;
pub mod members;
pub mod my_account;
pub mod sign_in_limit;
pub mod visitor;
