//! The mock OpenAI-compatible server on a fixed port, for the end-to-end test and for trying the
//! app without a model: `cargo run -p jobhound-llm --features mock --example mock_openai -- 8787`.

use jobhound_llm::mock::{MockLlm, MockReply};

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port = std::env::args().nth(1).unwrap_or_else(|| "0".into());
    let word_delay_ms = std::env::args().nth(2).and_then(|ms| ms.parse().ok()).unwrap_or(40);
    let mock = MockLlm::start_on(&format!("127.0.0.1:{port}")).await?;
    mock.set_default(MockReply::Auto { word_delay: std::time::Duration::from_millis(word_delay_ms) });
    println!("listening {}", mock.base_url());
    std::future::pending::<()>().await;
    Ok(())
}
