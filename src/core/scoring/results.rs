//! The two results the app gives, built from the scores as plain data the pages only render
//! (SCORING.md §4): reliance on the provider's reports, for everyone, and the customer's own
//! SOC 2 readiness, only when it prepares one. They are never blended into one number.

use serde::Serialize;

use super::own::{own_readiness, OwnReadiness};
use super::reliance::{reliance_results, Reliance, RelianceLevel};
use super::{Gap, Scores, Status};
use crate::core::answers::Assessment;
use crate::core::bank::{Bank, Item, Report};
use crate::core::provider_reports::Date;

/// Which result a gap or an item belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// The customer's side of the provider's report.
    Reliance(Report),
    /// The customer's own SOC 2.
    OwnSoc2,
}

/// Both results of one assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    /// One per report relied on (SOC 2 alone, not marked relied on, when the customer has
    /// not said), in report order.
    pub reliance: Vec<Reliance>,
    /// Only when the customer prepares its own SOC 2 (`own_audit` Type I or Type II).
    pub own: Option<OwnReadiness>,
}

impl Results {
    /// Builds both results. `today` dates the provider-report checks; without it, a
    /// report's age is not checked.
    pub fn of(
        bank: &Bank,
        assessment: &Assessment,
        scores: &Scores,
        today: Option<Date>,
    ) -> Results {
        let visible = visible_with_status(bank, scores);
        Results {
            reliance: reliance_results(bank, assessment, scores, &visible, today),
            own: own_readiness(bank, assessment, scores, &visible),
        }
    }

    pub fn reliance_on(&self, report: Report) -> Option<&Reliance> {
        self.reliance.iter().find(|r| r.report == report)
    }
}

/// The asked items with their status, in bank order (`scores.items` is a bank-ordered
/// subset of `bank.items`, so one walk pairs them).
fn visible_with_status<'b>(bank: &'b Bank, scores: &Scores) -> Vec<(&'b Item, Status)> {
    let mut scored = scores.items.iter().peekable();
    let mut out = Vec::with_capacity(scores.items.len());
    for item in &bank.items {
        if let Some(s) = scored.next_if(|s| s.id == item.id) {
            out.push((item, s.status));
        }
    }
    out
}

/// The gaps of one result, most urgent first (the order of `scores.gaps`).
pub fn gaps_for<'s>(bank: &Bank, scores: &'s Scores, audience: Audience) -> Vec<&'s Gap> {
    scores
        .gaps
        .iter()
        .filter(|g| {
            bank.item(&g.item).is_some_and(|i| match audience {
                Audience::Reliance(r) => i.counts_for_reliance_on(r),
                Audience::OwnSoc2 => i.counts_for_own_soc2(),
            })
        })
        .collect()
}

/// What the embed `completed` message carries (EMBEDDING.md): each result's level and
/// score, and no examination verdict when the customer prepares no SOC 2 of its own.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Completed {
    pub reliance: Vec<CompletedReliance>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub own_soc2: Option<CompletedOwn>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompletedReliance {
    pub report: Report,
    pub level: RelianceLevel,
    /// One decimal, or `None` when nothing counts.
    pub score: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompletedOwn {
    pub goal: super::AuditGoal,
    /// The band id after the gates (`not_ready` … `type2_ready` in the default bank).
    pub band: Option<String>,
    pub score: Option<f64>,
    pub type1_ready: bool,
    pub observation_ready: bool,
}

fn one_decimal(v: Option<f64>) -> Option<f64> {
    v.map(|v| (v * 10.0).round() / 10.0)
}

impl Completed {
    pub fn of(results: &Results) -> Completed {
        Completed {
            reliance: results
                .reliance
                .iter()
                .map(|r| CompletedReliance {
                    report: r.report,
                    level: r.level,
                    score: one_decimal(r.score.score),
                })
                .collect(),
            own_soc2: results.own.as_ref().map(|o| CompletedOwn {
                goal: o.goal,
                band: o.band.as_ref().map(|b| b.id.clone()),
                score: one_decimal(o.score.score),
                type1_ready: o.type1_ready,
                observation_ready: o.observation_ready,
            }),
        }
    }
}
