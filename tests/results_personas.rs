//! The two results (reliance on the provider's reports; the customer's own SOC 2
//! readiness) for named customers on the shipped default bank: the counter-examples an
//! auditor found in the single-verdict design, and the cases each rule exists for.

// Test helpers may panic to state expectations (clippy.toml allows it in #[test] fns only).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use soc_readiness::core::answers::{AnswerError, Assessment, Level, Response};
use soc_readiness::core::bank::{Bank, ItemKind, Report};
use soc_readiness::core::csv::gaps_csv;
use soc_readiness::core::provider_reports::{Date, ReportCheck, ReportType};
use soc_readiness::core::scoring::{score, Completed, OwnGateKind, RelianceLevel, Results, Scores};
use soc_readiness::core::text::Lang;

const TODAY: &str = "2026-11-29";

fn today() -> Option<Date> {
    Date::parse(TODAY)
}

/// A SaaS company on AWS relying on the provider's SOC 2 and preparing its own SOC 2
/// (`own_audit`: "type1", "type2" or "none"), Security only, with VMs, object storage,
/// managed databases and KMS.
fn saas(bank: &Bank, own_audit: &str) -> Assessment {
    let mut a = Assessment::new(bank);
    for (q, o) in [
        ("provider", "aws"),
        ("reliance", "soc2"),
        ("own_audit", own_audit),
        ("services", "vm"),
        ("services", "object_storage"),
        ("services", "managed_db"),
        ("services", "kms"),
        ("personal_data", "no"),
    ] {
        a.set_scope(bank, q, o, true).unwrap();
    }
    a
}

/// Answers every asked item with `level(item)`.
fn answer_all(bank: &Bank, a: &mut Assessment, level: impl Fn(&str, ItemKind) -> u8) {
    let asked: Vec<(String, ItemKind)> = bank
        .visible_items(&a.scope)
        .map(|i| (i.id.clone(), i.kind))
        .collect();
    for (id, kind) in asked {
        let l = Level::new(level(&id, kind)).unwrap();
        a.set_response(bank, &id, Response::Level(l)).unwrap();
    }
}

fn evaluate(bank: &Bank, a: &Assessment) -> (Scores, Results) {
    let s = score(bank, a);
    let r = Results::of(bank, a, &s, today());
    (s, r)
}

/// Both results in one line, as the closing note quotes them.
fn summary(bank: &Bank, r: &Results) -> String {
    let mut out: Vec<String> = r
        .reliance
        .iter()
        .map(|x| {
            format!(
                "reliance {}: {} ({:.1})",
                x.report.id(),
                x.level.id(),
                x.score.score.unwrap_or(f64::NAN)
            )
        })
        .collect();
    if let Some(o) = &r.own {
        let band = o.band_in(bank).map_or("-", |b| b.label.get(Lang::En));
        out.push(format!(
            "own SOC 2: {band} ({:.1}), Type I ready: {}, ready for the observation period: {}, gates: {:?}",
            o.score.score.unwrap_or(f64::NAN),
            o.type1_ready,
            o.observation_ready,
            o.gates
                .iter()
                .map(|g| format!("{:?} {:?}", g.kind, g.ids))
                .collect::<Vec<_>>()
        ));
    }
    out.join(" | ")
}

/// The auditor's first counter-example: the eleven critical readiness controls at 0 and
/// everything else at 4. The controls the old bank asked twice are now asked once, as their
/// CUEC (ACC-04 → IAM-02, ACC-05 → IAM-05, ACC-06 → MFA-01, OPS-05 → CHG-01, RSK-12 →
/// VEN-01). The single score said "Type I ready" at 80.3.
#[test]
fn persona_critical_readiness_controls_missing_is_not_type1_ready() {
    let bank = common::shipped_bank();
    let zero = [
        "RSK-02", "RSK-05", "IAM-02", "IAM-05", "MFA-01", "OPS-03", "CHG-01", "VEN-01", "AUD-01",
        "AUD-03", "AUD-04",
    ];
    let mut a = saas(bank, "type1");
    answer_all(bank, &mut a, |id, _| if zero.contains(&id) { 0 } else { 4 });
    let (_, r) = evaluate(bank, &a);
    println!("critical readiness at 0: {}", summary(bank, &r));
    let own = r.own.as_ref().unwrap();
    assert!(!own.type1_ready && !own.observation_ready);
    let gate = own.gate(OwnGateKind::CriticalBelow3).unwrap();
    assert_eq!(gate.ids.len(), zero.len(), "{:?}", gate.ids);
    // Critical CUECs and monitoring at 0 undermine reliance on the provider's SOC 2 too.
    let soc2 = r.reliance_on(Report::Soc2).unwrap();
    assert_eq!(soc2.level, RelianceLevel::Undermined);
    assert!(soc2.below_in_place.contains(&"VEN-01".to_string()));
}

