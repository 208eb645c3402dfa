//! Server functions about one's own account: joining, signing in and out, the language.
mod join;
mod reset_password;
mod set_language;
mod sign_in;
mod sign_out;

pub use join::Join;
pub use reset_password::ResetPassword;
pub use set_language::SetLanguage;
pub use sign_in::SignIn;
pub use sign_out::SignOut;

/// Only paths on this site are followed after sign-in, never another host (`//evil.example`).
#[cfg(feature = "ssr")]
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && path.chars().all(|c| c.is_ascii_graphic() && c != '\\') =>
        {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::safe_next;

    #[test]
    fn follows_only_local_paths() {
        assert_eq!(safe_next(Some("/staff/invites")), "/staff/invites");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(Some("/me\r\nSet-Cookie: x=y")), "/");
        assert_eq!(safe_next(None), "/");
    }
}
