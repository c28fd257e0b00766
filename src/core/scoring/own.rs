//! Result 2, only for a customer preparing its own SOC 2: "are my own controls ready?"
//! Its own controls only (readiness items, own controls, and the CUECs that are also its
//! own controls), with gates that match what an auditor needs (SCORING.md §4.2).

use serde::Serialize;
use std::collections::BTreeMap;

use super::{AuditGoal, BandRef, GroupScore, Scores, Status, TYPE1_BAND, TYPE2_BAND};
use crate::core::bank::{Bank, Criticality, Item};
use crate::core::criteria::Category;

/// Level own controls need for Type I ("in place and documented").
const TYPE1_LEVEL: u8 = 3;
/// Level for the observation period ("operating, with evidence kept").
const OBSERVATION_LEVEL: u8 = 4;

/// A gate of the own-SOC 2 result. The first three keep the customer from Type I
/// readiness; the last two from starting the observation period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OwnGateKind {
    /// A question asked under the scope is unanswered.
    Unanswered,
    /// A critical own control that concerns an in-scope category is below level 3.
    CriticalBelow3,
    /// An in-scope criterion whose answered own controls are all below level 3.
    CriterionNotMet,
    /// A critical own control that concerns an in-scope category is below level 4.
    CriticalBelow4,
    /// An item the bank requires for the observation period (e.g. evidence retention)
    /// is below level 4.
    RequiredBelow4,
}

impl OwnGateKind {
    /// Whether the gate stands in the way of Type I readiness (else only of the
    /// observation period).
    pub fn blocks_type1(self) -> bool {
        matches!(
            self,
            OwnGateKind::Unanswered | OwnGateKind::CriticalBelow3 | OwnGateKind::CriterionNotMet
        )
    }
}

/// A failed gate: item ids, or criterion ids for [`OwnGateKind::CriterionNotMet`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OwnGate {
    pub kind: OwnGateKind,
    pub ids: Vec<String>,
}

/// "Not applicable" on an item an auditor will ask about: a critical own control, or the
/// only asked own control of an in-scope criterion. The customer's reason is the start of
/// the exclusion it explains in its system description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exclusion {
    pub item: String,
    pub reason: String,
    pub critical: bool,
    /// In-scope criteria left with no applicable own control by this answer.
    pub criteria: Vec<String>,
}

/// The customer's own SOC 2 readiness.
///
/// Invariants: `band <= score_band`; `observation_ready` implies `type1_ready`; raising any
/// answer never lowers `band` nor clears a flag.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OwnReadiness {
    /// Type I or Type II (never undecided or reliance only: there is no result then).
    pub goal: AuditGoal,
    pub score: GroupScore,
    /// The band the score alone reaches, and the band after the gates.
    pub score_band: Option<BandRef>,
    pub band: Option<BandRef>,
    pub type1_ready: bool,
    /// Ready to start the Type II observation period. A self-assessment cannot show that
    /// controls operated over a period: this is the most it can say.
    pub observation_ready: bool,
    pub gates: Vec<OwnGate>,
    /// The score is below the Type I band (its threshold), or below the upper band.
    pub type1_score_below: Option<f64>,
    pub observation_score_below: Option<f64>,
    pub exclusions: Vec<Exclusion>,
}

impl OwnReadiness {
    pub fn gate(&self, kind: OwnGateKind) -> Option<&OwnGate> {
        self.gates.iter().find(|g| g.kind == kind)
    }

    /// The bank's band this result stands in (after the gates): its label and advice.
    pub fn band_in<'b>(&self, bank: &'b Bank) -> Option<&'b crate::core::bank::Band> {
        self.band.as_ref().and_then(|b| bank.band(b.index))
    }

    /// Whether the customer is ready for what it is heading for.
    pub fn goal_met(&self) -> bool {
        match self.goal {
            AuditGoal::Type2 => self.observation_ready,
            _ => self.type1_ready,
        }
    }
}

/// Whether an own control concerns the customer's report: it cites an in-scope criterion,
/// or no criterion at all (planning items such as the system description).
fn concerns_scope(
    item: &Item,
    in_scope: &[Category],
    category_of: &dyn Fn(&str) -> Option<Category>,
) -> bool {
    item.criteria.is_empty()
        || item
            .criteria
            .iter()
            .any(|c| category_of(c).is_some_and(|k| in_scope.contains(&k)))
}