/// The second: no control matrix (AUD-03), no system description (AUD-04), no risk
/// assessment (RSK-02), no change process (CHG-01, formerly also OPS-05), all else at 4.
/// The single score said "Type I ready" at 92.8.
#[test]
fn persona_no_system_description_is_not_type1_ready() {
    let bank = common::shipped_bank();
    let zero = ["AUD-03", "AUD-04", "RSK-02", "CHG-01"];
    let mut a = saas(bank, "type1");
    answer_all(bank, &mut a, |id, _| if zero.contains(&id) { 0 } else { 4 });
    let (_, r) = evaluate(bank, &a);
    println!("basics missing: {}", summary(bank, &r));
    let own = r.own.as_ref().unwrap();
    assert!(!own.type1_ready);
    let mut failing = own.gate(OwnGateKind::CriticalBelow3).unwrap().ids.clone();
    failing.sort();
    let mut want: Vec<String> = zero.map(String::from).to_vec();
    want.sort();
    assert_eq!(failing, want);
    // CC3.2 has a second own control (RSK-13, the inputs of the risk analysis) at 4, so every
    // criterion still has a control at 3 or more.
    assert!(own.gate(OwnGateKind::CriterionNotMet).is_none());
    // Without it as well, CC3.2 is not met; the other criteria have other controls.
    answer_all(bank, &mut a, |id, _| {
        if zero.contains(&id) || id == "RSK-13" {
            0
        } else {
            4
        }
    });
    let (_, r) = evaluate(bank, &a);
    let own = r.own.as_ref().unwrap();
    let not_met = &own.gate(OwnGateKind::CriterionNotMet).unwrap().ids;
    assert_eq!(not_met, &["CC3.2"]);
}

/// The third: every readiness item at 2, every CUEC (and every other reliance item) at 4.
/// The blended score said "Type I ready" at 76.3; now the two questions get two answers.
#[test]
fn persona_reliance_in_place_while_own_readiness_is_not() {
    let bank = common::shipped_bank();
    let mut a = saas(bank, "type1");
    answer_all(bank, &mut a, |_, kind| {
        if kind == ItemKind::Readiness {
            2
        } else {
            4
        }
    });
    let (_, r) = evaluate(bank, &a);
    println!("readiness at 2, CUECs at 4: {}", summary(bank, &r));
    let soc2 = r.reliance_on(Report::Soc2).unwrap();
    assert!(soc2.level >= RelianceLevel::InPlace, "{:?}", soc2.level);
    let own = r.own.as_ref().unwrap();
    assert!(!own.type1_ready);
    assert!(own.gate(OwnGateKind::CriticalBelow3).is_some());
}

/// A customer that only relies on its provider's reports: no own result, and nothing it
/// receives (results, embed payload, gap-plan CSV) carries an examination verdict.
#[test]
fn persona_no_own_audit_gets_no_examination_verdict() {
    let bank = common::shipped_bank();
    let mut a = saas(bank, "none");
    answer_all(
        bank,
        &mut a,
        |id, _| if id.starts_with("IAM") { 2 } else { 4 },
    );
    let (s, r) = evaluate(bank, &a);
    assert!(r.own.is_none());
    assert_eq!(r.reliance.len(), 1);
    let payload = serde_json::to_string(&Completed::of(&r)).unwrap();
    assert_eq!(
        payload,
        format!(
            r#"{{"reliance":[{{"report":"soc2","level":"{}","score":{}}}]}}"#,
            r.reliance[0].level.id(),
            (r.reliance[0].score.score.unwrap() * 10.0).round() / 10.0
        )
    );
    let csv = gaps_csv(bank, &s, &a, Lang::En);
    for word in [
        "type1",
        "type2",
        "Type I",
        "Type II",
        "examination",
        "own_soc2",
    ] {
        assert!(!payload.contains(word), "payload has {word}");
        assert!(!csv.contains(word), "CSV has {word}");
    }
}

