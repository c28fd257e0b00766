//! Every user-visible UI string, in English and Simplified Chinese. A key is an enum
//! variant and each entry must give both languages (the macro's syntax demands it), so a
//! missing key or a missing translation is a compile error.
//!
//! The texts are data, not code, in the web build (issue 19): native builds keep them here
//! ([`written`]), and `bank-check --ui-text DIR` writes each language into the build as
//! `text/ui.en.json` and `text/ui.zh.json`; the wasm carries only the keys and downloads the
//! file of the visitor's language before it starts (`ui::strings`). Nothing here depends on
//! Leptos, so the native tool builds without the UI.

use crate::core::text::Lang;

macro_rules! messages {
    ($($key:ident => $en:expr, $zh:expr;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($key),* }

        /// Every key, in the order of the files' arrays.
        pub const ALL: &[Msg] = &[$(Msg::$key),*];

        /// A fingerprint of the keys, in order: a file written for another list of keys
        /// (another release) is refused instead of showing the wrong words.
        pub const KEYS_HASH: u64 = fnv(concat!($(stringify!($key), ","),*).as_bytes());

        /// The text of `msg` in `lang`, as written here (native builds only).
        #[cfg(not(target_arch = "wasm32"))]
        pub fn written(lang: Lang, msg: Msg) -> &'static str {
            match msg {
                $(Msg::$key => match lang { Lang::En => $en, Lang::Zh => $zh }),*
            }
        }
    };
}

/// FNV-1a, 64 bits, at compile time.
const fn fnv(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    hash
}

/// The file of one language's texts, as `bank-check --ui-text` writes it into the build:
/// `{"keys": KEYS_HASH as a string, "text": [one text per key, in order]}`.
#[cfg(not(target_arch = "wasm32"))]
pub fn file_json(lang: Lang) -> String {
    let text: Vec<&str> = ALL.iter().map(|m| written(lang, *m)).collect();
    serde_json::json!({ "keys": KEYS_HASH.to_string(), "text": text }).to_string()
}

/// The path the app fetches one language's texts by, relative to its page.
pub fn file_path(lang: Lang) -> String {
    format!("text/ui.{}.json", lang.code())
}

/// Reads one language's file: its texts, in key order, when it was written for these keys.
pub fn read_file(json: &str) -> Result<Vec<String>, String> {
    #[derive(serde::Deserialize)]
    struct File {
        keys: String,
        text: Vec<String>,
    }
    let file: File = serde_json::from_str(json).map_err(|e| e.to_string())?;
    if file.keys != KEYS_HASH.to_string() || file.text.len() != ALL.len() {
        return Err("the file belongs to another release".into());
    }
    Ok(file.text)
}

