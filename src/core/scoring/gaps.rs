//! The gap list: answered items below their target level, most urgent first.

use serde::{Serialize, Serializer};
use std::sync::Arc;

use super::{AuditGoal, MAX_LEVEL};
use crate::core::bank::{Bank, Criticality, Item, ItemKind};

/// The level an item should reach for this customer.
///
/// The bank's target (`item.target`, else `scoring.default_target`) applies, except that a
/// customer heading for its own Type II (`own_audit = type2`) needs level 4 ("operating with
/// retained evidence") on every item the bank expects to be in place, i.e. whose bank
/// target is 3 or more: a Type II examination tests operation over a period. Items the bank
/// deliberately targets at 1 or 2 keep that target whatever the goal.
pub fn effective_target(bank: &Bank, item: &Item, goal: AuditGoal) -> u8 {
    raise_target(bank.target_of(item).min(MAX_LEVEL), goal)
}

/// The effective target from the bank's target (at most [`MAX_LEVEL`]) and the goal.
#[inline(always)]
pub(super) fn raise_target(base: u8, goal: AuditGoal) -> u8 {
    if goal == AuditGoal::Type2 && base >= 3 {
        MAX_LEVEL
    } else {
        base
    }
}

/// One answered item below its target.
///
/// The gap list is ordered by weighted shortfall (largest first), then criticality
/// (critical first), then bank order.
///
/// Invariants: `level < target`; `shortfall == target - level`;
/// `weighted_shortfall == weight × shortfall` (the points missing to reach the target).
/// The remediation steps are the item's `how` in the bank: see [`Gap::item`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    /// The item id (the reference to the bank item).
    pub item: String,
    pub kind: ItemKind,
    pub criticality: Criticality,
    pub weight: u32,
    /// The rated level; 0 for "don't know".
    pub level: u8,
    /// The answer was "don't know" (an open item, counted as 0).
    pub dont_know: bool,
    pub target: u8,
    pub shortfall: u8,
    pub weighted_shortfall: u64,
    /// The item's criteria, as in the bank. Shared with the bank's scoring index, so a
    /// rescore copies no criterion ids (a slice: `join`, `iter`, `len` work as on a `Vec`).
    #[serde(serialize_with = "ser_strings")]
    pub criteria: Arc<[String]>,
    /// The user's note on the item (owner, evidence location, remarks); may be empty.
    pub note: String,
}

impl Gap {
    /// The bank item (title, remediation steps in `how`, evidence).
    pub fn item<'b>(&self, bank: &'b Bank) -> Option<&'b Item> {
        bank.item(&self.item)
    }
}

fn ser_strings<S: Serializer>(v: &Arc<[String]>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(v.iter())
}