/// A customer relying only on the provider's SOC 1: the SOC 1-only items (FIN-01, FIN-02,
/// FIN-04) cite control objectives, not the Trust Services Criteria, so no criterion or
/// category score moves when they change, and there is no SOC 2 result at all.
#[test]
fn persona_soc1_only_customer_tsc_scores_ignore_fin_items() {
    let bank = common::shipped_bank();
    let mut a = Assessment::new(bank);
    for (q, o) in [
        ("provider", "azure"),
        ("reliance", "soc1"),
        ("own_audit", "none"),
        ("services", "fin_integrations"),
        ("services", "vm"),
    ] {
        a.set_scope(bank, q, o, true).unwrap();
    }
    answer_all(bank, &mut a, |_, _| 3);
    let (before, r_before) = evaluate(bank, &a);
    for id in ["FIN-01", "FIN-02", "FIN-04"] {
        let item = bank.item(id).unwrap();
        assert!(
            item.criteria.is_empty() && !item.objectives.is_empty(),
            "{id}"
        );
        assert!(before.item(id).is_some(), "{id} is asked");
        a.set_response(bank, id, Response::Level(Level::new(0).unwrap()))
            .unwrap();
    }
    let (after, r_after) = evaluate(bank, &a);
    assert_eq!(before.criteria, after.criteria);
    assert_eq!(before.categories, after.categories);
    assert!(r_after.reliance_on(Report::Soc2).is_none());
    let (b, a1) = (
        r_before.reliance_on(Report::Soc1).unwrap(),
        r_after.reliance_on(Report::Soc1).unwrap(),
    );
    assert!(a1.score.points < b.score.points, "the SOC 1 view moves");
}

/// "Not applicable" needs a justification, critical or not; with one, a critical own
/// control answered N/A is listed as an exclusion for the system description.
#[test]
fn persona_na_on_critical_item_needs_a_justification() {
    let bank = common::shipped_bank();
    let mut a = saas(bank, "type1");
    a.set_scope(bank, "categories", "availability", true)
        .unwrap();
    let bak = bank.item("BAK-02").unwrap();
    assert_eq!(
        (bak.kind, bak.criticality.id(), bak.never_na),
        (ItemKind::OwnControl, "critical", false)
    );
    let refused = a.set_response(
        bank,
        "BAK-02",
        Response::NotApplicable {
            reason: "   ".into(),
        },
    );
    assert_eq!(refused, Err(AnswerError::NaNeedsReason("BAK-02".into())));
    answer_all(bank, &mut a, |_, _| 3);
    a.set_response(
        bank,
        "BAK-02",
        Response::NotApplicable {
            reason: "No stateful data: the service is rebuilt from code".into(),
        },
    )
    .unwrap();
    let (_, r) = evaluate(bank, &a);
    let own = r.own.unwrap();
    let ex = own.exclusions.iter().find(|e| e.item == "BAK-02").unwrap();
    assert!(ex.critical);
    assert_eq!(
        ex.reason,
        "No stateful data: the service is rebuilt from code"
    );
}

/// A control asked both as a CUEC and as an own control is one item: answered once, it
/// counts once in the reliance result and once in the own result.
#[test]
fn persona_overlapping_pairs_are_answered_once_and_counted_once_in_each() {
    let bank = common::shipped_bank();
    for gone in ["ACC-04", "ACC-05", "ACC-06", "OPS-05", "AVL-04", "RSK-12"] {
        assert!(
            bank.item(gone).is_none(),
            "{gone} is still asked separately"
        );
    }
    for id in ["IAM-02", "IAM-05", "MFA-01", "CHG-01", "VEN-01"] {
        let item = bank.item(id).unwrap();
        assert!(
            item.also_own_soc2 && item.counts_for_reliance_on(Report::Soc2),
            "{id}"
        );
        let weight = u64::from(bank.scoring.weights.of(item.criticality));
        let mut a = saas(bank, "type1");
        answer_all(bank, &mut a, |_, _| 2);
        let (_, low) = evaluate(bank, &a);
        a.set_response(bank, id, Response::Level(Level::new(4).unwrap()))
            .unwrap();
        let (_, high) = evaluate(bank, &a);
        let gain = |r: &Results| {
            (
                r.reliance_on(Report::Soc2).unwrap().score.points,
                r.own.as_ref().unwrap().score.points,
            )
        };
        let (l, h) = (gain(&low), gain(&high));
        assert_eq!((h.0 - l.0, h.1 - l.1), (weight * 2, weight * 2), "{id}");
    }
}

