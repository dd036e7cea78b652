//! Shows OS notifications. On Linux they go over D-Bus to whatever notification daemon runs;
//! clicking one calls back (where the daemon supports actions), so the app can open on what the
//! notification was about.

#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    /// No session bus or no notification service: the desktop cannot show notifications.
    #[error("no notification service is available: {0}")]
    Unavailable(String),
}

/// Shows a notification titled `summary`. `on_click` runs (on a thread of its own) when the user
/// clicks it, on platforms whose notifications report clicks.
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
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    {
        drop(on_click);
        notification.show().map(|_| ()).map_err(|error| NotifyError::Unavailable(error.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Without a session bus there is no notification service: a clear error, quickly, no hang.
    #[test]
    #[cfg(all(unix, not(target_os = "macos")))]
    fn without_a_session_bus_it_says_so_at_once() {
        if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() {
            return; // a real session (the end-to-end run): covered there instead
        }
        let started = std::time::Instant::now();
        let error = show("Jobhound test", "body", None).err();
        assert!(matches!(error, Some(NotifyError::Unavailable(_))), "{error:?}");
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }
}
