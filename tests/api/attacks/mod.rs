//! Issue 12's attacks, one file per class of mistake, each test named after the attack. Every test
//! failed on the code before the fixes; each runs on SQLite and (when configured) PostgreSQL.
mod codes;
mod hidden_words;
mod injection;
mod limits;
mod moderated;
mod requests;
mod sessions;

use serde_json::Value;

/// The field names of a 422 answer's messages, in order.
pub async fn error_fields(response: reqwest::Response) -> Vec<String> {
    let body: Value = response.json().await.expect("json");
    body["Invalid"]["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .filter_map(|e| e["field"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}