/// The provider's SOC 2 ended 14 months ago: reliance is undermined until the customer
/// gets the current report, and the gap to its fiscal year end needs a bridge letter.
#[test]
fn persona_stale_provider_report_and_bridge_letter() {
    let bank = common::shipped_bank();
    let mut a = saas(bank, "none");
    answer_all(bank, &mut a, |_, _| 4);
    a.provider_reports.soc2.kind = Some(ReportType::Type2);
    a.provider_reports.soc2.period_end = "2025-09-30".into();
    a.provider_reports.own_period_end = "2025-12-31".into();
    let (_, r) = evaluate(bank, &a);
    let soc2 = r.reliance_on(Report::Soc2).unwrap();
    assert_eq!(soc2.level, RelianceLevel::Undermined);
    assert_eq!(
        soc2.checks,
        vec![
            ReportCheck::Stale {
                period_end: "2025-09-30".into(),
                days: 425
            },
            ReportCheck::BridgeLetter {
                from: "2025-10-01".into(),
                to: "2025-12-31".into(),
                days: 92,
                long: false
            },
        ]
    );
    // The current report (ended two months ago) with the customer's year end in five
    // weeks: in place, with a bridge letter to ask for.
    a.provider_reports.soc2.period_end = "2026-09-30".into();
    a.provider_reports.own_period_end = "2026-12-31".into();
    let (_, r) = evaluate(bank, &a);
    let soc2 = r.reliance_on(Report::Soc2).unwrap();
    assert!(soc2.level >= RelianceLevel::InPlace);
    assert!(matches!(
        soc2.checks.as_slice(),
        [ReportCheck::BridgeLetter { days: 92, .. }]
    ));
    // A Type I report, or a SOC 3, does not support reliance on operation.
    for (kind, check) in [
        (ReportType::Type1, ReportCheck::Type1Only),
        (ReportType::Soc3, ReportCheck::Soc3Only),
    ] {
        a.provider_reports.soc2.kind = Some(kind);
        let (_, r) = evaluate(bank, &a);
        let soc2 = r.reliance_on(Report::Soc2).unwrap();
        assert!(soc2.checks.contains(&check));
        assert_eq!(soc2.level, RelianceLevel::Undermined);
    }
}

/// A provider bank marks a CUEC as assumed by its report; the customer answers it "not
/// applicable": that is a responsibility mismatch, not a removal.
#[test]
fn persona_na_on_assumed_cuec_is_a_responsibility_mismatch() {
    let mut bank = common::shipped_bank().clone();
    let mut a = saas(&bank, "none");
    let id = bank
        .visible_items(&a.scope)
        .find(|i| i.kind == ItemKind::Cuec && !i.never_na)
        .map(|i| i.id.clone())
        .unwrap();
    if let Some(item) = bank.items.iter_mut().find(|i| i.id == id) {
        item.assumed = true;
    }
    answer_all(&bank, &mut a, |_, _| 4);
    a.set_response(
        &bank,
        &id,
        Response::NotApplicable {
            reason: "We do not think this applies".into(),
        },
    )
    .unwrap();
    let (_, r) = evaluate(&bank, &a);
    let soc2 = r.reliance_on(Report::Soc2).unwrap();
    assert_eq!(soc2.mismatches, vec![id]);
    assert_eq!(soc2.level, RelianceLevel::Undermined);
}

/// The lists the pages show are built by the core: the review lists, the sections of the
/// walkthrough, and the gap list split into blockers (critical) and the rest.
#[test]
fn review_lists_sections_and_blockers_come_from_the_core() {
    let bank = common::shipped_bank();
    let mut a = saas(bank, "type1");
    answer_all(bank, &mut a, |id, _| u8::from(!id.starts_with("IAM")) * 4);
    a.clear_response("IAM-01");
    a.set_response(bank, "IAM-03", Response::DontKnow).unwrap();
    let reason = "No such workload";
    let na = bank
        .visible_items(&a.scope)
        .find(|i| !i.never_na && i.id != "IAM-03")
        .map(|i| i.id.clone())
        .unwrap();
    a.set_response(
        bank,
        &na,
        Response::NotApplicable {
            reason: reason.into(),
        },
    )
    .unwrap();
    let lists = soc_readiness::core::scoring::ReviewLists::of(bank, &a);
    assert_eq!(lists.unanswered, ["IAM-01"]);
    assert_eq!(lists.dont_know, ["IAM-03"]);
    assert_eq!(lists.not_applicable, [(na, reason.to_string())]);

    let (s, _) = evaluate(bank, &a);
    let sections = s.sections(bank);
    assert_eq!(sections.first(), Some(&"iam"));
    // Domains hidden by this scope (e.g. privacy, which needs personal data) are no section.
    assert!(!sections.contains(&"rd_privacy"));
    let (blockers, others) = s.blockers_and_others();
    assert!(!blockers.is_empty() && blockers.iter().all(|g| g.criticality.id() == "critical"));
    assert!(others.iter().all(|g| g.criticality.id() != "critical"));
    assert_eq!(blockers.len() + others.len(), s.gaps.len());
}

