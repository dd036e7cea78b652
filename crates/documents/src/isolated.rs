//! Resume text read in a child process with bounded time and memory. A crafted PDF can make the
//! reader recurse until the stack overflows (a Form XObject that draws itself, a page tree that
//! is its own parent), which aborts the whole process where `catch_unwind` cannot help, and a
//! stream can inflate to gigabytes. In a child, such a file costs the child: the parent sees it
//! die or run out of time and refuses the file with a clear message, storing nothing.
//!
//! The child is the app's (or the CLI's) own binary started with [`HELPER_ARG`]: `main` calls
//! [`serve_if_helper`] first, which reads the file from standard input, limits its own memory and
//! processor time, and writes one framed answer to standard output.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::{DocumentError, DocumentFormat, MAX_RESUME_BYTES};

/// The first argument that starts a binary as the text reader.
pub const HELPER_ARG: &str = "--jobhound-extract-text";
/// Starts every answer, so the parent finds it even after anything else the child printed.
const FRAME: &str = "\n--jobhound-extract-v1--\n";

/// What one extraction may use. Generous for any real resume (a few MB, under a second), small
/// enough that a bomb is stopped long before it hurts the machine.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub wall_time: Duration,
    /// Heap and anonymous memory of the child (Linux enforces it; elsewhere the time limit and the
    /// reader's own caps hold).
    pub memory_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self { wall_time: Duration::from_secs(20), memory_bytes: 1024 * 1024 * 1024 }
    }
}

/// How resume text is read: in a child process (the app and the CLI), or in this process (tests
/// of other things, where a resume is a known-good file).
#[derive(Debug, Clone)]
pub enum Extractor {
    Isolated { program: PathBuf, args: Vec<OsString>, envs: Vec<(OsString, OsString)>, limits: Limits },
    InProcess,
}

impl Extractor {
    /// This very binary in helper mode: what the app and the CLI use.
    pub fn this_binary() -> Result<Self, DocumentError> {
        let program = std::env::current_exe()
            .map_err(|error| DocumentError::Reader(format!("cannot find Jobhound's own program: {error}")))?;
        Ok(Self::Isolated { program, args: vec![HELPER_ARG.into()], envs: Vec::new(), limits: Limits::default() })
    }

    pub fn with_limits(self, new: Limits) -> Self {
        match self {
            Self::Isolated { program, args, envs, .. } => Self::Isolated { program, args, envs, limits: new },
            Self::InProcess => Self::InProcess,
        }
    }

    /// The text of a PDF or DOCX, with the format it turned out to be.
    pub fn extract(&self, bytes: &[u8], file_name: &str) -> Result<(DocumentFormat, String), DocumentError> {
        crate::check_resume_size(bytes.len() as u64)?;
        match self {
            Self::InProcess => crate::extract_text(bytes, file_name),
            Self::Isolated { program, args, envs, limits } => {
                let mut command = Command::new(program);
                command.args(args).envs(envs.iter().map(|(name, value)| (name, value)));
                run_child(command, bytes, file_name, *limits)
            }
        }
    }
}

fn run_child(
    mut command: Command,
    bytes: &[u8],
    file_name: &str,
    limits: Limits,
) -> Result<(DocumentFormat, String), DocumentError> {
    let failed = |what: &str, error: std::io::Error| DocumentError::Reader(format!("{what}: {error}"));
    command
        .env(LIMIT_MEMORY_ENV, limits.memory_bytes.to_string())
        .env(LIMIT_SECONDS_ENV, limits.wall_time.as_secs().max(1).to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let mut child = command.spawn().map_err(|error| failed("cannot start the resume reader", error))?;
    let mut stdin = child.stdin.take().ok_or_else(|| DocumentError::Reader("no pipe to the reader".into()))?;
    let mut stdout = child.stdout.take().ok_or_else(|| DocumentError::Reader("no pipe from the reader".into()))?;
    let name: String = file_name.chars().filter(|c| !c.is_control()).take(200).collect();
    let input = [name.as_bytes(), b"\n", bytes].concat();
    // Written and read on threads of their own, so a child that stops reading or writing cannot
    // block the parent; the wall-clock limit below ends it either way.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let reader = std::thread::spawn(move || {
        let mut answer = Vec::new();
        let _ = (&mut stdout).take(MAX_ANSWER_BYTES + 1).read_to_end(&mut answer);
        answer
    });
    let deadline = Instant::now() + limits.wall_time;
    let status = loop {
        match child.try_wait().map_err(|error| failed("lost the resume reader", error))? {
            Some(status) => break Some(status),
            None if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            None => std::thread::sleep(Duration::from_millis(10)),
        }
    };
    let _ = writer.join();
    let answer = reader.join().unwrap_or_default();
    match status {
        None => Err(DocumentError::Corrupt {
            format: "resume",
            detail: format!("reading it took longer than {} seconds", limits.wall_time.as_secs()),
        }),
        Some(status) => parse_answer(&answer).unwrap_or_else(|| {
            Err(DocumentError::Corrupt {
                format: "resume",
                detail: if status.success() {
                    "the reader gave no answer".into()
                } else {
                    "its structure made the reader fail (a loop in the file, or more memory than any resume needs)"
                        .into()
                },
            })
        }),
    }
}

