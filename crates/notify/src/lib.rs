//! Shows OS notifications. On Linux they go over D-Bus to whatever notification daemon runs;
//! clicking one calls back (where the daemon supports actions), so the app can open on what the
//! notification was about.

#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    /// No session bus or no notification service: the desktop cannot show notifications.
    #[error("no notification service is available: {0}")]
    Unavailable(String),
}

/// Whose notifications these are, set once at start-up (before the first notification):
/// `identifier` is the app's bundle identifier (tauri.conf.json). Without it macOS shows them as
/// Finder's and asks the user to pick an app, and Windows shows them as PowerShell's. `installed`
/// is false for development builds, which no installer registered under that identity: Windows
/// then keeps PowerShell's identity, the only one that shows toasts for an unregistered app.
pub fn set_app_identity(identifier: &str, installed: bool) {
    #[cfg(target_os = "macos")]
    {
        let _ = installed;
        if let Err(error) = notify_rust::set_application(identifier) {
            tracing::warn!("notifications keep the default sender: {error}");
        }
    }
    #[cfg(target_os = "windows")]
    {
        if installed && WINDOWS_APP_ID.set(identifier.to_string()).is_err() {
            tracing::debug!("the notification identity was already set");
        }
    }
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        // The D-Bus notification carries the app name itself (below); nothing to register.
        let _ = (identifier, installed);
    }
}

#[cfg(target_os = "windows")]
static WINDOWS_APP_ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Shows a notification titled `summary`. `on_click` runs (on a thread of its own) when the user
/// clicks it, on platforms whose notifications report clicks (all three do, given a daemon with
/// actions on Linux).
pub fn show(summary: &str, body: &str, on_click: Option<Box<dyn FnOnce() + Send>>) -> Result<(), NotifyError> {
    let mut notification = notify_rust::Notification::new();
    notification.appname("Jobhound").summary(summary).body(body);
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        if on_click.is_some() {
            notification.action("default", "Open");
        }
        let handle = notification.show().map_err(|error| NotifyError::Unavailable(error.to_string()))?;
        if let Some(on_click) = on_click {
            // Waiting for the click blocks until the notification closes, so it gets a thread.
            std::thread::spawn(move || {
                handle.wait_for_action(|action| {
                    if action == "default" {
                        on_click();
                    }
                });
            });
        }
        Ok(())
    }
    #[cfg(any(target_os = "macos", target_os = "windows"))]
    {
        #[cfg(target_os = "windows")]
        if let Some(app_id) = WINDOWS_APP_ID.get() {
            notification.app_id(app_id);
        }
        let handle = notification.show().map_err(|error| NotifyError::Unavailable(error.to_string()))?;
        // macOS delivers the notification, and both report a click on its body as the default
        // response, while this thread waits (AppKit's run loop is the app's own).
        std::thread::spawn(move || {
            let result = handle.wait_for_response(|response: &notify_rust::NotificationResponse| {
                if response.is_default_action()
                    && let Some(on_click) = on_click
                {
                    on_click();
                }
            });
            if let Err(error) = result {
                tracing::warn!("notification not shown: {error}");
            }
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROBE: &str = "JOBHOUND_NOTIFY_PROBE";
    const NAME: &str = "tests::without_a_session_bus_it_says_so_at_once";

    /// Without a session bus there is no notification service: a clear error, quickly, no hang.
    /// The check runs in a child (this test binary again) whose bus address leads nowhere, so it
    /// means the same in a desktop session, under the end-to-end run's bus, or with none.
    #[test]
    #[cfg(all(unix, not(target_os = "macos")))]
    fn without_a_session_bus_it_says_so_at_once() {
        if std::env::var_os(PROBE).is_some() {
            let started = std::time::Instant::now();
            let error = show("Jobhound test", "body", None).err();
            assert!(matches!(error, Some(NotifyError::Unavailable(_))), "{error:?}");
            assert!(started.elapsed() < std::time::Duration::from_secs(5));
            return;
        }
        let program = std::env::current_exe().unwrap_or_else(|error| panic!("{error}"));
        let child = std::process::Command::new(program)
            .args(["--exact", NAME, "--nocapture", "--test-threads=1"])
            .env(PROBE, "1")
            .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/jobhound-test-bus")
            .output()
            .unwrap_or_else(|error| panic!("{error}"));
        let said = String::from_utf8_lossy(&child.stdout);
        assert!(child.status.success() && said.contains("1 passed"), "the probe failed: {said}");
    }
}
