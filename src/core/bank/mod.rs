//! Question banks: the data format (see content/FORMAT.md), its validation, and the
//! validated model the rest of the app reads.

#[cfg(feature = "toml")]
mod convert;
mod error;
mod load;
mod model;
mod raw;

#[cfg(feature = "toml")]
pub use convert::toml_to_json;
pub use error::{BankError, Problem};
pub use load::{Format, Source, REQUIRED_SCOPE};
pub use model::*;
