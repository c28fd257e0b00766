//! The verdict: the readiness band reached by the overall score, capped by the gates, and
//! explicit Type I / Type II readiness with the reasons when not ready.

use serde::Serialize;

use super::Status;
use crate::core::bank::{Bank, Criticality, ItemKind};

/// Band id that means "Type I ready"; a valid bank has it (checked at load).
pub const TYPE1_BAND: &str = "type1_ready";
/// Band id that means "Type II ready"; a valid bank has it, above [`TYPE1_BAND`].
pub const TYPE2_BAND: &str = "type2_ready";

/// Level a critical CUEC must reach for Type I readiness ("in place and documented").
const TYPE1_LEVEL: u8 = 3;
/// Level every critical item must reach for Type II readiness ("operating with evidence").
const TYPE2_LEVEL: u8 = 4;

/// What the customer is heading for, from the effective `own_audit` scope answer: Type II
/// when `type2` is selected, else Type I when `type1` is, else reliance only when `none` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditGoal {
    /// `own_audit` not answered (or hidden).
    Undecided,
    /// `own_audit = none`: the customer only relies on its provider's reports.
    RelianceOnly,
    /// `own_audit = type1`.
    Type1,
    /// `own_audit = type2`: targets rise to 4 (see `effective_target`).
    Type2,
}

/// A band of the bank: its position in `bank.scoring.bands` (the band order) and its id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct BandRef {
    pub index: usize,
    pub id: String,
}

/// The gates that cap the verdict whatever the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GateKind {
    /// Some visible item is unanswered: readiness cannot be claimed on a partial
    /// questionnaire. Caps below Type I ready.
    Unanswered,
    /// A visible critical CUEC is below level 3 ("don't know" counts as 0).
    /// Caps below Type I ready.
    CriticalCuecBelow3,
    /// A visible critical item (any kind) is answered below level 4 ("don't know" counts
    /// as 0). Caps below Type II ready.
    CriticalBelow4,
}

impl GateKind {
    /// The id of the band this gate keeps the verdict below.
    pub fn caps_below(self) -> &'static str {
        match self {
            GateKind::Unanswered | GateKind::CriticalCuecBelow3 => TYPE1_BAND,
            GateKind::CriticalBelow4 => TYPE2_BAND,
        }
    }
}

/// A failed gate, with the items that fail it (bank order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gate {
    pub kind: GateKind,
    /// Band id the verdict is kept below ([`GateKind::caps_below`]).
    pub caps_below: String,
    pub items: Vec<String>,
}

/// Why the customer is not (yet) Type I or Type II ready.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum NotReady {
    /// No item is answered and applicable, so there is no score.
    NothingAnswered,
    /// The overall score is below the band's threshold.
    ScoreBelow { band: String, min: f64 },
    /// A gate failed (its items are in [`Verdict::failed_gates`]).
    Gate { gate: GateKind },
    /// The bank has no band with this id (only possible for an unvalidated bank).
    MissingBand { band: String },
}

/// The verdict on an assessment.
///
/// Invariants: `band <= score_band` (gates only lower); `type1_ready` ⇔ `type1_reasons` is
/// empty ⇔ `band` is at or above the Type I band (same for Type II); Type II ready implies
/// Type I ready; raising any answer never lowers `band` nor clears a readiness flag.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    /// The overall score.
    pub score: Option<f64>,
    /// The band the overall score reaches by itself; `None` when nothing is scored.
    pub score_band: Option<BandRef>,
    /// The band after the gates: the verdict.
    pub band: Option<BandRef>,
    /// Failed gates, in [`GateKind`] order.
    pub failed_gates: Vec<Gate>,
    pub type1_ready: bool,
    pub type1_reasons: Vec<NotReady>,
    pub type2_ready: bool,
    pub type2_reasons: Vec<NotReady>,
    /// What the customer is heading for (the `own_audit` answer).
    pub goal: AuditGoal,
}

impl Verdict {
    /// Whether the customer is ready for the examination it is heading for: `None` when it
    /// is not heading for one (or has not said).
    pub fn goal_met(&self) -> Option<bool> {
        match self.goal {
            AuditGoal::Type1 => Some(self.type1_ready),
            AuditGoal::Type2 => Some(self.type2_ready),
            AuditGoal::RelianceOnly | AuditGoal::Undecided => None,
        }
    }

    /// Whether a gate lowered the band below what the score alone reaches.
    pub fn capped(&self) -> bool {
        self.band != self.score_band
    }

    pub fn gate(&self, kind: GateKind) -> Option<&Gate> {
        self.failed_gates.iter().find(|g| g.kind == kind)
    }

