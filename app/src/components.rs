//! Building blocks shared by pages: the frame around every page, form fields, icons.
mod form_field;
mod icons;
mod language_switch;
mod layout;

pub use form_field::{FieldError, FormMessage, TextField};
pub use icons::{Icon, IconSvg};
pub use layout::{BottomNav, Header};
