//! A resume ready to render, as blocks in reading order, and the two layouts it can take. ATS
//! readers want one column of real text under standard headings, so that is all there is: no
//! columns, tables, images or text in shapes.

/// How a resume is set: Classic (roomier, for reading) or Compact (smaller type, fits more).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResumeStyle {
    Classic,
    Compact,
}

/// One block of a resume, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResumeBlock {
    /// The person's name, at the top.
    Name(String),
    /// The contact line (email, phone, links), under the name.
    Contact(String),
    /// A section heading ("Experience").
    Heading(String),
    /// An entry's header ("Platform Engineer, Acme GmbH | 2019 – present").
    Entry(String),
    Bullet(String),
    /// A paragraph (a summary, a skills line).
    Text(String),
}

#[derive(Debug, Clone, Copy)]
pub struct ResumeLayout<'a> {
    /// Shown as the document's title in PDF readers and DOCX properties.
    pub title: &'a str,
    pub style: ResumeStyle,
    pub blocks: &'a [ResumeBlock],
}

/// Type sizes and spacing of a style, in points.
pub(crate) struct Measures {
    pub body: f32,
    pub name: f32,
    pub heading: f32,
    pub line: f32,
    pub space_before_heading: f32,
    pub space_before_entry: f32,
    pub margin_mm: f32,
}

impl ResumeStyle {
    pub(crate) fn measures(self) -> Measures {
        match self {
            ResumeStyle::Classic => Measures {
                body: 10.5,
                name: 18.0,
                heading: 13.0,
                line: 14.5,
                space_before_heading: 12.0,
                space_before_entry: 6.0,
                margin_mm: 20.0,
            },
            ResumeStyle::Compact => Measures {
                body: 9.0,
                name: 14.0,
                heading: 11.0,
                line: 11.5,
                space_before_heading: 7.0,
                space_before_entry: 3.0,
                margin_mm: 14.0,
            },
        }
    }
}
