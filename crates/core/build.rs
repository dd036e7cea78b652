//! Embeds every `migrations/NNNN_name.sql` file into the binary, in order.
use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let dir = manifest.join("../../migrations");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", dir.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "sql"))
        .collect();
    files.sort();
    let mut code = String::from("pub(crate) static MIGRATIONS: &[Migration] = &[\n");
    for (index, path) in files.iter().enumerate() {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let (number, name) = stem.split_once('_').unwrap_or_else(|| panic!("{stem}: expected NNNN_name.sql"));
        let version: i64 = number.parse().unwrap_or_else(|_| panic!("{stem}: expected a number before '_'"));
        assert_eq!(version, index as i64 + 1, "migrations must be numbered 1, 2, 3... without gaps ({stem})");
        println!("cargo:rerun-if-changed={}", path.display());
        let _ = writeln!(
            code,
            "    Migration {{ version: {version}, name: {name:?}, sql: include_str!({:?}) }},",
            path.canonicalize().unwrap_or_else(|_| path.clone()).display().to_string()
        );
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("migrations.rs");
    std::fs::write(&out, code).unwrap_or_else(|error| panic!("cannot write {}: {error}", out.display()));
}
