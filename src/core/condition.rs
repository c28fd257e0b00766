//! Skip logic as data: `show_if` conditions over scope answers.
//!
//! Grammar (no parentheses; `&` binds tighter than `|`):
//! `condition := clause ('|' clause)*`, `clause := term ('&' term)*`,
//! `term := '!'? question ':' option`. A condition is kept in disjunctive normal form, which
//! makes both evaluation and the "can this ever be true?" check straightforward.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Answers to the scope questions: question id → selected option ids.
pub type ScopeAnswers = BTreeMap<String, BTreeSet<String>>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub question: String,
    pub option: String,
    pub negated: bool,
}

/// A parsed condition: true when any clause is true; a clause is true when all its terms are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    pub clauses: Vec<Vec<Term>>,
    source: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConditionError {
    Empty,
    /// A term is not `question:option` (the offending text).
    BadTerm(String),
}

impl fmt::Display for ConditionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConditionError::Empty => write!(f, "empty condition"),
            ConditionError::BadTerm(t) => write!(f, "`{t}` is not of the form question:option"),
        }
    }
}

fn is_ident(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

impl Condition {
    pub fn parse(src: &str) -> Result<Condition, ConditionError> {
        if src.trim().is_empty() {
            return Err(ConditionError::Empty);
        }
        let mut clauses = Vec::new();
        for clause_src in src.split('|') {
            let mut clause = Vec::new();
            for term_src in clause_src.split('&') {
                let t = term_src.trim();
                let (negated, body) = match t.strip_prefix('!') {
                    Some(rest) => (true, rest.trim()),
                    None => (false, t),
                };
                let Some((q, o)) = body.split_once(':') else {
                    return Err(ConditionError::BadTerm(t.to_string()));
                };
                let (q, o) = (q.trim(), o.trim());
                if !is_ident(q) || !is_ident(o) {
                    return Err(ConditionError::BadTerm(t.to_string()));
                }
                clause.push(Term {
                    question: q.into(),
                    option: o.into(),
                    negated,
                });
            }
            clauses.push(clause);
        }
        Ok(Condition {
            clauses,
            source: src.trim().to_string(),
        })
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn terms(&self) -> impl Iterator<Item = &Term> {
        self.clauses.iter().flatten()
    }

    /// Evaluates against complete scope answers (an unanswered question selects nothing).
    pub fn eval(&self, scope: &ScopeAnswers) -> bool {
        self.clauses.iter().any(|clause| {
            clause.iter().all(|t| {
                let selected = scope
                    .get(&t.question)
                    .is_some_and(|s| s.contains(&t.option));
                selected != t.negated
            })
        })
    }

    /// Three-valued (Kleene) evaluation where `known(question, option)` returns
    /// `Some(bool)` for terms fixed by assumption and `None` for unknown ones. `Some(true)`
    /// means the condition holds in every completion of the assumption.
    pub fn eval_partial(&self, known: impl Fn(&str, &str) -> Option<bool>) -> Option<bool> {
        let mut any_unknown = false;
        for clause in &self.clauses {
            let mut clause_val = Some(true);
            for t in clause {
                let v = known(&t.question, &t.option).map(|b| b != t.negated);
                clause_val = match (clause_val, v) {
                    (Some(false), _) | (_, Some(false)) => Some(false),
                    (Some(true), Some(true)) => Some(true),
                    _ => None,
                };
            }
            match clause_val {
                Some(true) => return Some(true),
                None => any_unknown = true,
                Some(false) => {}
            }
        }
        if any_unknown {
            None
        } else {
            Some(false)
        }
    }

    /// True when some assignment of scope answers makes the condition true.
    /// `is_single(question)` tells whether a question takes exactly one option, in which
    /// case two different positive options of it in one clause contradict each other.
    pub fn satisfiable(&self, is_single: impl Fn(&str) -> bool) -> bool {
        self.clauses.iter().any(|clause| {
            clause.iter().enumerate().all(|(i, a)| {
                clause[i + 1..].iter().all(|b| {
                    if a.question != b.question {
                        return true;
                    }
                    let contradiction = if a.option == b.option {
                        a.negated != b.negated
                    } else {
                        !a.negated && !b.negated && is_single(&a.question)
                    };
                    !contradiction
                })
            })
        })
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope(pairs: &[(&str, &[&str])]) -> ScopeAnswers {
        pairs
            .iter()
            .map(|(q, opts)| (q.to_string(), opts.iter().map(|o| o.to_string()).collect()))
            .collect()
    }

    #[test]
    fn and_binds_tighter_than_or() {
        let c = Condition::parse("a:x & b:y | c:z").unwrap();
        assert_eq!(c.clauses.len(), 2);
        assert!(c.eval(&scope(&[("c", &["z"])])));
        assert!(!c.eval(&scope(&[("a", &["x"])])));
        assert!(c.eval(&scope(&[("a", &["x"]), ("b", &["y"])])));
    }

    #[test]
    fn negation_and_unanswered() {
        let c = Condition::parse("!services:vm").unwrap();
        assert!(c.eval(&ScopeAnswers::new()));
        assert!(!c.eval(&scope(&[("services", &["vm", "kms"])])));
    }

    #[test]
    fn rejects_malformed_terms() {
        assert_eq!(Condition::parse("  "), Err(ConditionError::Empty));
        assert_eq!(
            Condition::parse("a:x & b"),
            Err(ConditionError::BadTerm("b".into()))
        );
        assert_eq!(
            Condition::parse("a:x |"),
            Err(ConditionError::BadTerm("".into()))
        );
        assert_eq!(
            Condition::parse("A:x"),
            Err(ConditionError::BadTerm("A:x".into()))
        );
    }

    #[test]
    fn detects_conditions_that_can_never_hold() {
        let single = |q: &str| q == "own_audit";
        let sat = |s: &str| {
            Condition::parse(s)
                .map(|c| c.satisfiable(single))
                .unwrap_or(true)
        };
        assert!(!sat("own_audit:type1 & own_audit:type2"));
        assert!(!sat("services:vm & !services:vm"));
        assert!(sat("services:vm & services:kms"));
        assert!(sat("own_audit:type1 & own_audit:type2 | services:vm"));
    }

    #[test]
    fn partial_evaluation_is_kleene() {
        let c = Condition::parse(
            "own_audit:type1 & categories:privacy | own_audit:type2 & categories:privacy",
        )
        .unwrap();
        // Knowing only that privacy is in scope leaves the audit type open.
        let privacy_only = |q: &str, o: &str| (q == "categories").then_some(o == "privacy");
        assert_eq!(c.eval_partial(privacy_only), None);
        let no_privacy = |q: &str, o: &str| {
            (q == "categories")
                .then_some(false)
                .filter(|_| o == "privacy")
        };
        assert_eq!(c.eval_partial(no_privacy), Some(false));
    }
}
