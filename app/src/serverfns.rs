//! Server functions that several pages call (a page's own server functions live beside it in
//! `pages/<address>/`). Like those, each checks who is asking; the work is in `server/`.
mod list_decisions;
mod list_proposals;

pub use list_decisions::list_decisions;
pub use list_proposals::list_proposals;
