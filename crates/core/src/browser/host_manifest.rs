//! The native messaging host's manifest, installed per user for each browser: a JSON file naming
//! the host program and the one extension allowed to start it, in the folder each browser reads
//! (on Windows, anywhere, with a registry value under HKCU pointing at it). No network port is
//! opened; the browser starts the host itself.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::CoreError;
use crate::browser::native_messaging::{CHROMIUM_EXTENSION_ID, FIREFOX_EXTENSION_ID};

/// The host's name, as the extension asks for it.
pub const HOST_NAME: &str = "app.jobhound.save";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Browser {
    Chrome,
    Chromium,
    Edge,
    Brave,
    Firefox,
}

impl Browser {
    pub const ALL: [Self; 5] = [Self::Chrome, Self::Chromium, Self::Edge, Self::Brave, Self::Firefox];

    pub fn name(self) -> &'static str {
        match self {
            Self::Chrome => "Google Chrome",
            Self::Chromium => "Chromium",
            Self::Edge => "Microsoft Edge",
            Self::Brave => "Brave",
            Self::Firefox => "Firefox",
        }
    }

    fn is_firefox(self) -> bool {
        self == Self::Firefox
    }

    /// The browser's own folder under the user's home: it exists once the browser has run.
    fn profile_dir(self, home: &Path) -> PathBuf {
        let parts: &[&str] = if cfg!(target_os = "macos") {
            match self {
                Self::Chrome => &["Library", "Application Support", "Google", "Chrome"],
                Self::Chromium => &["Library", "Application Support", "Chromium"],
                Self::Edge => &["Library", "Application Support", "Microsoft Edge"],
                Self::Brave => &["Library", "Application Support", "BraveSoftware", "Brave-Browser"],
                Self::Firefox => &["Library", "Application Support", "Mozilla"],
            }
        } else if cfg!(windows) {
            match self {
                Self::Chrome => &["AppData", "Local", "Google", "Chrome"],
                Self::Chromium => &["AppData", "Local", "Chromium"],
                Self::Edge => &["AppData", "Local", "Microsoft", "Edge"],
                Self::Brave => &["AppData", "Local", "BraveSoftware", "Brave-Browser"],
                Self::Firefox => &["AppData", "Roaming", "Mozilla"],
            }
        } else {
            match self {
                Self::Chrome => &[".config", "google-chrome"],
                Self::Chromium => &[".config", "chromium"],
                Self::Edge => &[".config", "microsoft-edge"],
                Self::Brave => &[".config", "BraveSoftware", "Brave-Browser"],
                Self::Firefox => &[".mozilla"],
            }
        };
        parts.iter().fold(home.to_path_buf(), |path, part| path.join(part))
    }

    /// Where the manifest goes: the browser's NativeMessagingHosts folder; on Windows, a folder
    /// of Jobhound's that the registry points into.
    fn manifest_path(self, home: &Path) -> PathBuf {
        let file = format!("{HOST_NAME}.json");
        if cfg!(windows) {
            let name = format!("{HOST_NAME}-{}.json", self.key());
            return home.join("AppData").join("Local").join("Jobhound").join("native-messaging").join(name);
        }
        let folder = match (self, cfg!(target_os = "macos")) {
            (Self::Firefox, true) => "NativeMessagingHosts",
            (Self::Firefox, false) => "native-messaging-hosts",
            _ => "NativeMessagingHosts",
        };
        self.profile_dir(home).join(folder).join(file)
    }

    /// The browser a short name means (`chrome`, `chromium`, `edge`, `brave`, `firefox`).
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|browser| browser.key() == key.trim().to_ascii_lowercase())
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Chrome => "chrome",
            Self::Chromium => "chromium",
            Self::Edge => "edge",
            Self::Brave => "brave",
            Self::Firefox => "firefox",
        }
    }

    /// The HKCU key a Windows browser reads the manifest's path from.
    #[cfg_attr(not(windows), allow(dead_code))]
    fn registry_key(self) -> String {
        let vendor = match self {
            Self::Chrome => r"Google\Chrome",
            Self::Chromium => "Chromium",
            Self::Edge => r"Microsoft\Edge",
            Self::Brave => r"BraveSoftware\Brave-Browser",
            Self::Firefox => "Mozilla",
        };
        format!(r"HKCU\Software\{vendor}\NativeMessagingHosts\{HOST_NAME}")
    }
}

/// Whether the host is installed for one browser, as Settings shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HostStatus {
    pub browser: Browser,
    pub name: String,
    /// The browser has run for this user.
    pub found: bool,
    pub installed: bool,
    /// The host program the installed manifest starts; it may be an older copy of Jobhound.
    pub points_at: Option<String>,
    pub manifest_path: String,
}

