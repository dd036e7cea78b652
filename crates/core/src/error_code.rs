//! The stable codes errors cross IPC with, one list: Rust matches the enum, the UI a TypeScript
//! union generated from it, scripts the strings.

/// Declares [`ErrorCode`] and its strings from one list, so the two cannot drift.
macro_rules! error_codes {
    ($($variant:ident => $code:literal,)*) => {
        /// What went wrong, as a stable name to match on; the message beside it is for people.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, ts_rs::TS)]
        pub enum ErrorCode {
            $(#[serde(rename = $code)] $variant,)*
        }

        impl ErrorCode {
            pub const ALL: &[ErrorCode] = &[$(ErrorCode::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)*
                }
            }
        }
    };
}

error_codes! {
    DatabaseOpen => "database_open",
    SchemaTooNew => "schema_too_new",
    Migration => "migration",
    Backup => "backup",
    Database => "database",
    Io => "io",
    SourceNotFound => "source_not_found",
    SourceRateLimited => "source_rate_limited",
    SourceBlocked => "source_blocked",
    SourceServer => "source_server",
    SourceTimeout => "source_timeout",
    SourceNetwork => "source_network",
    SourceParse => "source_parse",
    SourceMissingKey => "source_missing_key",
    SourcePaused => "source_paused",
    SourceDisabled => "source_disabled",
    Keychain => "keychain",
    FileTooLarge => "file_too_large",
    UnsupportedFile => "unsupported_file",
    CorruptFile => "corrupt_file",
    NoText => "no_text",
    Render => "render",
    DocumentReader => "document_reader",
    LlmNotConfigured => "llm_not_configured",
    LlmBadUrl => "llm_bad_url",
    LlmInsecureUrl => "llm_insecure_url",
    LlmUnreachable => "llm_unreachable",
    LlmUnauthorized => "llm_unauthorized",
    LlmRateLimited => "llm_rate_limited",
    LlmTimeout => "llm_timeout",
    LlmApiError => "llm_api_error",
    LlmBadResponse => "llm_bad_response",
    Cancelled => "cancelled",
    RecentlyApplied => "recently_applied",
    NotFound => "not_found",
    InvalidInput => "invalid_input",
    NotABackup => "not_a_backup",
    DestinationsUnconfirmed => "destinations_unconfirmed",
    KeyForAnotherAddress => "key_for_another_address",
    InboxNotConfigured => "inbox_not_configured",
    InboxUnreachable => "inbox_unreachable",
    InboxTls => "inbox_tls",
    InboxLoginRefused => "inbox_login_refused",
    InboxFolderMissing => "inbox_folder_missing",
    InboxProtocol => "inbox_protocol",
    InboxBusy => "inbox_busy",
    Internal => "internal",
    // Raised by the desktop shell itself.
    NotDropped => "not_dropped",
    NotReady => "not_ready",
    UpdatesNotBuiltIn => "updates_not_built_in",
    UpdateUnreachable => "update_unreachable",
    UpdateNotVerified => "update_not_verified",
    UpdateInstall => "update_install",
    UpdateNone => "update_none",
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// Tests and scripts compare codes with their strings.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl From<&jobhound_llm::LlmError> for ErrorCode {
    fn from(error: &jobhound_llm::LlmError) -> Self {
        use jobhound_llm::LlmError;
        match error {
            LlmError::NoModel => Self::LlmNotConfigured,
            LlmError::BadUrl(_) => Self::LlmBadUrl,
            LlmError::InsecureUrl(_) => Self::LlmInsecureUrl,
            LlmError::Unreachable { .. } => Self::LlmUnreachable,
            LlmError::Unauthorized(_) => Self::LlmUnauthorized,
            LlmError::RateLimited(_) => Self::LlmRateLimited,
            LlmError::Timeout(_) => Self::LlmTimeout,
            LlmError::Api { .. } => Self::LlmApiError,
            LlmError::BadResponse(_) | LlmError::Empty => Self::LlmBadResponse,
            LlmError::Cancelled => Self::Cancelled,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_ts_and_the_strings_agree_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            assert_eq!(serde_json::to_value(code).ok(), Some(serde_json::Value::from(code.as_str())));
            assert!(seen.insert(code.as_str()), "{code} twice");
        }
    }

    #[test]
    fn the_language_model_crate_names_its_errors_as_core_does() {
        use jobhound_llm::LlmError;
        for error in [
            LlmError::NoModel,
            LlmError::BadUrl(String::new()),
            LlmError::InsecureUrl(String::new()),
            LlmError::Unreachable { url: String::new(), detail: String::new() },
            LlmError::Unauthorized(String::new()),
            LlmError::RateLimited(String::new()),
            LlmError::Timeout(1),
            LlmError::Api { status: 500, message: String::new() },
            LlmError::BadResponse(String::new()),
            LlmError::Empty,
            LlmError::Cancelled,
        ] {
            assert_eq!(ErrorCode::from(&error), error.code(), "{error:?}");
        }
    }
}
