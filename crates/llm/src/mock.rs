//! A local stand-in for an OpenAI-compatible server, for tests and the end-to-end run: chat
//! completions with and without streaming, error statuses, and a server that never answers.
//! Real HTTP on loopback, so the client under test is the real one.

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[derive(Debug, Clone)]
pub enum MockReply {
    /// Answers like a model: "OK" to a connection test, a JSON insight when asked for JSON, and
    /// otherwise a cover letter naming the job it was asked about. Streams word by word.
    Auto { word_delay: Duration },
    /// Exactly this text, streamed word by word when streaming was asked for.
    Text { text: String, word_delay: Duration },
    /// An error status with an OpenAI-style error body.
    Status { status: u16, message: String },
    /// Accepts the request and never answers.
    Hang,
}

#[derive(Debug, Clone)]
pub struct RecordedRequest {
    pub method: String,
    pub path: String,
    pub authorization: Option<String>,
    pub body: Value,
}

#[derive(Clone)]
pub struct MockLlm {
    addr: SocketAddr,
    default_reply: Arc<Mutex<MockReply>>,
    queued: Arc<Mutex<VecDeque<MockReply>>>,
    requests: Arc<Mutex<Vec<RecordedRequest>>>,
}

pub const MOCK_MODEL: &str = "mock-gpt";

impl MockLlm {
    pub async fn start() -> std::io::Result<Self> {
        Self::start_on("127.0.0.1:0").await
    }

    pub async fn start_on(addr: &str) -> std::io::Result<Self> {
        let listener = TcpListener::bind(addr).await?;
        let mock = Self {
            addr: listener.local_addr()?,
            default_reply: Arc::new(Mutex::new(MockReply::Auto { word_delay: Duration::from_millis(5) })),
            queued: Arc::default(),
            requests: Arc::default(),
        };
        let server = mock.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let server = server.clone();
                tokio::spawn(async move { server.serve(stream).await });
            }
        });
        Ok(mock)
    }

    pub fn base_url(&self) -> String {
        format!("http://{}/v1", self.addr)
    }

    pub fn set_default(&self, reply: MockReply) {
        if let Ok(mut current) = self.default_reply.lock() {
            *current = reply;
        }
    }

    /// Used for the next request only, before the default.
    pub fn push(&self, reply: MockReply) {
        if let Ok(mut queued) = self.queued.lock() {
            queued.push_back(reply);
        }
    }

    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.requests.lock().map(|requests| requests.clone()).unwrap_or_default()
    }

    async fn serve(&self, mut stream: TcpStream) {
        let Some(request) = read_request(&mut stream).await else { return };
        if let Ok(mut requests) = self.requests.lock() {
            requests.push(request.clone());
        }
        if request.method == "GET" && request.path.ends_with("/models") {
            let body = json!({"object": "list", "data": [{"id": MOCK_MODEL, "object": "model", "created": 0, "owned_by": "mock"}]});
            let _ = write_json(&mut stream, 200, &body).await;
            return;
        }
        let reply = self
            .queued
            .lock()
            .ok()
            .and_then(|mut queued| queued.pop_front())
            .or_else(|| self.default_reply.lock().ok().map(|reply| reply.clone()))
            .unwrap_or(MockReply::Hang);
        let streaming = request.body.get("stream").and_then(Value::as_bool).unwrap_or(false);
        let model = request.body.get("model").and_then(Value::as_str).unwrap_or(MOCK_MODEL).to_string();
        let (text, word_delay) = match reply {
            MockReply::Hang => {
                tokio::time::sleep(Duration::from_secs(3600)).await;
                return;
            }
            MockReply::Status { status, message } => {
                let body = json!({"error": {"message": message, "type": "mock_error", "param": null, "code": null}});
                let _ = write_json(&mut stream, status, &body).await;
                return;
            }
            MockReply::Text { text, word_delay } => (text, word_delay),
            MockReply::Auto { word_delay } => (auto_answer(&request.body), word_delay),
        };
        if streaming {
            let _ = write_stream(&mut stream, &model, &text, word_delay).await;
        } else {
            let body = json!({
                "id": "chatcmpl-mock", "object": "chat.completion", "created": 0, "model": model,
                "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": text}}],
            });
            let _ = write_json(&mut stream, 200, &body).await;
        }
    }
}

