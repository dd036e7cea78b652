//! The real client against the mock OpenAI-compatible server over loopback HTTP.

use std::time::Duration;

use jobhound_llm::mock::{MOCK_MODEL, MockLlm, MockReply};
use jobhound_llm::{CancellationToken, ChatMessage, LlmClient, LlmConfig, LlmError, parse_insight, prompts};

async fn server() -> MockLlm {
    MockLlm::start().await.unwrap_or_else(|e| panic!("mock server: {e}"))
}

fn client(base_url: &str, key: Option<&str>, timeout_ms: u64) -> LlmClient {
    LlmClient::new(LlmConfig {
        base_url: base_url.into(),
        model: MOCK_MODEL.into(),
        temperature: 0.4,
        api_key: key.map(str::to_string),
        timeout: Duration::from_millis(timeout_ms),
        allow_http_on_private_network: false,
    })
    .unwrap_or_else(|e| panic!("{e}"))
}

fn letter_messages() -> Vec<ChatMessage> {
    prompts::cover_letter(&prompts::LetterRequest {
        job_title: "Rust Engineer",
        company: "Ferrous",
        location: "",
        job_description: "Build parsers.",
        resume_text: "Jane Doe",
        notes: "",
        tone: "warm",
    })
}

#[tokio::test]
async fn complete_without_streaming_sends_model_temperature_and_key() {
    let mock = server().await;
    let completion = client(&mock.base_url(), Some("sk-test-123"), 5_000)
        .complete(&letter_messages())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(completion.text.starts_with("Dear hiring team,\n\nI am applying for Rust Engineer at Ferrous."));
    assert_eq!(completion.model, MOCK_MODEL);
    let request = &mock.requests()[0];
    assert_eq!(request.path, "/v1/chat/completions");
    assert_eq!(request.authorization.as_deref(), Some("Bearer sk-test-123"));
    assert_eq!(request.body["model"], MOCK_MODEL);
    assert!((request.body["temperature"].as_f64().unwrap_or_default() - 0.4).abs() < 1e-6);
    assert_eq!(request.body["messages"][0]["role"], "system");
    assert!(request.body.get("stream").is_none_or(|s| s == false));
}

#[tokio::test]
async fn streaming_delivers_pieces_in_order_that_join_to_the_text() {
    let mock = server().await;
    mock.set_default(MockReply::Text {
        text: "Dear team,\n\nHello  world.".into(),
        word_delay: Duration::from_millis(1),
    });
    let mut pieces = Vec::new();
    let completion = client(&mock.base_url(), None, 5_000)
        .stream(&letter_messages(), &CancellationToken::new(), |piece| pieces.push(piece.to_string()))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(completion.text, "Dear team,\n\nHello  world.");
    assert_eq!(pieces.concat(), completion.text);
    assert!(pieces.len() >= 3, "{pieces:?}");
    assert_eq!(mock.requests()[0].body["stream"], true);
}

#[tokio::test]
async fn cancel_stops_a_stream_part_way() {
    let mock = server().await;
    mock.set_default(MockReply::Text { text: "word ".repeat(200), word_delay: Duration::from_millis(10) });
    let cancel = CancellationToken::new();
    let stopper = cancel.clone();
    let mut seen = String::new();
    let started = std::time::Instant::now();
    let result = client(&mock.base_url(), None, 5_000)
        .stream(&letter_messages(), &cancel, |piece| {
            seen.push_str(piece);
            if seen.len() > 50 {
                stopper.cancel();
            }
        })
        .await;
    assert_eq!(result, Err(LlmError::Cancelled));
    assert!(seen.len() < 200, "stopped after {} bytes", seen.len());
    assert!(started.elapsed() < Duration::from_secs(1));
}

#[tokio::test]
async fn statuses_become_errors_a_person_can_act_on() {
    let mock = server().await;
    let llm = client(&mock.base_url(), Some("bad"), 10_000);
    // 429 and 5xx are tried three more times (100, 200, 400 ms apart) before giving up.
    let cases = [
        (401, "Incorrect API key provided", "llm_unauthorized", false, 1),
        (429, "Rate limit reached", "llm_rate_limited", true, 4),
        (500, "boom", "llm_api_error", true, 4),
        (404, "model not found", "llm_api_error", false, 1),
    ];
    for (status, message, code, retryable, attempts) in cases {
        mock.set_default(MockReply::Status { status, message: message.into() });
        let before = mock.requests().len();
        let error = llm.complete(&letter_messages()).await.err().unwrap_or_else(|| panic!("{status} was not an error"));
        assert_eq!((error.code(), error.retryable()), (code, retryable), "{status}: {error}");
        assert!(error.to_string().contains(message), "{error}");
        assert_eq!(mock.requests().len() - before, attempts, "attempts for {status}");
        let streamed = llm.stream(&letter_messages(), &CancellationToken::new(), |_| {}).await;
        assert_eq!(streamed.err().map(|e| e.code()), Some(code), "streaming {status}");
    }
    mock.set_default(MockReply::Auto { word_delay: Duration::ZERO });
    mock.push(MockReply::Status { status: 429, message: "slow down".into() });
    assert!(llm.complete(&letter_messages()).await.is_ok(), "one 429 then an answer is retried to success");
}

