//! Result 1, for every customer: "can I rely on my provider's reports?" Your side of the
//! provider's controls, one result per report relied on. Its levels say what they mean
//! for reliance and never name an examination (SCORING.md §4.1).

use serde::Serialize;

use super::{GroupScore, Scores, Status};
use crate::core::answers::Assessment;
use crate::core::bank::{Bank, Criticality, Item, Report};
use crate::core::provider_reports::{check_report, Date, ReportCheck};

/// Where the customer's side of one report stands, worst first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RelianceLevel {
    /// Nothing that counts for this report is answered yet.
    NothingAnswered,
    /// Gaps undermine reliance: a critical CUEC or monitoring item below level 3, a
    /// responsibility mismatch, a report too old or of the wrong kind, or a score below
    /// the bank's "in place" threshold.
    Undermined,
    /// No gap undermines reliance among the answers so far, but questions are open.
    Incomplete,
    /// The customer's side is in place and documented.
    InPlace,
    /// In place, and operating with evidence kept (every critical CUEC and monitoring item
    /// at level 4 and the score at the bank's upper threshold).
    OperatingWithEvidence,
}

impl RelianceLevel {
    pub fn id(self) -> &'static str {
        match self {
            RelianceLevel::NothingAnswered => "nothing_answered",
            RelianceLevel::Undermined => "undermined",
            RelianceLevel::Incomplete => "incomplete",
            RelianceLevel::InPlace => "in_place",
            RelianceLevel::OperatingWithEvidence => "operating_with_evidence",
        }
    }
}

/// The customer's side of one provider report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reliance {
    pub report: Report,
    /// The customer said it relies on this report (`reliance` scope answer). When it has
    /// not said, SOC 2 is shown with this false.
    pub relied_on: bool,
    /// Over the asked items that count for this report (CUECs, user responsibilities,
    /// monitoring of the provider, own controls the report's use depends on).
    pub score: GroupScore,
    pub level: RelianceLevel,
    /// Asked items of this result not answered yet, bank order.
    pub unanswered: Vec<String>,
    /// Critical CUEC or monitoring items below level 3 ("don't know" counts as 0).
    pub below_in_place: Vec<String>,
    /// CUECs the provider's report assumes of the customer, answered "not applicable".
    pub mismatches: Vec<String>,
    /// What the report's type and dates mean (see [`check_report`]).
    pub checks: Vec<ReportCheck>,
    /// The score is below the bank's "in place" threshold (its `type1_ready` band).
    pub score_below: Option<f64>,
}

/// The reliance result of each report the customer relies on (SOC 2 alone when it has not
/// said), in report order.
pub(super) fn reliance_results(
    bank: &Bank,
    assessment: &Assessment,
    scores: &Scores,
    visible: &[(&Item, Status)],
    today: Option<Date>,
) -> Vec<Reliance> {
    let relied: Vec<Report> = scores
        .reports
        .iter()
        .filter(|r| r.relied_on)
        .map(|r| r.report)
        .collect();
    let (reports, relied_on) = if relied.is_empty() {
        (vec![Report::Soc2], false)
    } else {
        (relied, true)
    };
    let (in_place_min, evidence_min) = thresholds(bank);
    reports
        .into_iter()
        .map(|report| {
            let mut r = Reliance {
                report,
                relied_on,
                score: GroupScore::default(),
                level: RelianceLevel::NothingAnswered,
                unanswered: Vec::new(),
                below_in_place: Vec::new(),
                mismatches: Vec::new(),
                checks: check_report(report, &assessment.provider_reports, today),
                score_below: None,
            };
            let mut all_critical_at_4 = true;
            for &(item, status) in visible
                .iter()
                .filter(|(i, _)| i.counts_for_reliance_on(report))
            {
                r.score
                    .add(bank.scoring.weights.of(item.criticality), status);
                match status {
                    Status::Unanswered => r.unanswered.push(item.id.clone()),
                    Status::NotApplicable if item.assumed => r.mismatches.push(item.id.clone()),
                    _ => {}
                }
                let gating =
                    item.kind.gates_reliance() && item.criticality == Criticality::Critical;
                if let (true, Some(level)) = (gating, status.counted_level()) {
                    if level < 3 {
                        r.below_in_place.push(item.id.clone());
                    }
                    all_critical_at_4 &= level >= 4;
                }
            }
            let score = r.score.score;
            r.score_below = score.filter(|s| *s < in_place_min).map(|_| in_place_min);
            let undermined = !r.below_in_place.is_empty()
                || !r.mismatches.is_empty()
                || r.checks.iter().any(ReportCheck::undermines);
            r.level = match score {
                _ if undermined => RelianceLevel::Undermined,
                None => RelianceLevel::NothingAnswered,
                Some(_) if r.score_below.is_some() => RelianceLevel::Undermined,
                Some(_) if !r.unanswered.is_empty() => RelianceLevel::Incomplete,
                Some(s) if s >= evidence_min && all_critical_at_4 => {
                    RelianceLevel::OperatingWithEvidence
                }
                Some(_) => RelianceLevel::InPlace,
            };
            r
        })
        .collect()
}

/// The bank's "in place" and "operating with evidence" thresholds: the minimum scores of
/// its `type1_ready` and `type2_ready` bands (75 and 90 in the default bank).
pub(super) fn thresholds(bank: &Bank) -> (f64, f64) {
    let min = |id: &str, fallback: f64| {
        bank.scoring
            .bands
            .iter()
            .find(|b| b.id == id)
            .map_or(fallback, |b| b.min)
    };
    (min(super::TYPE1_BAND, 75.0), min(super::TYPE2_BAND, 90.0))
}