pub(super) fn own_readiness(
    bank: &Bank,
    assessment: &crate::core::answers::Assessment,
    scores: &Scores,
    visible: &[(&Item, Status)],
) -> Option<OwnReadiness> {
    let goal = scores.verdict.goal;
    if !matches!(goal, AuditGoal::Type1 | AuditGoal::Type2) {
        return None;
    }
    let in_scope: Vec<Category> = scores
        .categories
        .iter()
        .filter(|c| c.in_scope)
        .map(|c| c.category)
        .collect();
    let category_of = |id: &str| scores.criterion(id).map(|c| c.category);
    let mut score = GroupScore::default();
    let mut unanswered = Vec::new();
    let mut critical_below3 = Vec::new();
    let mut critical_below4 = Vec::new();
    let mut required_below4 = Vec::new();
    // In-scope criterion → (has an answered own control, has one at level 3 or more,
    // its own controls answered "not applicable").
    let mut by_criterion: BTreeMap<&str, (bool, bool, Vec<&str>)> = BTreeMap::new();
    for &(item, status) in visible {
        if status == Status::Unanswered {
            unanswered.push(item.id.clone());
        }
        if !item.counts_for_own_soc2() {
            continue;
        }
        score.add(bank.scoring.weights.of(item.criticality), status);
        let level = status.counted_level();
        let relevant = concerns_scope(item, &in_scope, &category_of);
        if let (true, true, Some(l)) = (item.criticality == Criticality::Critical, relevant, level)
        {
            if l < TYPE1_LEVEL {
                critical_below3.push(item.id.clone());
            }
            if l < OBSERVATION_LEVEL {
                critical_below4.push(item.id.clone());
            }
        }
        if bank.scoring.observation_requires.contains(&item.id)
            && level.is_some_and(|l| l < OBSERVATION_LEVEL)
        {
            required_below4.push(item.id.clone());
        }
        for c in item
            .criteria
            .iter()
            .filter(|c| category_of(c).is_some_and(|k| in_scope.contains(&k)))
        {
            let entry = by_criterion.entry(c.as_str()).or_default();
            match (status, level) {
                (Status::NotApplicable, _) => entry.2.push(item.id.as_str()),
                (_, Some(l)) => {
                    entry.0 = true;
                    entry.1 |= l >= TYPE1_LEVEL;
                }
                _ => {}
            }
        }
    }
    // Criteria in catalogue order.
    let criterion_not_met: Vec<String> = scores
        .criteria
        .iter()
        .filter(|c| {
            by_criterion
                .get(c.id)
                .is_some_and(|&(answered, met, _)| answered && !met)
        })
        .map(|c| c.id.to_string())
        .collect();
    let exclusions = exclusions(assessment, visible, &by_criterion, &in_scope, &category_of);

    let gates: Vec<OwnGate> = [
        (OwnGateKind::Unanswered, unanswered),
        (OwnGateKind::CriticalBelow3, critical_below3),
        (OwnGateKind::CriterionNotMet, criterion_not_met),
        (OwnGateKind::CriticalBelow4, critical_below4),
        (OwnGateKind::RequiredBelow4, required_below4),
    ]
    .into_iter()
    .filter(|(_, ids)| !ids.is_empty())
    .map(|(kind, ids)| OwnGate { kind, ids })
    .collect();

    let bands = &bank.scoring.bands;
    let band_ref = |index: usize| {
        bands.get(index).map(|b| BandRef {
            index,
            id: b.id.clone(),
        })
    };
    let score_index = score
        .score
        .and_then(|s| bands.iter().rposition(|b| b.min <= s));
    let t1 = bands.iter().position(|b| b.id == TYPE1_BAND);
    let t2 = bands.iter().position(|b| b.id == TYPE2_BAND);
    let blocks_t1 = gates.iter().any(|g| g.kind.blocks_type1());
    let blocks_t2 = !gates.is_empty();
    // A failed gate keeps the band strictly below the band it guards.
    let mut cap = usize::MAX;
    if let (true, Some(i)) = (blocks_t1, t1) {
        cap = cap.min(i.saturating_sub(1));
    }
    if let (true, Some(i)) = (blocks_t2, t2) {
        cap = cap.min(i.saturating_sub(1));
    }
    let band_index = score_index.map(|i| i.min(cap));
    let reaches =
        |guarded: Option<usize>| matches!((score_index, guarded), (Some(s), Some(g)) if s >= g);
    let min_of = |guarded: Option<usize>| guarded.and_then(|g| bands.get(g)).map_or(0.0, |b| b.min);
    let type1_ready = reaches(t1) && !blocks_t1;
    let observation_ready = type1_ready && reaches(t2) && !blocks_t2;
    Some(OwnReadiness {
        goal,
        score,
        score_band: score_index.and_then(band_ref),
        band: band_index.and_then(band_ref),
        type1_ready,
        observation_ready,
        type1_score_below: (!reaches(t1)).then(|| min_of(t1)),
        observation_score_below: (!reaches(t2)).then(|| min_of(t2)),
        gates,
        exclusions,
    })
}

/// The "not applicable" answers to explain in the system description, in bank order.
fn exclusions(
    assessment: &crate::core::answers::Assessment,
    visible: &[(&Item, Status)],
    by_criterion: &BTreeMap<&str, (bool, bool, Vec<&str>)>,
    in_scope: &[Category],
    category_of: &dyn Fn(&str) -> Option<Category>,
) -> Vec<Exclusion> {
    visible
        .iter()
        .filter(|(item, status)| *status == Status::NotApplicable && item.counts_for_own_soc2())
        .filter_map(|(item, _)| {
            // Criteria whose every asked own control is N/A (no answered one left).
            let criteria: Vec<String> = item
                .criteria
                .iter()
                .filter(|c| category_of(c).is_some_and(|k| in_scope.contains(&k)))
                .filter(|c| {
                    by_criterion
                        .get(c.as_str())
                        .is_some_and(|(answered, _, _)| !answered)
                })
                .cloned()
                .collect();
            let critical = item.criticality == Criticality::Critical;
            (critical || !criteria.is_empty()).then(|| Exclusion {
                item: item.id.clone(),
                reason: match assessment.response(&item.id) {
                    Some(crate::core::answers::Response::NotApplicable { reason }) => {
                        reason.clone()
                    }
                    _ => String::new(),
                },
                critical,
                criteria,
            })
        })
        .collect()
}
