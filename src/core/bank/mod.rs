//! Question banks: the data format (see content/FORMAT.md), its validation, and the
//! validated model the rest of the app reads.

mod bundle;
mod checker;
#[cfg(feature = "toml")]
mod convert;
mod coverage;
mod error;
mod extra;
mod from_json;
mod load;
mod model;
mod pack;
mod provider_steps;
mod raw;
mod source;

pub use bundle::{bundle_sources, read_bundle, write_bundle, DEFAULT_BUNDLE_PATH};
pub use checker::{MAX_TITLE, STEPS};
#[cfg(feature = "toml")]
pub use convert::toml_to_json;
pub use error::{BankError, EntryKind, Problem};
pub use load::{Checked, MAX_SOURCE, REQUIRED_SCOPE};
pub use model::*;
pub use pack::{merge_packs, pack_path, write_pack, PackPart, Packs, GUIDANCE_FIELDS};
pub use provider_steps::{ProviderSteps, PROVIDER_QUESTION};
pub use source::{Format, ProviderFile, Source};