/// The longest answer read back: far more text than any resume holds.
const MAX_ANSWER_BYTES: u64 = 8 * 1024 * 1024;
const LIMIT_MEMORY_ENV: &str = "JOBHOUND_EXTRACT_MEMORY_BYTES";
const LIMIT_SECONDS_ENV: &str = "JOBHOUND_EXTRACT_SECONDS";

/// `ok pdf\ntext`, `err corrupt PDF\ndetail`, `err unsupported\nmessage`, `err notext\n`.
fn parse_answer(answer: &[u8]) -> Option<Result<(DocumentFormat, String), DocumentError>> {
    let text = String::from_utf8_lossy(answer);
    let (_, framed) = text.split_once(FRAME)?;
    let (head, body) = framed.split_once('\n')?;
    let mut words = head.split(' ');
    Some(match (words.next()?, words.next()?) {
        ("ok", extension) => Ok((DocumentFormat::parse(extension)?, body.to_string())),
        ("err", "corrupt") => {
            let format = if words.next()? == "PDF" { "PDF" } else { "DOCX" };
            Err(DocumentError::Corrupt { format, detail: body.to_string() })
        }
        ("err", "notext") => Err(DocumentError::NoText),
        ("err", _) => Err(DocumentError::Unsupported(body.to_string())),
        _ => return None,
    })
}

fn frame(result: &Result<(DocumentFormat, String), DocumentError>) -> String {
    let head_and_body = match result {
        Ok((format, text)) => format!("ok {}\n{text}", format.extension()),
        Err(DocumentError::Corrupt { format, detail }) => format!("err corrupt {format}\n{detail}"),
        Err(DocumentError::NoText) => "err notext\n".to_string(),
        Err(other) => format!("err unsupported\n{other}"),
    };
    format!("{FRAME}{head_and_body}")
}

/// When this process was started as the resume reader, reads one file, answers and exits;
/// otherwise returns at once. The first thing `main` does in the app and the CLI.
pub fn serve_if_helper() {
    if std::env::args_os().nth(1).is_some_and(|arg| arg == HELPER_ARG) {
        serve_and_exit();
    }
}

/// Reads one file from standard input under the limits the parent set, answers, and exits.
pub fn serve_and_exit() -> ! {
    let number = |name: &str| std::env::var(name).ok().and_then(|value| value.parse::<u64>().ok());
    limit_self(number(LIMIT_MEMORY_ENV), number(LIMIT_SECONDS_ENV));
    let mut input = Vec::new();
    let _ = std::io::stdin().lock().take(MAX_RESUME_BYTES + 1024).read_to_end(&mut input);
    let split = input.iter().position(|&byte| byte == b'\n').unwrap_or(input.len());
    let file_name = String::from_utf8_lossy(&input[..split]).to_string();
    let bytes = input.get(split + 1..).unwrap_or_default();
    let answer = frame(&crate::extract_text(bytes, &file_name));
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(answer.as_bytes()).and_then(|()| stdout.flush());
    std::process::exit(0)
}

#[cfg(target_os = "linux")]
fn limit_self(memory_bytes: Option<u64>, seconds: Option<u64>) {
    use nix::sys::resource::{Resource, setrlimit};
    if let Some(bytes) = memory_bytes {
        // The data limit counts the heap and anonymous mappings (Linux 4.7+), not the program's
        // shared libraries, so it caps what a decompression bomb can take.
        let _ = setrlimit(Resource::RLIMIT_DATA, bytes, bytes);
    }
    if let Some(seconds) = seconds {
        let _ = setrlimit(Resource::RLIMIT_CPU, seconds, seconds + 1);
    }
}

#[cfg(not(target_os = "linux"))]
fn limit_self(_memory_bytes: Option<u64>, _seconds: Option<u64>) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_read_back_as_they_were_written_after_any_noise() {
        for result in [
            Ok((DocumentFormat::Pdf, "Jane Doe\nRust".to_string())),
            Err(DocumentError::Corrupt { format: "DOCX", detail: "bad zip".into() }),
            Err(DocumentError::NoText),
            Err(DocumentError::Unsupported("only PDF and DOCX".into())),
        ] {
            let written = format!("running 1 test\n{}", frame(&result));
            let read = parse_answer(written.as_bytes()).unwrap_or_else(|| panic!("framed: {written}"));
            assert_eq!(format!("{read:?}"), format!("{result:?}"));
        }
        assert!(parse_answer(b"no frame here").is_none());
    }
}
