//! `jobhound-cli mcp` driven by the official Rust SDK's client over stdio, as an assistant's
//! client would: initialize, list tools, call each, writes refused while write access is off and
//! made (and marked in the timeline) once on, malformed arguments a protocol error changing nothing.

use std::path::Path;

use rmcp::model::{CallToolRequestParams, CallToolResult, ReadResourceRequestParams};
use rmcp::service::{RoleClient, RunningService};
use rmcp::transport::TokioChildProcess;
use rmcp::{ServiceError, ServiceExt};
use serde_json::{Value, json};

use crate::common::ok;

async fn connect(data_dir: &Path) -> RunningService<RoleClient, ()> {
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_jobhound-cli"));
    command.arg("mcp").env("JOBHOUND_DATA_DIR", data_dir).env("JOBHOUND_KEYCHAIN", "memory");
    ().serve(TokioChildProcess::new(command).unwrap()).await.unwrap()
}

async fn call(
    client: &RunningService<RoleClient, ()>,
    tool: &str,
    arguments: Value,
) -> Result<CallToolResult, ServiceError> {
    let arguments = arguments.as_object().cloned().unwrap_or_default();
    client.call_tool(CallToolRequestParams::new(tool.to_string()).with_arguments(arguments)).await
}

fn text_of(result: &CallToolResult) -> String {
    result.content.iter().filter_map(|block| block.as_text()).map(|text| text.text.clone()).collect()
}

fn json_of(result: &CallToolResult) -> Value {
    assert_ne!(result.is_error, Some(true), "{}", text_of(result));
    serde_json::from_str(&text_of(result)).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_assistant_reads_the_job_hunt_and_changes_it_only_with_leave() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_path_buf();
    let demo_dir = dir.clone();
    tokio::task::spawn_blocking(move || ok(crate::common::run(&demo_dir, &["demo"], &[]))).await.unwrap();
    let client = connect(&dir).await;
    let server = client.peer_info().and_then(|info| info.server_info.as_ref().map(|server| server.name.clone()));
    assert_eq!(server.as_deref(), Some("jobhound"));

    let mut tools: Vec<String> =
        client.list_all_tools().await.unwrap().into_iter().map(|tool| tool.name.to_string()).collect();
    tools.sort();
    assert_eq!(
        tools,
        [
            "add_note",
            "add_source",
            "get_job",
            "list_applications",
            "list_matches",
            "save_job_to_applications",
            "search_jobs",
            "set_application_status"
        ]
    );

    let found =
        json_of(&call(&client, "search_jobs", json!({"query": "account executive", "limit": 1})).await.unwrap());
    assert_eq!(found["total"], 2);
    assert_eq!(found["jobs"].as_array().unwrap().len(), 1, "paged");
    let job_id = found["jobs"][0]["id"].as_i64().unwrap();
    let job = json_of(&call(&client, "get_job", json!({"id": job_id, "description_chars": 300})).await.unwrap());
    assert_eq!(job["company"], "Vercel");
    assert!(job.get("description_html").is_none(), "plain text only");
    assert!(job["description_text"].as_str().unwrap().chars().count() <= 301);
    let matches = call(&client, "list_matches", json!({"campaign_id": 999})).await.unwrap();
    assert!(text_of(&matches).contains("matches") || matches.is_error == Some(true));
    assert_eq!(json_of(&call(&client, "list_applications", json!({})).await.unwrap())["applications"], json!([]));

    // Writes while write access is off: answered as the tool's error, nothing changes.
    for (tool, arguments) in [
        ("save_job_to_applications", json!({"job_id": job_id})),
        ("set_application_status", json!({"job_id": job_id, "status": "applied"})),
        ("add_note", json!({"job_id": job_id, "note": "Ask about the team"})),
        ("add_source", json!({"url": "https://jobs.lever.co/spotify"})),
    ] {
        let refused = call(&client, tool, arguments).await.unwrap();
        assert_eq!(refused.is_error, Some(true), "{tool}");
        assert!(text_of(&refused).contains("Write access is off"), "{tool}: {}", text_of(&refused));
    }
    assert_eq!(json_of(&call(&client, "list_applications", json!({})).await.unwrap())["applications"], json!([]));

    // Malformed arguments: a protocol error (invalid params), and nothing changes.
    for (tool, arguments) in [
        ("get_job", json!({"idd": 1})),
        ("set_application_status", json!({"job_id": "one", "status": "applied"})),
        ("set_application_status", json!({"job_id": job_id, "status": "hired"})),
        ("search_jobs", json!({"sort": "random"})),
    ] {
        match call(&client, tool, arguments.clone()).await {
            Err(ServiceError::McpError(error)) => {
                assert_eq!(error.code, rmcp::model::ErrorCode::INVALID_PARAMS, "{tool} {arguments}")
            }
            other => panic!("{tool} {arguments}: {other:?}"),
        }
    }

    // With the person's leave, the assistant's changes are made and marked as its own.
    let settings_dir = dir.clone();
    tokio::task::spawn_blocking(move || {
        let app = jobhound_core::Jobhound::open(&settings_dir).unwrap();
        let mut settings = app.app_settings().unwrap();
        settings.assistant_may_write = true;
        app.set_app_settings(&settings).unwrap();
    })
    .await
    .unwrap();
    let moved = json_of(
        &call(&client, "set_application_status", json!({"job_id": job_id, "status": "applied"})).await.unwrap(),
    );
    assert_eq!(moved["status"], "applied");
    json_of(&call(&client, "add_note", json!({"job_id": job_id, "note": "Referred by Sam"})).await.unwrap());
    let applications = json_of(&call(&client, "list_applications", json!({})).await.unwrap());
    let timeline = &applications["applications"][0]["timeline"];
    assert_eq!(timeline[0]["actor"], "assistant");
    assert_eq!(timeline[0]["to_status"], "applied");
    assert_eq!(timeline[1]["note"], "Referred by Sam");
    assert_eq!(timeline[1]["actor"], "assistant");

    // Campaigns and resumes are resources.
    let resources = client.list_all_resources().await.unwrap();
    for resource in &resources {
        let read = client.read_resource(ReadResourceRequestParams::new(resource.uri.clone())).await.unwrap();
        assert!(!read.contents.is_empty());
    }
    assert!(client.read_resource(ReadResourceRequestParams::new("jobhound://resumes/999")).await.is_err());
    client.cancel().await.unwrap();
}
