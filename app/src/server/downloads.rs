//! Downloads over plain HTTP: the staff's CSV exports, a member's own data, and the open data API.
pub mod exports;
pub mod my_data;
pub mod open_data;
