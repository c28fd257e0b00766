//! Question banks: the data format (see content/FORMAT.md), its validation, and the
//! validated model the rest of the app reads.

mod bundle;
#[cfg(feature = "toml")]
mod convert;
mod error;
mod load;
mod model;
mod raw;

pub use bundle::{bundle_sources, read_bundle, write_bundle, DEFAULT_BUNDLE_PATH};
#[cfg(feature = "toml")]
pub use convert::toml_to_json;
pub use error::{BankError, Problem};
pub use load::{Format, ProviderFile, Source, REQUIRED_SCOPE};
pub use model::*;
