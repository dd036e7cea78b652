//! The commands the shell registers and the ones the window's client calls must be the same set:
//! a command only one side names is a click that fails at run time, or a way in nothing uses.

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    /// The command names in `generate_handler![…]` in main.rs (the part after the last `::`).
    fn registered(main: &str) -> BTreeSet<String> {
        let start = main.find("generate_handler![").map(|at| at + "generate_handler![".len()).unwrap_or_default();
        let end = main[start..].find(']').map(|at| start + at).unwrap_or(start);
        main[start..end]
            .split(',')
            .map(|entry| entry.trim().rsplit("::").next().unwrap_or_default().to_string())
            .filter(|name| !name.is_empty())
            .collect()
    }

    /// The names the UI's API modules pass to `call('…'`.
    fn called(sources: &[String]) -> BTreeSet<String> {
        let mut names = BTreeSet::new();
        for source in sources {
            for piece in source.split("call(").skip(1) {
                let piece = piece.trim_start();
                if let Some(rest) = piece.strip_prefix('\'')
                    && let Some(end) = rest.find('\'')
                {
                    names.insert(rest[..end].to_string());
                }
            }
        }
        names
    }

    #[test]
    fn the_shell_registers_exactly_the_commands_the_ui_calls() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let main = std::fs::read_to_string(root.join("src-tauri/src/main.rs")).unwrap_or_default();
        let api = root.join("ui/src/lib/api");
        let sources: Vec<String> = std::fs::read_dir(&api)
            .unwrap_or_else(|error| panic!("{}: {error}", api.display()))
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "ts"))
            .map(|path| std::fs::read_to_string(path).unwrap_or_default())
            .collect();
        let (registered, called) = (registered(&main), called(&sources));
        assert!(registered.len() > 50 && called.len() > 50, "both lists were read: {registered:?} {called:?}");
        let unused: Vec<_> = registered.difference(&called).collect();
        let missing: Vec<_> = called.difference(&registered).collect();
        assert!(unused.is_empty(), "registered but never called from the UI: {unused:?}");
        assert!(missing.is_empty(), "called by the UI but not registered: {missing:?}");
    }

    #[test]
    fn the_readers_find_names_in_both_spellings() {
        let main = "generate_handler![\n commands::app_status,\n data_commands::restore\n ]";
        assert_eq!(registered(main), BTreeSet::from(["app_status".to_string(), "restore".to_string()]));
        let ts = ["a: () => call('app_status'),\n b: (id) => call( 'restore', { id })".to_string()];
        assert_eq!(called(&ts), BTreeSet::from(["app_status".to_string(), "restore".to_string()]));
    }
}
