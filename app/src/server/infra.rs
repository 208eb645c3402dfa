//! Infrastructure every area stands on: the database, sessions, files, photos, limits, forms and cookies. It imports no service area.
pub mod client_address;
pub mod cookies;
pub mod database;
pub mod file_store;
pub mod form_errors;
pub mod kiosk;
pub mod limit_gate;
pub mod multipart_form;
pub mod passwords;
pub mod photos;
pub mod same_origin;
pub mod search;
pub mod session_store;
pub mod signing_key;
pub mod site_settings;
pub mod speech;
pub mod state;
