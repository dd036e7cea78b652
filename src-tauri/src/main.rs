// Keep a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod campaign_commands;
mod commands;
mod ipc_error;
mod navigation;
mod state;

fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("JOBHOUND_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();

    let state = state::AppState::open(state::data_dir_argument(std::env::args()).as_deref());
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_opener::init())
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::app_status,
            commands::list_jobs,
            commands::get_job,
            commands::list_sources,
            commands::add_source,
            commands::add_source_from_url,
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
        ])
        .setup(|app| {
            navigation::create_main_window(app)?;
            Ok(())
        })
        .run(tauri::generate_context!("../tauri.conf.json"));
    if let Err(error) = result {
        eprintln!("Jobhound could not start: {error}");
        std::process::exit(1);
    }
}
