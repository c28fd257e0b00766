//! Every user-visible UI string, in both languages. Keys are enum variants, so a missing
//! key or a missing translation is a compile error (exhaustive `match`).

use crate::core::text::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    AppTitle,
    Language,
    WelcomeHeading,
    WelcomeWhat,
    WelcomeTime,
    WelcomePrivacy,
    Start,
    FirstQuestionHeading,
    WhyItMatters,
    HowToDoIt,
    Evidence,
    Criteria,
    Answered,
    NotAnswered,
    Saved,
    SaveFailed,
    StorageUnreadable,
    BankInvalid,
    Level0,
    Level1,
    Level2,
    Level3,
    Level4,
}

pub fn t(lang: Lang, msg: Msg) -> &'static str {
    use Msg::*;
    match lang {
        Lang::En => match msg {
            AppTitle => "SOC readiness self-assessment",
            Language => "Language",
            WelcomeHeading => "How ready are you to rely on your cloud provider's SOC reports?",
            WelcomeWhat => "Your provider's SOC 1 and SOC 2 reports hold only if you operate the controls they assume of you: the complementary user entity controls (CUECs). This assessment walks you through them, and through the Trust Services Criteria if you face your own SOC 2, then scores your readiness and lists what to fix first.",
            WelcomeTime => "It takes 30 to 60 minutes; you can stop at any time and continue later.",
            WelcomePrivacy => "Everything stays in this browser: nothing you enter is sent anywhere.",
            Start => "Start the assessment",
            FirstQuestionHeading => "First question",
            WhyItMatters => "Why it matters",
            HowToDoIt => "How to do it",
            Evidence => "Evidence an auditor asks for",
            Criteria => "Criteria",
            Answered => "Answered",
            NotAnswered => "Not answered yet",
            Saved => "Saved in this browser",
            SaveFailed => "Could not save in this browser: your last change is not stored. Export your answers to keep them.",
            StorageUnreadable => "A saved assessment could not be read, so a new one was started. The unreadable copy was kept in this browser's storage.",
            BankInvalid => "The question bank has errors:",
            Level0 => "0 — Not in place",
            Level1 => "1 — Planned or ad hoc",
            Level2 => "2 — Partly in place",
            Level3 => "3 — In place and documented (Type I ready)",
            Level4 => "4 — Operating with retained evidence (Type II ready)",
        },
        Lang::Zh => match msg {
            AppTitle => "SOC 就绪度自评估",
            Language => "语言",
            WelcomeHeading => "您是否已准备好依赖云服务商的 SOC 报告？",
            WelcomeWhat => "云服务商的 SOC 1 和 SOC 2 报告只有在您执行了报告所假定的控制（即互补用户实体控制，CUEC）时才成立。本评估将逐项引导您检查这些控制；如果您自身也要接受 SOC 2 审计，还会覆盖信任服务标准，最后给出就绪度评分和优先整改事项。",
            WelcomeTime => "大约需要 30 至 60 分钟；您可以随时中断，稍后继续。",
            WelcomePrivacy => "所有内容都保存在本浏览器中，您输入的任何信息都不会被发送出去。",
            Start => "开始评估",
            FirstQuestionHeading => "第一个问题",
            WhyItMatters => "为什么重要",
            HowToDoIt => "如何落实",
            Evidence => "审计师会索取的证据",
            Criteria => "相关标准",
            Answered => "已回答",
            NotAnswered => "尚未回答",
            Saved => "已保存在本浏览器",
            SaveFailed => "无法保存到本浏览器：最近的修改未被保存。请导出答案以免丢失。",
            StorageUnreadable => "无法读取已保存的评估，因此已新建评估。无法读取的副本仍保留在本浏览器的存储中。",
            BankInvalid => "题库存在以下错误：",
            Level0 => "0 — 尚未建立",
            Level1 => "1 — 已计划或临时执行",
            Level2 => "2 — 部分落实",
            Level3 => "3 — 已落实并有文档（Type I 就绪）",
            Level4 => "4 — 持续运行并保留证据（Type II 就绪）",
        },
    }
}

/// The label of a maturity level.
pub fn level_label(lang: Lang, level: u8) -> &'static str {
    let msg = match level {
        0 => Msg::Level0,
        1 => Msg::Level1,
        2 => Msg::Level2,
        3 => Msg::Level3,
        _ => Msg::Level4,
    };
    t(lang, msg)
}
