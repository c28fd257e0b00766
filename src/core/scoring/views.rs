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
