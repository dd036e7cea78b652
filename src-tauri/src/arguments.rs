//! The app's command line: `--version`, and `--data-dir` for a data folder other than the
//! default (tests and portable set-ups). Anything else is left to the OS and the plugins.

use std::path::PathBuf;

/// `--version` or `-V`: print the version and exit before any window, as packagers and the
/// update test expect.
pub fn wants_version(args: impl Iterator<Item = String>) -> bool {
    args.skip(1).any(|arg| arg == "--version" || arg == "-V")
}

/// `--data-dir DIR` or `--data-dir=DIR` from the command line.
pub fn data_dir(args: impl Iterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.skip(1);
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(dir) = arg.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(dir));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> impl Iterator<Item = String> {
        list.iter().map(|s| s.to_string()).collect::<Vec<_>>().into_iter()
    }

    #[test]
    fn data_dir_is_read_in_both_spellings() {
        assert_eq!(data_dir(args(&["jobhound", "--data-dir", "/tmp/x"])), Some("/tmp/x".into()));
        assert_eq!(data_dir(args(&["jobhound", "--data-dir=/tmp/y"])), Some("/tmp/y".into()));
        assert_eq!(data_dir(args(&["jobhound"])), None);
    }

    #[test]
    fn version_is_asked_for_by_either_flag_and_not_by_the_program_name() {
        assert!(wants_version(args(&["jobhound", "--version"])));
        assert!(wants_version(args(&["jobhound", "--data-dir", "/tmp/x", "-V"])));
        assert!(!wants_version(args(&["--version"])));
        assert!(!wants_version(args(&["jobhound", "--data-dir", "/tmp/--version"])));
    }
}
