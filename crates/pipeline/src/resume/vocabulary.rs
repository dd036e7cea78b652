//! Words the resume readers share: what names a role, and what names a degree as an education
//! entry's title.

/// Words of a job title, in English and German.
pub(crate) const ROLE_WORDS: &[&str] = &[
    "engineer",
    "manager",
    "developer",
    "analyst",
    "director",
    "lead",
    "senior",
    "head",
    "consultant",
    "specialist",
    "intern",
    "architect",
    "scientist",
    "designer",
    "officer",
    "administrator",
    "vp",
    "president",
    "chief",
    "principal",
    "staff",
    "coordinator",
    "executive",
    "instructor",
    "researcher",
    "statistician",
    "founder",
    "assistant",
    "receiver",
    "geschäftsführer",
    "leiter",
    "entwickler",
    "berater",
    "mitarbeiter",
    "sachbearbeiter",
    "werkstudent",
    "fachinformatiker",
    "ingenieur",
];

/// Words that make an education entry's title.
pub(crate) const DEGREE_WORDS: &[&str] =
    &["bachelor", "master", "b.s", "m.s", "b.sc", "m.sc", "phd", "ph.d", "diplom", "degree", "student"];
