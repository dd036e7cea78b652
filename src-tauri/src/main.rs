//! The desktop shell: Tauri commands (each an async call into core), events, the tray, OS
//! notifications, drag and drop, dialogs. No SQL and no HTTP here.

// Keep a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod applying_commands;
mod arguments;
mod background;
mod browser_commands;
mod campaign_commands;
mod command_list;
mod commands;
mod data_commands;
mod dialog_commands;
mod dropped_files;
mod inbox_commands;
mod ipc_error;
mod logging;
mod navigation;
mod remerge;
mod startup;
mod state;
mod tailoring_commands;
mod tray;
mod updates;

fn main() {
    // Started as the resume reader (a child of this app): read one file and exit, before any window.
    jobhound_documents::serve_if_helper();
    // The version is the workspace's (Cargo.toml), which tauri.conf.json leaves to it.
    let context = tauri::generate_context!();
    if arguments::wants_version(std::env::args()) {
        println!("jobhound {}", context.package_info().version);
        return;
    }
    let log_file = logging::start();
    tracing::info!(
        "Jobhound {} starting; log file: {}",
        context.package_info().version,
        log_file.as_deref().map_or("none (stderr only)".into(), |path| path.display().to_string())
    );

    let state = state::AppState::open(arguments::data_dir(std::env::args()).as_deref());
    let builder = tauri::Builder::default()
        // First, so a second launch (a click on the icon while start-at-login already started it)
        // shows the running window instead of starting a second scheduler on the same database.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| background::show_main_window(app)))
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        // The window opens where the person left it, at the size they gave it. Visibility is not
        // restored: a window closed to the tray still opens shown.
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(
                    tauri_plugin_window_state::StateFlags::SIZE
                        | tauri_plugin_window_state::StateFlags::POSITION
                        | tauri_plugin_window_state::StateFlags::MAXIMIZED,
                )
                .build(),
        )
        .plugin(tauri_plugin_autostart::init(tauri_plugin_autostart::MacosLauncher::LaunchAgent, None));
    #[cfg(feature = "updater")]
    let builder = builder.plugin(tauri_plugin_updater::Builder::new().build());
    let result = builder
        .manage(state)
        .manage(updates::PendingUpdate::default())
        .manage(remerge::Remerge::default())
        .invoke_handler(tauri::generate_handler![
            commands::app_status,
            commands::list_jobs,
            commands::get_job,
            commands::list_sources,
            commands::add_source,
            commands::add_source_from_url,
            commands::discover_sources,
            commands::source_recipe,
            commands::recipe_page,
            commands::preview_recipe,
            commands::save_recipe,
            commands::sources_overview,
            commands::set_source_key,
            commands::set_linkedin_enabled,
            commands::remove_source,
            commands::refresh_source,
            commands::recheck_job,
            commands::import_demo,
            commands::open_external,
            campaign_commands::campaign_defaults,
            campaign_commands::list_campaigns,
            campaign_commands::create_campaign,
            campaign_commands::update_campaign,
            campaign_commands::duplicate_campaign,
            campaign_commands::delete_campaign,
            campaign_commands::set_campaign_active,
            campaign_commands::set_campaign_weights,
            campaign_commands::rank_campaign,
            campaign_commands::give_feedback,
            campaign_commands::undo_feedback,
            campaign_commands::reset_campaign_weights,
            campaign_commands::feedback_history,
            campaign_commands::run_campaign_now,
            campaign_commands::cancel_campaign_run,
            campaign_commands::run_all_campaigns,
            campaign_commands::running_campaigns,
            campaign_commands::campaign_status,
            campaign_commands::app_settings,
            campaign_commands::set_app_settings,
            applying_commands::list_applications,
            applying_commands::get_application,
            applying_commands::application_for_job,
            applying_commands::set_application_status,
            applying_commands::update_application,
            applying_commands::delete_application,
            applying_commands::add_contact,
            applying_commands::update_contact,
            applying_commands::remove_contact,
            applying_commands::import_resume,
            applying_commands::list_resumes,
            applying_commands::resume_text,
            applying_commands::resume_structure,
            applying_commands::correct_resume_structure,
            applying_commands::reset_resume_structure,
            applying_commands::rename_resume,
            applying_commands::delete_resume,
            applying_commands::set_campaign_resume,
            applying_commands::llm_settings,
            applying_commands::set_llm_settings,
            applying_commands::set_llm_api_key,
            applying_commands::test_llm_connection,
            applying_commands::generate_letter,
            applying_commands::cancel_letter,
            applying_commands::save_letter_edit,
            applying_commands::letters_for_job,
            applying_commands::job_insight,
            applying_commands::generate_insight,
            dialog_commands::pick_resume,
            dialog_commands::export_letter_as,
            dialog_commands::export_tailored_as,
            tailoring_commands::tailor_resume,
            tailoring_commands::cancel_tailoring,
            tailoring_commands::tailored_for_job,
            tailoring_commands::save_tailored_text,
            tailoring_commands::check_tailored_text,
            tailoring_commands::confirm_tailored_claim,
            browser_commands::browser_hosts,
            browser_commands::install_browser_host,
            browser_commands::remove_browser_host,
            inbox_commands::inbox_presets,
            inbox_commands::inbox_settings,
            inbox_commands::set_inbox_settings,
            inbox_commands::forget_inbox_password,
            inbox_commands::test_inbox_connection,
            inbox_commands::check_inbox,
            inbox_commands::inbox_review,
            inbox_commands::application_messages,
            inbox_commands::accept_inbox_proposal,
            inbox_commands::change_inbox_proposal,
            inbox_commands::dismiss_inbox_proposal,
            inbox_commands::reopen_inbox_proposal,
            data_commands::export_data,
            data_commands::back_up,
            data_commands::restore,
            data_commands::import_jobs,
            data_commands::destinations,
            data_commands::confirm_destinations,
            data_commands::delete_job,
            data_commands::forget_everything,
            data_commands::saved_views,
            data_commands::save_view,
            data_commands::delete_view,
            data_commands::keyword_gap,
            data_commands::dashboard,
            updates::update_status,
            updates::check_for_update,
            updates::install_update,
            remerge::remerge_status,
        ])
        .setup(|app| {
            jobhound_notify::set_app_identity(&app.config().identifier, !cfg!(debug_assertions));
            navigation::create_main_window(app)?;
            startup::explain_failure(app.handle());
            // A desktop without a tray (some Linux sessions) still gets the app; only closing
            // to the tray is lost, so closing then quits.
            if let Err(error) = tray::create(app) {
                tracing::warn!("no tray icon: {error}");
            }
            background::start(app.handle());
            remerge::start_if_pending(app.handle());
            updates::start_checking(app.handle());
            Ok(())
        })
        .on_window_event(|window, event| {
            tray::on_window_event(window, event);
            dropped_files::on_window_event(window, event);
        })
        .build(context);
    match result {
        Ok(app) => app.run(on_run_event),
        Err(error) => {
            tracing::error!("Jobhound could not start: {error}");
            eprintln!("Jobhound could not start: {error}");
            std::process::exit(1);
        }
    }
}

fn on_run_event(app: &tauri::AppHandle, event: tauri::RunEvent) {
    // macOS: a click on the Dock icon after the window was closed to the tray shows it again.
    #[cfg(target_os = "macos")]
    if let tauri::RunEvent::Reopen { has_visible_windows: false, .. } = event {
        background::show_main_window(app);
    }
    #[cfg(not(target_os = "macos"))]
    let _ = (app, event);
}
