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
