//! How an error crosses to the window: `{code, message}`.

use jobhound_core::{CoreError, ErrorCode, ErrorPayload};

/// Every command fails with `{code, message}`.
pub type CommandResult<T> = Result<T, ErrorPayload>;

pub fn from_core(error: CoreError) -> ErrorPayload {
    ErrorPayload::from(&error)
}

pub fn internal(message: impl Into<String>) -> ErrorPayload {
    ErrorPayload { code: ErrorCode::Internal, message: message.into(), field: None }
}