/// An assessment saved before this change (it answered ACC-04, a readiness question now
/// folded into IAM-02, and has no provider-report dates) still opens: every answer is kept,
/// the folded one in the archive that travels with exports.
#[test]
fn an_assessment_saved_before_the_two_results_opens_with_the_same_answers() {
    let bank = common::shipped_bank();
    let old = r#"{"schema_version":1,"bank_id":"soc-readiness-default","bank_version":"1.0.0","name":"Q3",
        "scope":{"own_audit":["type1"],"reliance":["soc2"]},
        "answers":{"IAM-02":{"response":{"level":3}},"ACC-04":{"response":{"level":2},"note":"HR feed"}},
        "archive":{},"id":"a1","created":"","updated":""}"#;
    let mut a = Assessment::from_json(old).unwrap();
    let moved = a.reconcile(bank);
    assert_eq!(moved.archived, ["ACC-04"]);
    assert_eq!(
        a.response("IAM-02"),
        Some(&Response::Level(Level::new(3).unwrap()))
    );
    assert_eq!(a.archive["ACC-04"].note, "HR feed");
    assert!(a.provider_reports.is_empty());
    // And it saves back without the new fields it does not use.
    assert!(!a.to_json().contains("provider_reports"));
}

/// The results page's gap filters narrow the gap list by criticality, domain, result and
/// owner, each checked against a count made independently here.
#[test]
fn gap_filters_narrow_the_list() {
    use soc_readiness::core::bank::Criticality;
    use soc_readiness::core::scoring::{gap_owners, Audience, GapFilter};
    let bank = common::shipped_bank();
    let mut a = saas(bank, "type1");
    answer_all(bank, &mut a, |id, _| (id.len() % 3) as u8);
    for id in ["IAM-02", "MFA-01"] {
        a.answers.get_mut(id).unwrap().owner = "Platform team".into();
    }
    let (s, _) = evaluate(bank, &a);
    let all = GapFilter::default().apply(bank, &s, &a);
    assert_eq!(all.len(), s.gaps.len());
    let critical = GapFilter {
        criticality: Some(Criticality::Critical),
        ..Default::default()
    };
    let n = s
        .gaps
        .iter()
        .filter(|g| g.criticality == Criticality::Critical)
        .count();
    assert!(n > 0 && n < s.gaps.len());
    assert_eq!(critical.apply(bank, &s, &a).len(), n);
    let iam = GapFilter {
        domain: Some("iam".into()),
        ..Default::default()
    };
    assert!(iam
        .apply(bank, &s, &a)
        .iter()
        .all(|g| g.item.starts_with("IAM-")));
    let own = GapFilter {
        audience: Some(Audience::OwnSoc2),
        ..Default::default()
    };
    let own_gaps = own.apply(bank, &s, &a);
    assert!(own_gaps.iter().any(|g| g.item.starts_with("AUD-")));
    assert!(own_gaps
        .iter()
        .all(|g| bank.item(&g.item).unwrap().counts_for_own_soc2()));
    let platform = GapFilter {
        owner: Some("Platform team".into()),
        ..Default::default()
    };
    let ids: Vec<&str> = platform
        .apply(bank, &s, &a)
        .iter()
        .map(|g| g.item.as_str())
        .collect();
    let mut want: Vec<&str> = ["IAM-02", "MFA-01"]
        .into_iter()
        .filter(|id| s.gaps.iter().any(|g| g.item == *id))
        .collect();
    want.sort();
    let mut got = ids.clone();
    got.sort();
    assert_eq!(got, want);
    assert_eq!(gap_owners(&s, &a).first().map(String::as_str), Some(""));
}
