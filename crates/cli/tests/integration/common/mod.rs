//! Running the built CLI as a script would: its own data dir, keys kept in memory.

use std::path::Path;
use std::process::{Command, Output};

pub fn run(data_dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_jobhound-cli"));
    command.args(args).env("JOBHOUND_DATA_DIR", data_dir).env("JOBHOUND_KEYCHAIN", "memory");
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().unwrap()
}

/// The standard output of a command that must succeed.
pub fn ok(output: Output) -> String {
    assert!(output.status.success(), "failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// A tiny HTTP server on 127.0.0.1 for pages a test stands in for: answers GETs of `pages`
/// (path → HTML) and 404 to anything else, until the test process ends.
pub fn serve_pages(pages: Vec<(&'static str, String)>) -> String {
    serve(move |path| pages.iter().find(|(known, _)| *known == path).map(|(_, body)| body.clone()))
}

/// The same for the files of `dir` (`/a/b.html` is `dir/a/b.html`), read at each request, so a
/// test can change a page between fetches.
pub fn serve_dir(dir: std::path::PathBuf) -> String {
    serve(move |path| {
        let relative = path.trim_start_matches('/');
        let file = if relative.is_empty() || relative.ends_with('/') {
            format!("{relative}index.html")
        } else {
            relative.to_string()
        };
        std::fs::read_to_string(dir.join(file)).ok()
    })
}

fn serve(page: impl Fn(&str) -> Option<String> + Send + 'static) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let address = listener.local_addr().expect("bound");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(&stream);
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            // The rest of the head is read so the client sees its request taken whole.
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|read| read > 2) {
                header.clear();
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
            let (status, body) = match page(&path) {
                Some(body) => ("200 OK", body),
                None => ("404 Not Found", "not found".to_string()),
            };
            let response = format!(
                "HTTP/1.1 {status}\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = (&stream).write_all(response.as_bytes());
        }
    });
    format!("http://{address}")
}
