//! Question banks: the data format (see content/FORMAT.md), its validation, and the
//! validated model the rest of the app reads.

mod error;
mod load;
mod model;
mod raw;

pub use error::{BankError, Problem};
pub use load::{Source, REQUIRED_SCOPE};
pub use model::*;