    /// Decides the verdict from the overall score and the gate tally.
    pub(super) fn decide(
        bank: &Bank,
        score: Option<f64>,
        tally: GateTally,
        goal: AuditGoal,
    ) -> Verdict {
        let bands = &bank.scoring.bands;
        let band_ref = |index: usize| {
            bands.get(index).map(|b| BandRef {
                index,
                id: b.id.clone(),
            })
        };
        let score_index = score.and_then(|s| bands.iter().rposition(|b| b.min <= s));
        let t1 = bands.iter().position(|b| b.id == TYPE1_BAND);
        let t2 = bands.iter().position(|b| b.id == TYPE2_BAND);

        let failed_gates: Vec<Gate> = [
            (GateKind::Unanswered, tally.unanswered),
            (GateKind::CriticalCuecBelow3, tally.critical_cuec_below3),
            (GateKind::CriticalBelow4, tally.critical_below4),
        ]
        .into_iter()
        .filter(|(_, items)| !items.is_empty())
        .map(|(kind, items)| Gate {
            kind,
            caps_below: kind.caps_below().to_string(),
            items,
        })
        .collect();

        // Each failed gate keeps the band strictly below the band it guards.
        let mut cap = usize::MAX;
        for g in &failed_gates {
            let guarded = if g.kind.caps_below() == TYPE1_BAND {
                t1
            } else {
                t2
            };
            if let Some(i) = guarded {
                cap = cap.min(i.saturating_sub(1));
            }
        }
        let band_index = score_index.map(|i| i.min(cap));

        let reasons =
            |band_id: &str, guarded: Option<usize>, gates: &[GateKind]| -> Vec<NotReady> {
                let mut r = Vec::new();
                match (score_index, guarded) {
                    (_, None) => r.push(NotReady::MissingBand {
                        band: band_id.to_string(),
                    }),
                    (None, Some(_)) => r.push(NotReady::NothingAnswered),
                    (Some(s), Some(g)) if s < g => r.push(NotReady::ScoreBelow {
                        band: band_id.to_string(),
                        min: bands.get(g).map_or(0.0, |b| b.min),
                    }),
                    (Some(_), Some(_)) => {}
                }
                r.extend(
                    failed_gates
                        .iter()
                        .filter(|g| gates.contains(&g.kind))
                        .map(|g| NotReady::Gate { gate: g.kind }),
                );
                r
            };
        let type1_reasons = reasons(
            TYPE1_BAND,
            t1,
            &[GateKind::Unanswered, GateKind::CriticalCuecBelow3],
        );
        let mut type2_reasons = reasons(
            TYPE2_BAND,
            t2,
            &[
                GateKind::Unanswered,
                GateKind::CriticalCuecBelow3,
                GateKind::CriticalBelow4,
            ],
        );
        // Type II readiness includes Type I readiness (only matters for a bank that lacks
        // the Type I band, since the bands are ascending).
        if t1.is_none() {
            type2_reasons.push(NotReady::MissingBand {
                band: TYPE1_BAND.to_string(),
            });
        }

        Verdict {
            score,
            score_band: score_index.and_then(band_ref),
            band: band_index.and_then(band_ref),
            failed_gates,
            type1_ready: type1_reasons.is_empty(),
            type1_reasons,
            type2_ready: type2_reasons.is_empty(),
            type2_reasons,
            goal,
        }
    }
}

/// Items failing each gate, collected in bank order during the scoring pass.
#[derive(Debug)]
pub(super) struct GateTally {
    unanswered: Vec<String>,
    critical_cuec_below3: Vec<String>,
    critical_below4: Vec<String>,
}

/// The gates a visible item fails, in [`GateKind`] order. Items answered "not applicable"
/// pass every gate (the bank refuses N/A for items that must apply: `never_na`).
pub(super) fn failed_by(kind: ItemKind, criticality: Criticality, status: Status) -> [bool; 3] {
    if status == Status::Unanswered {
        return [true, false, false];
    }
    match (criticality, status.counted_level()) {
        (Criticality::Critical, Some(level)) => [
            false,
            kind == ItemKind::Cuec && level < TYPE1_LEVEL,
            level < TYPE2_LEVEL,
        ],
        _ => [false; 3],
    }
}

impl GateTally {
    /// The items failing each gate, in bank order.
    pub(super) fn new(
        unanswered: Vec<String>,
        critical_cuec_below3: Vec<String>,
        critical_below4: Vec<String>,
    ) -> GateTally {
        GateTally {
            unanswered,
            critical_cuec_below3,
            critical_below4,
        }
    }
}
