//! Downloads over plain HTTP, outside Leptos: the staff's CSV exports, a member's own data, and the
//! open data API with its OpenAPI description. They live in the server crate so that `app` (which
//! also compiles to wasm) needs neither `csv` nor `utoipa`.
mod attachment;
pub mod exports;
pub mod my_data;
pub mod open_data;