messages! {
    AppTitle => "SOC readiness self-assessment", "SOC 就绪度自评估";
    Language => "Language", "语言";
    SkipToContent => "Skip to the questions", "跳到问题";
    LoadingBank => "Loading the question bank…", "正在加载题库…";
    BankInvalid => "The question bank has errors:", "题库存在以下错误：";
    ProviderBankProblem => "Your provider's question bank cannot be used", "无法使用云服务商提供的题库";
    BankNotSameOrigin => "A question bank can only come from this site:", "题库只能来自本站点：";
    BankFetchFailed => "The question bank could not be loaded:", "无法加载题库：";
    UseDefaultBank => "Use the standard question bank instead", "改用标准题库";
    DefaultBankMissing => "The question bank could not be downloaded", "无法下载题库";
    DefaultBankMissingHelp => "Your saved answers are safe. Check your connection, then try again. The file that is missing:", "您已保存的答案不受影响。请检查网络连接后重试。缺少的文件：";
    TryAgain => "Try again", "重试";
    OtherLanguageMissing => "The questions in this language could not be downloaded, so they stay in the language they were in. Your answers are safe. Check your connection, then choose the language again.", "无法下载该语言的题目，因此题目仍以原语言显示。您的答案不受影响。请检查网络连接后再次选择该语言。";
    GuidanceLoading => "Loading the guidance…", "正在加载操作指引…";
    GuidanceMissing => "The guidance could not be downloaded. Your answers are safe. Check your connection, then open it again.", "无法下载操作指引。您的答案不受影响。请检查网络连接后重新打开。";

    StepWelcome => "Welcome", "欢迎";
    StepScope => "Scope", "评估范围";
    StepReview => "Review", "复核";
    StepResults => "Results", "评估结果";
    StepData => "Your data", "您的数据";
    StepRequests => "Auditor's request list", "审计师资料需求清单";
    StepCompare => "Progress over time", "历次评估对比";
    Sections => "Sections", "章节";
    StepNavigation => "Steps", "步骤";
    Previous => "Back", "上一步";
    Next => "Next", "下一步";
    Progress => "Answered", "已回答";
    MinutesLeft => "Minutes left, about:", "预计剩余分钟数：";
    Readiness => "Readiness:", "就绪度：";
    NoScoreYet => "No score yet", "暂无评分";

    WelcomeHeading => "How ready are you to rely on your cloud provider's SOC reports?", "您是否已准备好依赖云服务商的 SOC 报告？";
    WelcomeWhat => "Your provider's SOC 1 and SOC 2 reports hold only if you operate the controls they assume of you: the complementary user entity controls (CUECs). This assessment walks you through them, and through the Trust Services Criteria if you face your own SOC 2, then scores your readiness and lists what to fix first.", "云服务商的 SOC 1 和 SOC 2 报告只有在您执行了报告所假定的控制（即互补用户实体控制，CUEC）时才成立。本评估将逐项引导您检查这些控制；如果您自身也要接受 SOC 2 审计，还会覆盖信任服务标准，最后给出就绪度评分和优先整改事项。";
    WelcomeTime => "It takes 30 to 60 minutes; you can stop at any time and continue later.", "大约需要 30 至 60 分钟；您可以随时中断，稍后继续。";
    WelcomePrivacy => "Everything stays in this browser: nothing you enter is sent anywhere.", "所有内容都保存在本浏览器中，您输入的任何信息都不会被发送出去。";
    KeyboardHelpTitle => "Keyboard", "键盘操作";
    KeyboardHelp => "In a question, press 0 to 4 to answer, D for don't know, N for not applicable (then type the reason); focus moves on to the next question. Tab moves between fields, arrow keys move within a choice.", "在问题中按 0 至 4 作答，按 D 表示不确定，按 N 表示不适用（随后填写理由）；作答后焦点会移到下一题。Tab 键在字段之间移动，方向键在选项之间移动。";
    Start => "Start the assessment", "开始评估";
    Resume => "Continue where you stopped", "从上次中断处继续";

    ScopeIntro => "These answers decide which questions you see. You can change them at any time: answers to questions that drop out are kept and come back if the scope does.", "这些答案决定您会看到哪些问题。您可以随时修改：移出范围的问题的答案会被保留，范围恢复后会重新显示。";

    SectionNotFound => "This section does not exist in the question bank.", "题库中没有这个章节。";
    SectionOutOfScope => "No question of this section applies to your scope.", "根据您的评估范围，本章节没有适用的问题。";
    QuestionNumber => "Question", "问题";
    KindCuec => "CUEC", "互补用户实体控制";
    KindUserResponsibility => "User entity responsibility", "用户实体责任";
    KindReadiness => "SOC 2 readiness", "SOC 2 就绪度";
    KindMonitoring => "Monitoring your provider", "对云服务商的监督";
    KindOwnControl => "Your own control", "您自身的控制";
    Critical => "Critical", "关键";
    High => "High", "高";
    Medium => "Medium", "中";
    Low => "Low", "低";
    Level0 => "0 — Not in place", "0 — 尚未建立";
    Level1 => "1 — Planned or ad hoc", "1 — 已计划或临时执行";
    Level2 => "2 — Partly in place", "2 — 部分落实";
    Level3 => "3 — In place and documented", "3 — 已落实并有文档";
    Level4 => "4 — Operating, with evidence kept", "4 — 持续运行，并留存证据";
    DontKnow => "Don't know", "不确定";
    NotApplicable => "Not applicable", "不适用";
    NaReason => "Why does it not apply? (required)", "为什么不适用？（必填）";
    NotesOwner => "Note, owner and frequency", "备注、负责人和执行频率";
    Note => "Note: where the evidence is, remarks", "备注：证据存放位置及其他说明";
    Owner => "Owner (who operates it)", "负责人（由谁执行）";
    Frequency => "Frequency (how often)", "执行频率";
    WhyItMatters => "Why it matters", "为什么重要";
    HowToDoIt => "How to do it", "如何落实";
    Evidence => "Evidence an auditor asks for", "审计师会索取的证据";
    Type2Adds => "What a Type II period adds", "Type II 期间的额外要求";
    Criteria => "Criteria", "相关标准";
    Answered => "Answered", "已回答";

    Unanswered => "Not answered yet", "尚未回答";
    AllAnswered => "Every question in your scope is answered.", "范围内的所有问题均已回答。";
    DontKnowItems => "Answered \"don't know\"", "回答为“不确定”";
    NaItems => "Marked not applicable, with the reason", "标记为不适用及理由";

    OverallScore => "Overall score", "总体得分";
    IncompleteWarning => "The assessment is incomplete, so the verdict cannot claim readiness. Answered:", "评估尚未完成，因此结论不能认定为就绪。已回答：";
    Type1Ready => "Ready for a Type I examination", "具备 Type I 审计就绪度";
    ObservationReady => "Ready to start the Type II observation period", "可以开始 Type II 观察期";
    ObservationCaveat => "A self-assessment cannot show that controls operated over a period: your auditor tests that during the observation period.", "自评估无法证明控制在一段期间内持续运行：这要由审计师在观察期内测试。";
    RelianceHeading => "Your side of the provider's controls", "您所承担的云服务商控制部分";
    RelianceQuestion => "Can you rely on your provider's report? It holds only if you operate the controls it assumes of you and monitor the provider.", "您能否依赖云服务商的报告？只有当您执行了报告所假定由您执行的控制，并对云服务商进行监督时，报告才成立。";
    RelianceNotSaid => "You have not said which report you rely on, so SOC 2 is shown.", "您尚未说明依赖哪份报告，因此显示 SOC 2。";
    RelianceNothingAnswered => "Nothing answered yet", "尚未作答";
    RelianceUndermined => "Gaps undermine reliance", "存在削弱依赖的差距";
    RelianceIncomplete => "No gap found so far, but questions are still open", "目前未发现差距，但仍有问题未回答";
    RelianceInPlace => "In place", "已落实";
    RelianceOperating => "Operating, with evidence kept", "持续运行，并留存证据";
    RelianceBelowInPlace => "Critical controls below level 3:", "低于 3 级的关键控制：";
    RelianceMismatch => "Responsibility mismatch: the provider's report counts on you for these, but you marked them not applicable:", "职责不匹配：云服务商的报告依赖您执行以下控制，但您将其标记为不适用：";
    RelianceScoreBelow => "The score is below the level where your side is in place:", "得分低于您所承担部分视为已落实的水平：";
    OwnHeading => "Your own SOC 2 readiness", "贵组织自身的 SOC 2 就绪度";
    OwnQuestion => "Are your own controls ready for your own SOC 2? Only your own controls count here.", "贵组织自身的控制是否已为自身的 SOC 2 做好准备？此处只计算贵组织自身的控制。";
    GateOwnCritical3 => "Critical controls of yours below level 3", "低于 3 级的关键自身控制";
    GateCriterionNotMet => "Criteria in scope with no answered control of yours at level 3 or above", "范围内的标准中，没有任何已回答的自身控制达到 3 级或以上";
    GateOwnCritical4 => "Critical controls of yours below level 4", "低于 4 级的关键自身控制";
    GateRequired4 => "Required before the observation period, below level 4", "观察期开始前必须达到 4 级、但尚未达到的项";
    ScoreBelowThreshold => "Score below the threshold of", "得分低于门槛";
    Exclusions => "Not applicable: exclusions to explain in your system description", "不适用项：需要在系统描述中说明的排除事项";
    ExclusionsHelp => "You marked these critical controls, or the only controls of a criterion in scope, as not applicable. Your auditor will expect the system description to explain each one.", "您将以下关键控制，或范围内某项标准唯一的控制标记为不适用。审计师会要求在系统描述中逐项说明。";
    ExclusionCriteria => "leaves without a control:", "导致以下标准没有控制：";
    ProviderReportsHeading => "The provider's reports you rely on", "您依赖的云服务商报告";
    ProviderReportsHelp => "Give the type and the period end of each report, and your own fiscal year end or audit period end: the results then say whether a report is too old, of the wrong kind, or needs a bridge letter.", "请填写每份报告的类型和期间截止日，以及贵组织的财年结束日或审计期间结束日：结果中会提示报告是否过旧、类型是否不符，或是否需要过渡期说明函。";
    ReportType => "Type of report", "报告类型";
    ReportTypeUnknown => "Not known yet", "尚不清楚";
    ReportType1 => "Type I (design at a date)", "Type I（某一时点的设计）";
    ReportType2 => "Type II (operation over a period)", "Type II（一段期间内的运行）";
    ReportSoc3 => "SOC 3 (public summary)", "SOC 3（公开摘要）";
    ReportPeriodEnd => "Period end of the report", "报告期间截止日";
    OwnPeriodEnd => "Your fiscal year end, or the end of your own audit period", "贵组织的财年结束日，或自身审计期间的结束日";
    CheckNotDescribed => "Report not described yet: give its type and period end under Scope.", "尚未填写报告信息：请在“评估范围”中填写报告类型和期间截止日。";
    CheckBadDate => "A date could not be read; use the date picker.", "无法识别某个日期，请使用日期选择器。";
    CheckStale => "The report's period ended more than 12 months ago. Ask the provider for its current report before relying on it. Days since the period end:", "该报告的期间已结束超过 12 个月。依赖之前，请向云服务商索取最新报告。距期间截止日的天数：";
    CheckType1Only => "Only a Type I report: it shows design at a date, not that controls operated. It does not support reliance on operating effectiveness; ask for a Type II.", "只有 Type I 报告：它只说明某一时点的设计，不能证明控制持续运行，不能支持对运行有效性的依赖；请索取 Type II 报告。";
    CheckSoc3Only => "Only a SOC 3: it lists no controls, tests or exceptions, so your auditor cannot rely on it. Ask for the SOC 2 under a non-disclosure agreement.", "只有 SOC 3：其中没有控制、测试及例外事项的描述，审计师无法依赖。请在签署保密协议后索取 SOC 2 报告。";
    CheckBridge => "Your period runs past the report's: ask the provider for a bridge letter covering", "贵组织的期间晚于报告期间结束：请向云服务商索取过渡期说明函，覆盖";
    CheckBridgeLong => "That is more than three months; a bridge letter alone is weak evidence, so ask when the next report is due.", "超过三个月；仅凭过渡期说明函证据力较弱，请询问下一份报告的出具时间。";
    Days => "days", "天";
    RelianceShort => "your side of the provider's controls", "您承担的控制部分";
    FilterAll => "All", "全部";
    FilterGaps => "Filter the gaps", "筛选差距";
    Domain => "Domain", "领域";
    Result => "Result", "结果";
    NoOwner => "No owner given", "未指定负责人";
    GapsShown => "Gaps shown:", "显示的差距数：";
    AllGaps => "All gaps, with what to do, and filters", "全部差距、整改措施及筛选";
    ResultDetails => "Each result in full: what holds it back, why this score, the gaps of its items", "每项结果的完整说明：影响因素、得分依据及相关差距";
    AtAGlance => "Your results at a glance", "评估结果一览";
    MoreReasons => "more", "项其他原因";
    ChartResults => "Score of each result, 0 to 100, with the in-place and evidence thresholds", "各项结果得分（0 至 100），并标出“已落实”和“留存证据”的门槛";
    RelianceChartLabel => "reliance", "依赖";
    RequestsIntro => "For every control in your scope: the evidence an auditor will ask for, who owns it, how often it runs, and how many occurrences an auditor typically samples in a Type II period. Fill in owner and frequency under each question's \"Note, owner and frequency\".", "针对范围内的每项控制：审计师会索取的证据、负责人、执行频率，以及在 Type II 期间审计师通常抽取的样本数量。请在每个问题的“备注、负责人和执行频率”中填写负责人和频率。";
    PrintRequests => "Print the request list", "打印资料需求清单";
    ExportRequestsCsv => "Request list (CSV for Excel)", "资料需求清单（Excel 用 CSV）";
    SampleSizesHeading => "Typical Type II sample sizes by how often a control runs", "按控制执行频率划分的 Type II 常见样本量";
    SampleSizesHelp => "Common practice for a period of 6 to 12 months, not a rule: your auditor decides the sample. One deviation usually means a larger sample, or an exception in the report with management's response.", "适用于 6 至 12 个月期间的常见做法，并非硬性规定：样本量由审计师决定。出现一次偏差通常意味着扩大样本，或在报告中列为例外事项并附管理层回应。";
    Type2Sample => "Type II sample", "Type II 样本量";
    ControlsInScope => "Controls in scope", "范围内的控制";
    FlaggedControls => "CUECs with no owner or no evidence described:", "未指定负责人或未描述证据的互补用户实体控制：";
    Flags => "To settle", "待处理";
    FlagNoOwner => "no owner", "无负责人";
    FlagNoEvidence => "no evidence described", "未描述证据";
    FlagFrequencyUnknown => "frequency not recognised", "无法识别的频率";
    SamplesMissing => "The sample-size table could not be read.", "无法读取样本量表。";
    CompareIntro => "Pick two assessments saved in this browser, or one and an exported file, to see what moved. Items are matched by their id, so assessments made with another version of the question bank compare too.", "选择本浏览器中保存的两份评估，或一份评估与一个导出文件，查看变化情况。条目按编号匹配，因此使用不同版本题库完成的评估也可以对比。";
    CompareBefore => "Before", "之前";
    CompareAfter => "After", "之后";
    CompareFile => "Or compare with an exported file (JSON)", "或与导出的文件（JSON）对比";
    CompareFromFile => "The file you chose", "您选择的文件";
    ComparePickTwo => "Choose two assessments to compare.", "请选择两份评估进行对比。";
    CompareScores => "Each result, category and domain, before and after", "各项结果、类别和领域的前后对比";
    CompareDifference => "Difference", "差值";
    PrintComparison => "Print the comparison", "打印对比";
    ExportComparisonCsv => "Comparison (CSV for Excel)", "对比（Excel 用 CSV）";
    MovedImproved => "Improved", "已改进";
    MovedRegressed => "Regressed", "已退步";
    MovedNew => "Newly answered", "新作答";
    MovedScope => "Changed scope (asked, or not applicable, in only one)", "范围变化（仅在其中一份中提问或标记为不适用）";
    MissingItems => "Answers to questions this question bank does not have (another bank version): not compared", "当前题库中没有对应问题的答案（其他题库版本）：未参与对比";
    TrendHeading => "Trend of your saved assessments", "已保存评估的变化趋势";
    Unnamed => "Unnamed assessment", "未命名评估";
    OwnChartLabel => "Own SOC 2", "自身 SOC 2";
    ThresholdInPlace => "In place", "已落实";
    ThresholdEvidence => "With evidence", "留存证据";
    Yes => "Yes", "是";
    No => "No", "否";
    FailedGates => "What holds the verdict back", "影响结论的因素";
    GateUnanswered => "Questions not answered yet", "尚未回答的问题";
    GateCriticalCuec => "Critical CUECs below level 3", "低于 3 级的关键互补用户实体控制";
    GateCriticalType2 => "Critical items below level 4 (needed for Type II)", "低于 4 级的关键项（Type II 要求）";
    NextSteps => "Your next five steps", "接下来的五项工作";
    LevelNow => "Level now and target:", "当前级别与目标：";
    ByCategory => "By Trust Services Criteria category", "按信任服务标准类别";
    ByReport => "By report", "按报告";
    Category => "Category", "类别";
    Score => "Score", "得分";
    Report => "Report", "报告";
    ReliedOn => "You rely on it", "您依赖该报告";

    BackupKept => "A new one was started. The unreadable data is kept: you can download it under Your data.", "已新建评估。无法读取的数据已保留，您可以在“您的数据”中下载。";
    BackupFailed => "There is no room to copy it aside, so it stays where it is and nothing will be written over it; your new work is saved as a new assessment. You can download it under Your data.", "存储空间不足，无法另存副本，因此它保留在原处，不会被覆盖；您的新工作将另存为新的评估。您可以在“您的数据”中下载它。";
    OpenedInstead => "The record of which assessment was open last could not be used, so the most recently changed one was opened. All your assessments are listed under Your data.", "无法使用上次打开的评估记录，因此已打开最近修改的评估。您的所有评估都列在“您的数据”中。";
    PointerLost => "The record of which assessment was open last could not be read, and no saved assessment was found, so a new one was started.", "无法读取上次打开的评估记录，也没有找到已保存的评估，因此已新建评估。";
    FullAtStart => "This browser's storage for the app is full. Your saved work is open, but new changes cannot be stored: export your answers under Your data, or delete an old assessment.", "本应用在此浏览器中的存储空间已满。已保存的工作已打开，但新的修改无法保存：请在“您的数据”中导出答案，或删除旧的评估。";
    Details => "Details", "详细信息";
    AnswersArchived => "Some answers belong to questions this question bank does not have. They are kept in an archive that travels with your exports.", "部分答案所对应的问题不在当前题库中。这些答案已保存在存档中，并会随导出文件一起保留。";
    AnswersRestored => "Archived answers came back: this question bank has their questions again.", "存档中的答案已恢复：当前题库重新包含了对应问题。";
    NoStorage => "This browser does not let the app store anything here (private mode, or storage blocked for embedded pages). Your answers work for this visit only: export them under Your data to keep them.", "此浏览器不允许本应用在此保存数据（可能是隐私模式，或嵌入页面的存储被阻止）。您的答案仅在本次访问中有效：请在“您的数据”中导出以便保留。";
    StorageFull => "This browser's storage for the app is full, so your last change is not saved. Export your answers under Your data, or delete an old assessment.", "本应用在此浏览器中的存储空间已满，最近的修改未被保存。请在“您的数据”中导出答案，或删除旧的评估。";
    SaveFailed => "Could not save in this browser: your last change is not stored. Export your answers to keep them.", "无法保存到本浏览器：最近的修改未被保存。请导出答案以免丢失。";
    UpdatedElsewhere => "This assessment was changed in another tab; this tab now shows those changes.", "此评估已在另一个标签页中修改，本页已显示这些修改。";
    ConflictText => "This assessment was changed in another tab while you were editing here. Nothing has been overwritten. Choose which version to keep; the other is saved as a copy.", "您在此编辑时，此评估已在另一个标签页中被修改。目前没有任何内容被覆盖。请选择保留哪个版本，另一个版本将另存为副本。";
    LoadTheirs => "Show the other tab's version", "显示另一个标签页的版本";
    KeepMine => "Keep this tab's version (save the other as a copy)", "保留本页版本（另一版本另存为副本）";
    DeletedElsewhere => "This assessment was deleted in another tab. It stays open here; any change you make saves it again.", "此评估已在另一个标签页中删除。它在本页仍然打开，您的任何修改都会重新保存它。";
    Dismiss => "Dismiss", "关闭";
    GoToData => "Go to Your data", "前往“您的数据”";
    UpdateReady => "A new version of the assessment is ready. Your answers are saved and stay as they are.", "评估工具的新版本已准备就绪。您的答案已保存，不会改变。";
    UpdateReload => "Use the new version (reloads the page)", "使用新版本（重新加载页面）";
    UpdateLater => "Later", "稍后";

    DataIntro => "Everything below stays in this browser. Export a file to move your work to another browser or to share it with a colleague.", "以下所有内容都只保存在本浏览器中。导出文件即可把工作转到其他浏览器，或分享给同事。";
    YourAssessments => "Assessments in this browser", "本浏览器中的评估";
    CurrentAssessment => "current", "当前";
    Untitled => "Untitled assessment", "未命名评估";
    AnswersCount => "answers", "个答案";
    NameLabel => "Name of the current assessment", "当前评估的名称";
    Open => "Open", "打开";
    Delete => "Delete", "删除";
    ConfirmDelete => "Delete it for good", "确认永久删除";
    Cancel => "Cancel", "取消";
    NewAssessment => "Start a new assessment", "新建评估";
    DuplicateAssessment => "Duplicate the current assessment", "复制当前评估";
    CopySuffix => "copy", "副本";
    ExportTitle => "Export", "导出";
    ExportJson => "Download the current assessment (JSON)", "下载当前评估（JSON）";
    ImportTitle => "Import", "导入";
    ImportFile => "Choose an exported assessment file (JSON)", "选择已导出的评估文件（JSON）";
    ImportPreviewTitle => "This file contains", "该文件包含";
    ImportAnswers => "Answers", "答案";
    ImportNotes => "Notes", "备注";
    ImportUnknown => "Answers to questions this bank does not have (kept in the archive)", "当前题库中不存在的问题的答案（保存在存档中）";
    ImportBankDiffers => "It was made with another question bank or version:", "该文件使用了其他题库或版本：";
    ImportChanges => "Answers that differ from the current assessment", "与当前评估不同的答案";
    ImportAsNew => "Import as a new assessment", "作为新评估导入";
    ImportReplace => "Replace the current assessment", "替换当前评估";
    ImportRefused => "This file was not imported and nothing was changed:", "该文件未导入，未做任何更改：";
    ImportDone => "The assessment was imported.", "评估已导入。";
    ShareTitle => "Share link", "分享链接";
    ShareExplain => "The link holds the whole assessment, compressed, after the # sign: browsers never send that part to any server. Anyone with the link sees your answers and notes.", "链接在 # 号之后以压缩形式包含完整评估：浏览器不会把这一部分发送给任何服务器。任何拿到链接的人都能看到您的答案和备注。";
    CreateShareLink => "Create a share link", "生成分享链接";
    ShareLinkLabel => "Share link (select and copy)", "分享链接（选中后复制）";
    BackupsTitle => "Unreadable saved data", "无法读取的已保存数据";
    DownloadBackup => "Download", "下载";
    EraseTitle => "Delete everything", "删除全部数据";
    EraseExplain => "Erase every assessment, backup and preference this app stored in this browser. This cannot be undone.", "清除本应用在此浏览器中保存的所有评估、备份和偏好设置。此操作无法撤销。";
    EraseStart => "Delete everything…", "删除全部数据…";
    EraseConfirm => "Yes, erase all data of this app", "是，清除本应用的全部数据";
    EraseDone => "All data of this app was erased from this browser.", "已从本浏览器清除本应用的全部数据。";

    SharedTitle => "A shared assessment", "分享的评估";
    SharedReadOnly => "You are looking at an assessment someone shared with you. It is read-only and not saved until you import it.", "您正在查看他人分享的评估。它是只读的，导入之前不会被保存。";
    SharedImport => "Import it into this browser", "导入到本浏览器";
    SharedLeave => "Leave and go to your own assessment", "离开并前往您自己的评估";
    OpenReport => "Open the printable report", "打开可打印报告";
    BlankQuestionnaire => "Blank questionnaire for paper", "空白纸质问卷";
    BlankExplain => "Every question of every branch, to fill in by hand in a workshop. Tick one box per question.", "包含所有分支的全部问题，供研讨会上手工填写。每题勾选一项。";
    WhyThisScore => "Why this score", "得分依据";
    PointsFormula => "Points earned / possible:", "得分 / 满分：";
    Item => "Item", "条目";
    Weight => "Weight", "权重";
    Level => "Level", "级别";
    Points => "Points", "分数";
    Excluded => "not counted", "不计分";
    YourNote => "Note", "备注";
    ScoreAloneReaches => "Your score alone would reach:", "仅按得分可达到：";
    ReadinessHeading => "Audit readiness", "审计就绪度";
    Blockers => "Blockers: critical gaps", "阻碍项：关键差距";
    NoBlockers => "No critical item is below its target.", "没有低于目标级别的关键项。";
    ReliedOnMark => "(you rely on it)", "（您依赖该报告）";
    ByDomain => "By CUEC domain", "按控制领域";
    OtherGaps => "Other gaps, most important first", "其他差距（按重要性排序）";
    Exports => "Exports", "导出";
    ExportAnswersCsv => "Answers (CSV for Excel)", "答案（Excel 用 CSV）";
    ExportGapsCsv => "Gap plan (CSV for Excel)", "差距整改计划（Excel 用 CSV）";
    ExportJsonShort => "Assessment (JSON)", "评估（JSON）";
    Organisation => "Organisation", "组织名称";
    Assessor => "Assessor", "评估人";
    PrintReport => "Print / Save as PDF", "打印 / 另存为 PDF";
    ReportTitle => "SOC readiness report", "SOC 就绪度报告";
    ReportDate => "Date", "日期";
    QuestionBank => "Question bank", "题库";
    AssessmentName => "Assessment", "评估";
    ExecutiveSummary => "Executive summary", "执行摘要";
    Verdict => "Verdict", "结论";
    GapPlan => "Gap plan", "差距整改计划";
    AuditGuide => "Audit-preparation guide", "审计准备指南";
    AppendixGuide => "Appendix: audit-preparation guide", "附录：审计准备指南";
    Glossary => "Glossary", "术语表";
    TermsUsed => "Terms used here:", "相关术语：";
    CicpaTerm => "CICPA term: ", "中注协术语：";
    NoGaps => "No answered item is below its target.", "没有低于目标级别的已答条目。";
    Criticality => "Criticality", "重要性";
    LevelTarget => "Level → target", "当前级别 → 目标";
    WhatToDo => "What to do", "整改措施";
    ResponsibilityMatrix => "CUEC responsibility matrix and sign-off", "互补用户实体控制职责矩阵与签字确认";
    MatrixExplain => "The controls your provider's reports assume you operate, with who runs them, how often, and the evidence an auditor will ask for. The owner signs each line.", "云服务商报告假定由您执行的控制，包括执行人、执行频率及审计师会索取的证据。每一行由负责人签字确认。";
    SignOff => "Signature and date", "签字与日期";
    AppendixAnswers => "Appendix: every answer", "附录：全部答案";
    Answer => "Answer", "答案";
    DisclaimerTitle => "About this report", "关于本报告";
    Disclaimer => "This is a self-assessment made with a tool, not an audit opinion: no auditor has tested these answers, and the result does not predict an auditor's opinion. Your auditor decides the scope and the sample sizes. The Trust Services Criteria are those of the AICPA (2017 Trust Services Criteria, revised points of focus 2022); the criteria are cited by their identifiers and described in our own words. The complementary user entity controls are compiled from providers' public shared-responsibility documents and practitioner sources, since providers' SOC reports are under non-disclosure agreements; your provider's own report is the authority on the controls it expects of you. Privacy deadlines quoted are not legal advice.", "本报告为借助工具完成的自评估，并非审计意见：这些答案未经任何审计师测试，结果也不能预测审计师的意见。审计范围和抽样数量由审计师决定。信任服务标准为 AICPA 发布的标准（2017 年信任服务标准，2022 年修订关注点）；本报告仅引用标准编号，并以我们自己的文字进行描述。由于云服务商的 SOC 报告受保密协议约束，互补用户实体控制整理自云服务商公开的责任共担文档及从业者资料；您所用云服务商的报告才是其对您所期望控制的权威来源。文中引用的隐私相关期限不构成法律意见。";
    ChartTable => "The chart's data as a table", "图表数据（表格形式）";
    ChartCategories => "Readiness score by Trust Services Criteria category, 0 to 100", "按信任服务标准类别的就绪度得分（0 至 100）";
    ChartDomains => "Readiness score by domain, 0 to 100", "按领域的就绪度得分（0 至 100）";
    SeeReview => "listed under Review", "见“复核”页";
    SeeAppendix => "listed in the appendix", "见附录";
    FurtherGaps => "Further gaps (remediation steps for each are in the gap-plan CSV and in the app)", "其他差距（每项的整改步骤见差距整改计划 CSV 及应用内）";
    BrandingRejected => "Some branding options of this page were refused and the defaults are used:", "本页的部分品牌设置无效，已改用默认值：";
    SharesResults => "This page will receive the level and score of each result when you finish; your answers stay in your browser.", "完成后，本页面将收到每项结果的级别和得分；您的答案仍只保存在您的浏览器中。";
    UseBankFile => "Use a provider's question bank from a file (JSON) for this visit", "本次访问改用云服务商提供的题库文件（JSON）";
    GapsForResult => "Gaps among the items of this result", "本结果相关条目中的差距";
    NotScored => "not scored", "未评分";
    SharedInvalid => "This share link cannot be opened:", "无法打开此分享链接：";
    BankQuestionsFrom => "The questions come from a provider's question bank and are its author's words; this app describes only the criteria titles in its own words.", "本评估的问题来自服务商提供的题库，文字由该题库作者撰写；本应用仅以自己的文字描述标准标题。";
    BankAttribution => "Source and licence", "来源与许可";
    BankDisclaimer => "From the question bank's author", "题库作者声明";
    BankPartlyUntranslated => "Parts of this question bank were not translated by the provider and are shown in English.", "此题库部分内容未由提供方翻译，以英文显示。";
    NotTranslated => "Not translated by the provider", "提供方未翻译";
    SourceRef => "Source ref.", "来源编号";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_file_reads_back_as_written() {
        for lang in Lang::ALL {
            let texts = read_file(&file_json(lang)).unwrap();
            assert_eq!(texts.len(), ALL.len());
            for (msg, text) in ALL.iter().zip(&texts) {
                assert_eq!(text, written(lang, *msg), "{msg:?}");
                assert!(!text.trim().is_empty(), "{msg:?} is empty in {lang:?}");
            }
        }
    }

    #[test]
    fn a_file_for_other_keys_is_refused() {
        let mut file: serde_json::Value = serde_json::from_str(&file_json(Lang::En)).unwrap();
        file["keys"] = "12345".into();
        assert!(read_file(&file.to_string()).is_err());
        let mut short: serde_json::Value = serde_json::from_str(&file_json(Lang::En)).unwrap();
        short["text"].as_array_mut().unwrap().pop();
        assert!(read_file(&short.to_string()).is_err());
        assert!(read_file("<html>404</html>").is_err());
    }
}
