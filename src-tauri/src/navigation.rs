//! The window only ever shows the app itself. Any attempt to navigate elsewhere (a link in a job
//! description that slipped past the UI, a redirect) is refused and opened in the system browser.

use tauri::{App, WebviewUrl, WebviewWindowBuilder};
use tauri_plugin_opener::OpenerExt;
use url::Url;

/// A web page or a plain `mailto:` (the same rule descriptions are cleaned by), not the app's own.
pub fn is_external_link(url: &str) -> bool {
    jobhound_core::normalize::is_safe_link(url) && Url::parse(url).is_ok_and(|url| !is_app_url(&url))
}

fn is_app_url(url: &Url) -> bool {
    match url.scheme() {
        "tauri" => true,
        "http" | "https" => {
            let host = url.host_str().unwrap_or_default();
            host == "tauri.localhost" || (cfg!(dev) && host == "localhost" && url.port() == Some(5173))
        }
        _ => false,
    }
}

pub fn create_main_window(app: &mut App) -> tauri::Result<()> {
    let handle = app.handle().clone();
    WebviewWindowBuilder::new(app, "main", WebviewUrl::App("index.html".into()))
        .title("Jobhound")
        .inner_size(1200.0, 800.0)
        .min_inner_size(720.0, 480.0)
        .on_navigation(move |url| {
            if is_app_url(url) {
                return true;
            }
            if is_external_link(url.as_str())
                && let Err(error) = handle.opener().open_url(url.as_str(), None::<&str>)
            {
                tracing::warn!("could not open {url} in the browser: {error}");
            }
            false
        })
        .build()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_outside_web_links_count_as_external() {
        assert!(is_external_link("https://job-boards.greenhouse.io/vercel/jobs/1"));
        assert!(is_external_link("mailto:jobs@example.com"));
        assert!(!is_external_link("http://tauri.localhost/index.html"));
        assert!(!is_external_link("javascript:alert(1)"));
        assert!(!is_external_link("file:///etc/passwd"));
        assert!(!is_external_link("not a url"));
        assert!(!is_external_link("mailto:hr@example.com?attach=/home/u/.ssh/id_ed25519"));
    }
}