pub fn status(home: &Path, browser: Browser) -> HostStatus {
    let manifest_path = browser.manifest_path(home);
    let points_at = std::fs::read(&manifest_path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
        .and_then(|manifest| manifest.get("path").and_then(|path| path.as_str()).map(str::to_string));
    HostStatus {
        browser,
        name: browser.name().to_string(),
        found: browser.profile_dir(home).is_dir(),
        installed: points_at.is_some(),
        points_at,
        manifest_path: manifest_path.display().to_string(),
    }
}

pub fn statuses(home: &Path) -> Vec<HostStatus> {
    Browser::ALL.iter().map(|browser| status(home, *browser)).collect()
}

/// The manifest for `browser`, starting `host_program` and only for Jobhound's extension.
pub fn manifest(browser: Browser, host_program: &Path) -> serde_json::Value {
    let mut manifest = json!({
        "name": HOST_NAME,
        "description": "Saves the job posting you are reading to Jobhound",
        "path": host_program.display().to_string(),
        "type": "stdio",
    });
    if browser.is_firefox() {
        manifest["allowed_extensions"] = json!([FIREFOX_EXTENSION_ID]);
    } else {
        manifest["allowed_origins"] = json!([format!("chrome-extension://{CHROMIUM_EXTENSION_ID}/")]);
    }
    manifest
}

fn io_error(context: String) -> impl FnOnce(std::io::Error) -> CoreError {
    move |error| CoreError::Io { context, error }
}

pub fn install(home: &Path, browser: Browser, host_program: &Path) -> Result<HostStatus, CoreError> {
    if !host_program.is_file() {
        return Err(CoreError::InvalidInput(format!(
            "the host program {} is missing; reinstall Jobhound",
            host_program.display()
        )));
    }
    let path = browser.manifest_path(home);
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(io_error(format!("cannot create {}", folder.display())))?;
    }
    let text = serde_json::to_string_pretty(&manifest(browser, host_program))?;
    std::fs::write(&path, text).map_err(io_error(format!("cannot write {}", path.display())))?;
    #[cfg(windows)]
    registry(&["add", &browser.registry_key(), "/ve", "/t", "REG_SZ", "/d", &path.display().to_string(), "/f"])?;
    Ok(status(home, browser))
}

pub fn remove(home: &Path, browser: Browser) -> Result<HostStatus, CoreError> {
    let path = browser.manifest_path(home);
    match std::fs::remove_file(&path) {
        Ok(()) => {}
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
        Err(error) => return Err(io_error(format!("cannot remove {}", path.display()))(error)),
    }
    #[cfg(windows)]
    let _ = registry(&["delete", &browser.registry_key(), "/f"]);
    Ok(status(home, browser))
}

/// `reg.exe`, which every Windows has, rather than a registry crate for two values.
#[cfg(windows)]
fn registry(args: &[&str]) -> Result<(), CoreError> {
    let output =
        std::process::Command::new("reg").args(args).output().map_err(io_error("cannot run reg.exe".to_string()))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(CoreError::InvalidInput(format!(
            "the registry refused the host's entry: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        )))
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn manifests_go_where_each_browser_reads_them_and_name_only_jobhounds_extension() {
        let home = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(home.path().join(".config/chromium")).unwrap();
        let program = home.path().join("jobhound-cli");
        std::fs::write(&program, "#!/bin/sh\n").unwrap();
        let before = statuses(home.path());
        assert!(before.iter().all(|status| !status.installed));
        assert_eq!(before.iter().filter(|status| status.found).count(), 1, "only Chromium has run here");

        let chromium = install(home.path(), Browser::Chromium, &program).unwrap();
        assert!(chromium.installed);
        let written: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(home.path().join(".config/chromium/NativeMessagingHosts/app.jobhound.save.json"))
                .unwrap(),
        )
        .unwrap();
        assert_eq!(written["allowed_origins"], json!([format!("chrome-extension://{CHROMIUM_EXTENSION_ID}/")]));
        assert_eq!(written["path"], program.display().to_string());
        assert_eq!(written["type"], "stdio");

        let firefox = install(home.path(), Browser::Firefox, &program).unwrap();
        assert!(firefox.manifest_path.ends_with(".mozilla/native-messaging-hosts/app.jobhound.save.json"));
        let written: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&firefox.manifest_path).unwrap()).unwrap();
        assert_eq!(written["allowed_extensions"], json!([FIREFOX_EXTENSION_ID]));
        assert!(written.get("allowed_origins").is_none());

        assert!(!remove(home.path(), Browser::Chromium).unwrap().installed);
        assert!(!remove(home.path(), Browser::Chromium).unwrap().installed, "removing twice is fine");
        assert!(install(home.path(), Browser::Chrome, &home.path().join("missing")).is_err());
    }
}
