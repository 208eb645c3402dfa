//! What `/me` and other pages ask about a member's phone: whether to ask them, now, to turn phone
//! notifications on, and their text-message number (staff's pages ask whether texts are offered).
use crate::error::AppError;
use crate::views::text_messages::MyTextMessages;
use leptos::prelude::*;

/// The site's key when this member should be asked to turn phone notifications on (on the page
/// after their first proposal or vote); `None` otherwise, and for visitors.
#[server(prefix = "/api", endpoint = "ask_push_prompt")]
pub async fn ask_push_prompt() -> Result<Option<String>, AppError> {
    crate::error::respond(ssr::ask().await)
}

/// Whether this site sends texts, and the member's own number.
#[server(prefix = "/api", endpoint = "get_my_text_messages")]
pub async fn get_my_text_messages() -> Result<MyTextMessages, AppError> {
    crate::error::respond(ssr::texts().await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::error::AppError;
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, push, text_messages};
    use crate::views::text_messages::MyTextMessages;

    pub async fn ask() -> Result<Option<String>, AppError> {
        let Some(member) = current_member() else {
            return Ok(None);
        };
        let state = app_state()?;
        let ask = push::ask_now(&state.db, &member).await?;
        Ok(ask.then(|| state.push.public_key().to_owned()))
    }

    // Their own number: any signed-in member (a suspended one still hears the news).
    pub async fn texts() -> Result<MyTextMessages, AppError> {
        let member = require(current_member(), Action::Read)?;
        let state = app_state()?;
        text_messages::my_text_messages(&state.db, &state.texts, &member).await
    }
}