fn auto_answer(body: &Value) -> String {
    let messages = body.get("messages").and_then(Value::as_array).cloned().unwrap_or_default();
    let content_of = |role: &str| {
        messages
            .iter()
            .filter(|m| m.get("role").and_then(Value::as_str) == Some(role))
            .filter_map(|m| m.get("content").and_then(Value::as_str))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let system = content_of("system");
    let user = content_of("user");
    if user.trim() == "Reply with the single word OK." {
        return "OK".into();
    }
    let job = user.lines().find_map(|line| line.strip_prefix("JOB: ")).unwrap_or("this role").trim().to_string();
    if system.contains("what it tells them about their job application") {
        return mail_answer(&user);
    }
    if system.contains("tailor one job seeker's resume") {
        return tailored_answer(&user);
    }
    if system.contains("JSON object") {
        return json!({
            "summary": format!("{job} is the role. The mock model read it."),
            "skills": ["Rust", "SQL"],
            "fits": ["The resume shows Rust"],
            "missing": ["Kubernetes"],
        })
        .to_string();
    }
    format!(
        "Dear hiring team,\n\nI am applying for {job}. My experience building reliable software with care for the people who use it fits what you describe.\n\nI would welcome a conversation.\n\nKind regards,\nJane Doe"
    )
}

/// A reading of an email as a model might give one: the first sentence with a cue it knows, quoted.
fn mail_answer(user: &str) -> String {
    let text = user.split_once("EMAIL TEXT:").map_or(user, |(_, text)| text);
    let cues = [
        ("rejected", ["keep your details on file", "not be progressing", "gone with someone"].as_slice()),
        ("interview", ["have a chat", "hop on a call", "meet the team"].as_slice()),
        ("assessment", ["exercise", "case study"].as_slice()),
    ];
    for sentence in text.split_inclusive(['.', '!', '?']) {
        let lower = sentence.to_lowercase();
        for (status, words) in cues {
            if words.iter().any(|word| lower.contains(word)) {
                return json!({"status": status, "evidence": sentence.trim()}).to_string();
            }
        }
    }
    json!({"status": "other", "evidence": ""}).to_string()
}

/// A tailoring as a model might write one: the resume it was sent, its first job's bullets in
/// reverse order, and a summary with one planted invention (a team of 12) for the check to find.
fn tailored_answer(user: &str) -> String {
    let resume = user
        .split_once("RESUME (JSON):\n")
        .map(|(_, rest)| rest.split("\n\nTHE ").next().unwrap_or(rest))
        .and_then(|json| serde_json::from_str::<Value>(json).ok());
    let Some(mut resume) = resume else { return "{}".into() };
    if let Some(bullets) = resume.pointer_mut("/experience/0/bullets").and_then(Value::as_array_mut) {
        bullets.reverse();
    }
    resume["summary"] = json!(["Engineer whose work fits this role: led a team of 12 engineers."]);
    resume.to_string()
}

async fn read_request(stream: &mut TcpStream) -> Option<RecordedRequest> {
    let mut buffer = Vec::new();
    let mut chunk = [0_u8; 8192];
    let header_end = loop {
        let read = stream.read(&mut chunk).await.ok()?;
        if read == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..read]);
        if let Some(position) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break position + 4;
        }
    };
    let head = String::from_utf8_lossy(&buffer[..header_end]).to_string();
    let mut lines = head.lines();
    let mut first = lines.next()?.split_whitespace();
    let method = first.next()?.to_string();
    let path = first.next()?.to_string();
    let mut content_length = 0;
    let mut authorization = None;
    for line in lines {
        if let Some((name, value)) = line.split_once(':') {
            match name.trim().to_ascii_lowercase().as_str() {
                "content-length" => content_length = value.trim().parse().unwrap_or(0),
                "authorization" => authorization = Some(value.trim().to_string()),
                _ => {}
            }
        }
    }
    while buffer.len() < header_end + content_length {
        let read = stream.read(&mut chunk).await.ok()?;
        if read == 0 {
            break;
        }
        buffer.extend_from_slice(&chunk[..read]);
    }
    let body = serde_json::from_slice(&buffer[header_end..]).unwrap_or(Value::Null);
    Some(RecordedRequest { method, path, authorization, body })
}

async fn write_json(stream: &mut TcpStream, status: u16, body: &Value) -> std::io::Result<()> {
    let body = body.to_string();
    let head = format!(
        "HTTP/1.1 {status} Mock\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(body.as_bytes()).await?;
    stream.shutdown().await
}

async fn write_stream(stream: &mut TcpStream, model: &str, text: &str, word_delay: Duration) -> std::io::Result<()> {
    stream
        .write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n")
        .await?;
    let chunk = |delta: Value| {
        let event = json!({"id": "chatcmpl-mock", "object": "chat.completion.chunk", "created": 0, "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": null}]});
        format!("data: {event}\n\n")
    };
    stream.write_all(chunk(json!({"role": "assistant", "content": ""})).as_bytes()).await?;
    // Words keep their following whitespace so the pieces join back into the exact text.
    let mut pieces = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if !c.is_whitespace() && current.ends_with(char::is_whitespace) {
            pieces.push(std::mem::take(&mut current));
        }
        current.push(c);
    }
    pieces.push(current);
    for piece in pieces {
        stream.write_all(chunk(json!({"content": piece})).as_bytes()).await?;
        stream.flush().await?;
        tokio::time::sleep(word_delay).await;
    }
    stream.write_all(b"data: [DONE]\n\n").await?;
    stream.shutdown().await
}
