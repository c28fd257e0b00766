//! "Why this score": the item contributions behind any score of [`Scores`](super::Scores).

use serde::Serialize;

use super::{
    category_index, criteria_index, item_categories, Context, GroupScore, Status, MAX_LEVEL,
};
use crate::core::answers::{Assessment, Response};
use crate::core::bank::{Bank, Criticality, Item, Report};
use crate::core::criteria::Category;

/// What a score is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Subject {
    /// All items.
    Overall,
    /// One item, by id.
    Item(String),
    /// The items citing a criterion, by id (e.g. `CC6.1`).
    Criterion(String),
    /// The items citing any criterion of a category.
    Category(#[serde(serialize_with = "super::ser_category")] Category),
    /// The items of a domain, by id.
    Domain(String),
    /// The items that apply to a report.
    Report(Report),
    /// The items of the reliance result for a report (see [`crate::core::scoring::Results`]).
    Reliance(Report),
    /// The items of the customer's own SOC 2 readiness result.
    OwnSoc2,
}

impl Subject {
    /// Whether an item belongs to the group this subject scores (visibility aside).
    pub fn includes(&self, item: &Item) -> bool {
        match self {
            Subject::Overall => true,
            Subject::Item(id) => &item.id == id,
            Subject::Criterion(id) => item.criteria.contains(id),
            Subject::Category(c) => item_categories(item)[category_index(*c)],
            Subject::Domain(id) => &item.domain == id,
            Subject::Report(r) => item.reports.contains(r),
            Subject::Reliance(r) => item.counts_for_reliance_on(*r),
            Subject::OwnSoc2 => item.counts_for_own_soc2(),
        }
    }

    /// Whether the subject names something that exists (an unknown id explains nothing).
    fn known(&self, bank: &Bank) -> bool {
        match self {
            Subject::Item(id) => bank.item(id).is_some(),
            Subject::Criterion(id) => criteria_index().lookup(id).is_some(),
            Subject::Domain(id) => bank.domain(id).is_some(),
            Subject::Overall
            | Subject::Category(_)
            | Subject::Report(_)
            | Subject::Reliance(_)
            | Subject::OwnSoc2 => true,
        }
    }
}

/// Why an item does not count in a score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "excluded")]
pub enum Exclusion {
    /// Answered "not applicable", with the user's reason.
    NotApplicable { reason: String },
    /// Asked but not answered yet.
    Unanswered,
    /// Not asked under the current scope.
    Hidden,
}

/// How an item enters a score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum Outcome {
    /// Counted: `points = weight × level` out of `max_points = weight × 4`.
    Counted {
        level: u8,
        dont_know: bool,
        points: u64,
        max_points: u64,
    },
    Excluded(Exclusion),
}

/// One item's part in a score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contribution {
    pub item: String,
    pub criticality: Criticality,
    /// The bank's weight for the item's criticality.
    pub weight: u32,
    pub outcome: Outcome,
}

impl Contribution {
    /// Points and maximum points, when counted.
    pub fn points(&self) -> Option<(u64, u64)> {
        match self.outcome {
            Outcome::Counted {
                points, max_points, ..
            } => Some((points, max_points)),
            Outcome::Excluded(_) => None,
        }
    }
}

/// A score and every item behind it.
///
/// Invariants: `contributions` lists every item of the bank that belongs to the subject, in
/// bank order, hidden ones included (as excluded); `score` is recomputed from them and
/// equals the matching score in [`Scores`](super::Scores) (see `Scores::group`), so
/// `score.points` is the sum of the counted points and `score.max_points` of their maxima.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    pub subject: Subject,
    pub score: GroupScore,
    pub contributions: Vec<Contribution>,
}

impl Explanation {
    /// The counted contributions.
    pub fn counted(&self) -> impl Iterator<Item = &Contribution> {
        self.contributions.iter().filter(|c| c.points().is_some())
    }
}

/// Explains any score: overall, item, criterion, category, domain or report.
///
/// Same rules as [`score`](super::score), so the explanation and the score always agree.
/// An unknown item, criterion or domain gives an empty explanation with no score.
pub fn explain(bank: &Bank, assessment: &Assessment, subject: &Subject) -> Explanation {
    let mut score = GroupScore::default();
    let mut contributions = Vec::new();
    if subject.known(bank) {
        let ctx = Context::new(bank, assessment);
        for item in bank.items.iter().filter(|i| subject.includes(i)) {
            let status = ctx.status(item);
            let weight = ctx.weight(item);
            score.add(weight, status);
            let outcome = match status {
                Status::Level(_) | Status::DontKnow => {
                    let level = status.counted_level().unwrap_or(0);
                    Outcome::Counted {
                        level,
                        dont_know: status == Status::DontKnow,
                        points: u64::from(weight) * u64::from(level),
                        max_points: u64::from(weight) * u64::from(MAX_LEVEL),
                    }
                }
                Status::NotApplicable => {
                    let reason = match assessment.response(&item.id) {
                        Some(Response::NotApplicable { reason }) => reason.clone(),
                        _ => String::new(),
                    };
                    Outcome::Excluded(Exclusion::NotApplicable { reason })
                }
                Status::Unanswered => Outcome::Excluded(Exclusion::Unanswered),
                Status::Hidden => Outcome::Excluded(Exclusion::Hidden),
            };
            contributions.push(Contribution {
                item: item.id.clone(),
                criticality: item.criticality,
                weight,
                outcome,
            });
        }
    }
    Explanation {
        subject: subject.clone(),
        score,
        contributions,
    }
}
