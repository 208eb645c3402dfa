//! Reading and saving the list of words that hold new posts for a moderator.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "get_word_list")]
pub async fn get_word_list() -> Result<String, AppError> {
    crate::error::respond(read().await)
}

#[server(prefix = "/api", endpoint = "save_word_list")]
pub async fn save_word_list(words: String) -> Result<(), AppError> {
    crate::error::respond(save(words).await)
}

#[cfg(feature = "ssr")]
async fn read() -> Result<String, AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, catalog::word_list, current_member};

    require(current_member(), Action::Moderate)?;
    let state = app_state()?;
    Ok(word_list::load(&state.db).await?.to_text())
}

#[cfg(feature = "ssr")]
async fn save(words: String) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, catalog::word_list, current_member};

    let staff = require(current_member(), Action::Moderate)?;
    let state = app_state()?;
    word_list::save(&state.db, &staff, &words).await
}
