//! Plain data the pages list, built from (bank, assessment, scores) so that the UI only
//! renders it: the review lists, the sections to walk through, the blockers and the rest of
//! the gap list.

use serde::Serialize;

use super::{Gap, Scores};
use crate::core::answers::{Assessment, Response};
use crate::core::bank::{Bank, Criticality};

/// What the review step lists before the results, each in bank order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ReviewLists {
    pub unanswered: Vec<String>,
    pub dont_know: Vec<String>,
    /// Items answered "not applicable", with the reason given.
    pub not_applicable: Vec<(String, String)>,
}

impl ReviewLists {
    pub fn of(bank: &Bank, a: &Assessment) -> ReviewLists {
        let mut lists = ReviewLists::default();
        for item in bank.visible_items(&a.scope) {
            match a.response(&item.id) {
                None => lists.unanswered.push(item.id.clone()),
                Some(Response::DontKnow) => lists.dont_know.push(item.id.clone()),
                Some(Response::NotApplicable { reason }) => {
                    lists.not_applicable.push((item.id.clone(), reason.clone()))
                }
                Some(Response::Level(_)) => {}
            }
        }
        lists
    }
}

impl Scores {
    /// The domains with at least one asked question, in bank order: the sections of the
    /// walkthrough.
    pub fn sections<'b>(&self, bank: &'b Bank) -> Vec<&'b str> {
        self.domains
            .iter()
            .filter(|d| d.visible && d.score.total > 0)
            .filter_map(|d| bank.domain(&d.id))
            .map(|d| d.id.as_str())
            .collect()
    }

    /// The gaps of critical items (what blocks a result first), then the others, each in
    /// gap-list order.
    pub fn blockers_and_others(&self) -> (Vec<&Gap>, Vec<&Gap>) {
        self.gaps
            .iter()
            .partition(|g| g.criticality == Criticality::Critical)
    }
}

/// What the results page's gap list is narrowed to; `None` keeps every value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GapFilter {
    pub criticality: Option<Criticality>,
    pub domain: Option<String>,
    /// The result the item counts in.
    pub audience: Option<super::Audience>,
    /// The owner the customer gave; `Some("")` keeps the gaps with no owner.
    pub owner: Option<String>,
}

impl GapFilter {
    /// The gaps that pass the filter, in gap-list order.
    pub fn apply<'s>(&self, bank: &Bank, scores: &'s Scores, a: &Assessment) -> Vec<&'s Gap> {
        scores
            .gaps
            .iter()
            .filter(|g| self.criticality.is_none_or(|c| g.criticality == c))
            .filter(|g| {
                let item = bank.item(&g.item);
                self.domain
                    .as_deref()
                    .is_none_or(|d| item.is_some_and(|i| i.domain == d))
                    && self.audience.is_none_or(|aud| {
                        item.is_some_and(|i| match aud {
                            super::Audience::Reliance(r) => i.counts_for_reliance_on(r),
                            super::Audience::OwnSoc2 => i.counts_for_own_soc2(),
                        })
                    })
            })
            .filter(|g| {
                self.owner.as_deref().is_none_or(|o| {
                    a.answers.get(&g.item).map_or("", |x| x.owner.trim()) == o.trim()
                })
            })
            .collect()
    }
}

/// The owners named on the assessment's gaps, sorted, without duplicates (the gap list's
/// owner filter); an empty string stands for "no owner given".
pub fn gap_owners(scores: &Scores, a: &Assessment) -> Vec<String> {
    let mut owners: Vec<String> = scores
        .gaps
        .iter()
        .map(|g| {
            a.answers
                .get(&g.item)
                .map_or(String::new(), |x| x.owner.trim().to_string())
        })
        .collect();
    owners.sort();
    owners.dedup();
    owners
}