#[tokio::test]
async fn a_silent_server_times_out_and_a_closed_port_is_unreachable() {
    let mock = server().await;
    mock.set_default(MockReply::Hang);
    let llm = client(&mock.base_url(), None, 300);
    assert_eq!(llm.complete(&letter_messages()).await.err().map(|e| e.code()), Some("llm_timeout"));
    let streamed = llm.stream(&letter_messages(), &CancellationToken::new(), |_| {}).await;
    assert_eq!(streamed.err().map(|e| e.code()), Some("llm_timeout"));

    let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).unwrap_or(9);
    let closed = client(&format!("http://127.0.0.1:{port}/v1"), None, 2_000);
    let error = closed.test_connection().await.err();
    assert_eq!(error.as_ref().map(LlmError::code), Some("llm_unreachable"), "{error:?}");
    assert!(error.is_some_and(|e| e.retryable() && e.to_string().contains(&format!("127.0.0.1:{port}"))));
}

#[tokio::test]
async fn test_connection_and_insight_round_trip() {
    let mock = server().await;
    let llm = client(&mock.base_url(), None, 5_000);
    let check = llm.test_connection().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((check.model.as_str(), check.reply.as_str()), (MOCK_MODEL, "OK"));
    let answer = llm.complete(&prompts::insight("Rust Engineer", "Ferrous", "Rust and SQL", "Rust")).await;
    let insight = parse_insight(&answer.unwrap_or_else(|e| panic!("{e}")).text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(insight.skills, vec!["Rust", "SQL"]);
    assert_eq!(insight.missing, vec!["Kubernetes"]);
}

#[test]
fn bad_settings_are_refused_before_any_request() {
    let config = |url: &str, model: &str| LlmConfig {
        base_url: url.into(),
        model: model.into(),
        temperature: 0.7,
        api_key: Some("sk-secret".into()),
        timeout: Duration::from_secs(1),
        allow_http_on_private_network: false,
    };
    assert!(matches!(LlmClient::new(config("localhost:11434", "llama3")), Err(LlmError::BadUrl(_))));
    // The key would cross the internet in clear text.
    let error =
        LlmClient::new(config("http://api.example.com/v1", "llama3")).err().unwrap_or_else(|| panic!("refused"));
    assert_eq!(error.code(), "llm_insecure_url", "{error}");
    assert!(!format!("{:?}", config("https://api.example.com/v1", "m")).contains("sk-secret"), "Debug redacts the key");
    assert!(matches!(LlmClient::new(config("http://localhost:11434/v1", " ")), Err(LlmError::NoModel)));
}

#[tokio::test]
async fn an_answer_far_longer_than_a_letter_is_cut_off_not_kept() {
    let mock = server().await;
    let llm = client(&mock.base_url(), None, 10_000);
    // Past the answer cap (256 KiB) but within the body cap: read, then refused.
    // Long words, so the mock streams few events.
    let word = format!("{} ", "x".repeat(5_000));
    mock.set_default(MockReply::Text { text: word.repeat(60), word_delay: Duration::ZERO });
    let error = llm.complete(&letter_messages()).await.err().unwrap_or_else(|| panic!("a 300 KB answer was kept"));
    assert!(error.to_string().contains("far longer than a letter"), "{error}");
    let mut seen = 0;
    let streamed = llm.stream(&letter_messages(), &CancellationToken::new(), |piece| seen += piece.len()).await;
    let error = streamed.err().unwrap_or_else(|| panic!("a 300 KB stream was kept"));
    assert!(error.to_string().contains("cut off") && seen <= jobhound_llm::MAX_ANSWER_BYTES, "{error}; {seen}");
    // Past the body cap: reading stops there.
    mock.set_default(MockReply::Text { text: word.repeat(600), word_delay: Duration::ZERO });
    let error = llm.complete(&letter_messages()).await.err().unwrap_or_else(|| panic!("a 3 MB body was read"));
    assert!(error.to_string().contains("larger than 2048 KiB"), "{error}");
}
