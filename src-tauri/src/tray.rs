//! The tray icon, and closing the window to it: Jobhound keeps running campaigns until the user
//! quits from the tray (a setting makes closing quit instead).

use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{App, AppHandle, Manager, Window, WindowEvent};

use crate::background::show_main_window;
use crate::state::AppState;

/// assets/icons/tray-template.png as raw RGBA (`convert tray-template.png rgba:-`), so no image
/// decoder is compiled in for one icon.
const TEMPLATE_RGBA: &[u8] = include_bytes!("../../assets/icons/tray-template.rgba");
const TEMPLATE_SIZE: u32 = 44;

pub fn create(app: &App) -> tauri::Result<()> {
    let open = MenuItem::with_id(app, "open", "Open Jobhound", true, None::<&str>)?;
    let run_all = MenuItem::with_id(app, "run-all", "Run all campaigns now", true, None::<&str>)?;
    let pause_all = MenuItem::with_id(app, "pause-all", "Pause all campaigns", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "Quit", true, None::<&str>)?;
    let separator = PredefinedMenuItem::separator(app)?;
    let menu = Menu::with_items(app, &[&open, &run_all, &pause_all, &separator, &quit])?;
    let mut tray = TrayIconBuilder::with_id("jobhound").tooltip("Jobhound").menu(&menu);
    if cfg!(target_os = "macos") {
        // The menu bar wants a template: a black shape macOS tints for light and dark menu bars.
        tray = tray.icon(tauri::image::Image::new(TEMPLATE_RGBA, TEMPLATE_SIZE, TEMPLATE_SIZE)).icon_as_template(true);
    } else if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.on_menu_event(|app, event| on_menu(app, event.id.as_ref())).build(app)?;
    Ok(())
}

fn on_menu(app: &AppHandle, id: &str) {
    match id {
        "open" => show_main_window(app),
        "run-all" | "pause-all" => {
            let Ok(scheduler) = app.state::<AppState>().scheduler() else { return };
            let pause = id == "pause-all";
            tauri::async_runtime::spawn(async move {
                let result =
                    if pause { scheduler.pause_all().map(|_| ()) } else { scheduler.run_all_now().map(|_| ()) };
                if let Err(error) = result {
                    tracing::warn!("tray action failed: {error}");
                }
            });
        }
        "quit" => app.exit(0),
        _ => {}
    }
}

/// Closing the main window hides it while "keep running in the tray" is on.
pub fn on_window_event(window: &Window, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else { return };
    let state = window.state::<AppState>();
    let keep_running = state.core().ok().and_then(|core| core.app_settings().ok()).is_some_and(|s| s.close_to_tray);
    if keep_running {
        api.prevent_close();
        if let Err(error) = window.hide() {
            tracing::warn!("could not hide the window: {error}");
        }
    }
}
