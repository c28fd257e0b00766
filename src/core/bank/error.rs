//! Validation errors a bank author can act on: each names the file, the item (or other
//! entry) id and the field, and explains the problem in the user's language.

use std::fmt;

use crate::core::detail::{quote, shorten, DETAIL_CHARS};
use crate::core::text::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file could not be read (syntax, wrong type, unknown field): the parser's message.
    Parse(String),
    /// A TOML bank where only JSON can be read (the web build has no TOML parser): the
    /// message gives the command that converts it.
    TomlNotSupported,
    Missing,
    EmptyText(Lang),
    /// An id, key or enum value that is not allowed: (value, what is expected).
    Invalid(String, String),
    OutOfRange(String, String),
    /// A text longer than the format allows: (its length, the most allowed), in characters.
    TooLong(usize, usize),
    Duplicate(String),
    UnknownCriterion(String),
    UnknownDomain(String),
    UnknownQuestion(String),
    UnknownOption(String, String),
    /// A scope question's condition refers to itself or a later question.
    ForwardReference(String),
    BadCondition(String),
    NeverTrue(String),
    StepCountMismatch(usize, usize),
    /// Criterion id and the category that leaves it uncovered.
    Uncovered(String, String),
    NoHeader,
    SecondHeader,
    UnsupportedSchema(i64),
    UnknownBase(String),
    /// A required scope question or option the core relies on.
    RequiredScope(String),
    /// A readiness band the scoring gates rely on (`type1_ready`, `type2_ready`).
    MissingBand(String),
    /// A field the format does not know (extension fields are written `x-…`).
    UnknownField,
    /// Warning: a text in a language the app does not speak (kept out of the bank).
    LanguageIgnored(String),
    /// Warning (an error for the default bank and with `bank-check --strict`): these
    /// fields of the entry have no Chinese, or a placeholder instead of it.
    Untranslated(Vec<String>),
    /// Warning: this many items give no criticality and count as `medium`.
    CriticalityDefaulted(usize),
    /// Warning: no item is critical, so the gate on critical CUECs can never fire.
    NoCriticalItem,
}

/// What kind of entry an error belongs to, so that a message calls a criterion a
/// criterion and a domain a domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EntryKind {
    #[default]
    Item,
    Domain,
    Scope,
    Band,
    Criterion,
}

impl EntryKind {
    fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (EntryKind::Item, Lang::En) => "item",
            (EntryKind::Item, Lang::Zh) => "条目",
            (EntryKind::Domain, Lang::En) => "domain",
            (EntryKind::Domain, Lang::Zh) => "领域",
            (EntryKind::Scope, Lang::En) => "scope question",
            (EntryKind::Scope, Lang::Zh) => "范围问题",
            (EntryKind::Band, Lang::En) => "band",
            (EntryKind::Band, Lang::Zh) => "评级区间",
            (EntryKind::Criterion, Lang::En) => "criterion",
            (EntryKind::Criterion, Lang::Zh) => "标准",
        }
    }
}

impl Problem {
    /// The same problem with its foreign texts shortened.
    fn shortened(self) -> Problem {
        use Problem::*;
        match self {
            Parse(m) => Parse(shorten(&m, DETAIL_CHARS)),
            Invalid(v, e) => Invalid(quote(&v), e),
            OutOfRange(v, r) => OutOfRange(quote(&v), r),
            Duplicate(v) => Duplicate(quote(&v)),
            UnknownCriterion(v) => UnknownCriterion(quote(&v)),
            UnknownDomain(v) => UnknownDomain(quote(&v)),
            UnknownQuestion(v) => UnknownQuestion(quote(&v)),
            UnknownOption(q, o) => UnknownOption(quote(&q), quote(&o)),
            ForwardReference(v) => ForwardReference(quote(&v)),
            BadCondition(v) => BadCondition(shorten(&v, DETAIL_CHARS)),
            NeverTrue(v) => NeverTrue(quote(&v)),
            Uncovered(c, cat) => Uncovered(quote(&c), quote(&cat)),
            UnknownBase(v) => UnknownBase(quote(&v)),
            RequiredScope(v) => RequiredScope(quote(&v)),
            MissingBand(v) => MissingBand(quote(&v)),
            LanguageIgnored(v) => LanguageIgnored(quote(&v)),
            Untranslated(fields) => Untranslated(fields.iter().map(|f| quote(f)).collect()),
            other => other,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankError {
    pub file: String,
    /// Item, domain, scope question, band or criterion id, when the error belongs to one.
    pub entry: Option<String>,
    /// What `entry` is.
    pub kind: EntryKind,
    /// Field path, e.g. `why.zh` or `criteria`.
    pub field: Option<String>,
    pub problem: Problem,
}

impl BankError {
    /// Every text that may come from the bank (the file name, ids, values, a parser's
    /// message) is shortened here (`core::detail`): a bank of megabytes never makes a
    /// message of megabytes.
    pub fn new(file: &str, entry: Option<&str>, field: Option<&str>, problem: Problem) -> Self {
        BankError {
            file: shorten(file, DETAIL_CHARS),
            entry: entry.map(quote),
            kind: EntryKind::Item,
            field: field.map(quote),
            problem: problem.shortened(),
        }
    }

    /// The same error about another kind of entry than an item.
    pub fn of(mut self, kind: EntryKind) -> Self {
        self.kind = kind;
        self
    }

    /// The problem in words, without the location.
    pub fn problem_text(&self, lang: Lang) -> String {
        use Problem::*;
        let zh = lang == Lang::Zh;
        match &self.problem {
            Parse(m) if zh => format!("无法解析：{m}"),
            Parse(m) => format!("cannot be read: {m}"),
            TomlNotSupported => {
                let cmd = convert_command(&self.file);
                if zh {
                    format!("这是 TOML 格式的题库，浏览器中只能读取 JSON 格式。请用 `{cmd}` 将其转换为 JSON，再加载生成的 .json 文件")
                } else {
                    format!("this bank is TOML, but the browser reads banks in JSON only. Convert it with `{cmd}` and load the .json file instead")
                }
            }
            Missing if zh => "缺少必填字段".into(),
            Missing => "is missing".into(),
            EmptyText(l) if zh => format!("{} 文本为空", l.code()),
            EmptyText(l) => format!("the {} text is empty", l.code()),
            Invalid(v, exp) if zh => format!("值 `{v}` 无效，应为 {exp}"),
            Invalid(v, exp) => format!("`{v}` is not valid; expected {exp}"),
            OutOfRange(v, r) if zh => format!("值 {v} 超出范围 {r}"),
            OutOfRange(v, r) => format!("{v} is out of range {r}"),
            TooLong(n, max) if zh => format!("长度为 {n} 个字符，最多 {max} 个"),
            TooLong(n, max) => format!("is {n} characters long; at most {max} are allowed"),
            Duplicate(id) if zh => format!("id `{id}` 重复"),
            Duplicate(id) => format!("id `{id}` is used twice"),
            UnknownCriterion(c) if zh => format!("`{c}` 不是 61 条信任服务标准之一"),
            UnknownCriterion(c) => format!("`{c}` is not one of the 61 Trust Services Criteria"),
            UnknownDomain(d) if zh => format!("领域 `{d}` 不存在"),
            UnknownDomain(d) => format!("domain `{d}` does not exist"),
            UnknownQuestion(q) if zh => format!("条件引用了不存在的范围问题 `{q}`"),
            UnknownQuestion(q) => {
                format!("the condition refers to scope question `{q}`, which does not exist")
            }
            UnknownOption(q, o) if zh => format!("范围问题 `{q}` 没有选项 `{o}`"),
            UnknownOption(q, o) => format!("scope question `{q}` has no option `{o}`"),
            ForwardReference(q) if zh => format!("条件只能引用之前的范围问题，`{q}` 不在其前"),
            ForwardReference(q) => format!(
                "a scope condition may only refer to earlier questions; `{q}` is not earlier"
            ),
            BadCondition(m) if zh => format!("条件语法错误：{m}"),
            BadCondition(m) => format!("the condition is malformed: {m}"),
            NeverTrue(c) if zh => format!("条件 `{c}` 永远不可能成立"),
            NeverTrue(c) => format!("the condition `{c}` can never be true"),
            StepCountMismatch(en, zh_n) if zh => format!("步骤数不一致：en {en} 条，zh {zh_n} 条"),
            StepCountMismatch(en, zh_n) => format!("en has {en} steps but zh has {zh_n}"),
            Uncovered(c, cat) if zh => format!(
                "类别 {cat} 在范围内时，没有任何问题覆盖标准 {c}（题库若不覆盖该类别，请在 [bank.covers] 中声明其覆盖范围）"
            ),
            Uncovered(c, cat) => format!(
                "no question covers criterion {c} when category {cat} is in scope (a bank that does not cover this category declares what it covers in [bank.covers])"
            ),
            NoHeader if zh => "缺少 [bank] 表".into(),
            NoHeader => "no [bank] table in any file".into(),
            SecondHeader if zh => "只能有一个 [bank] 表".into(),
            SecondHeader => "a second [bank] table; a bank has exactly one".into(),
            UnsupportedSchema(v) if zh => format!("不支持的 schema_version {v}（支持 1）"),
            UnsupportedSchema(v) => {
                format!("schema_version {v} is not supported (this app reads 1)")
            }
            UnknownBase(b) if zh => format!("所扩展的题库 `{b}` 不可用"),
            UnknownBase(b) => format!("the bank it extends, `{b}`, is not available"),
            RequiredScope(what) if zh => format!("缺少核心依赖的范围问题或选项 {what}"),
            RequiredScope(what) => {
                format!("the scope question or option {what} that the app relies on is missing")
            }
            MissingBand(b) if zh => format!("缺少就绪度评级区间 `{b}`，评分门槛依赖它"),
            MissingBand(b) => {
                format!("the readiness band `{b}` is missing; the scoring gates rely on it")
            }
            UnknownField if zh => "题库格式中没有此字段（扩展字段请以 x- 开头）".into(),
            UnknownField => {
                "is not a field of the bank format (write extension fields as x-…)".into()
            }
            LanguageIgnored(l) if zh => format!("应用只支持 en 和 zh，语言 `{l}` 的文本已忽略"),
            LanguageIgnored(l) => {
                format!("the app speaks en and zh only; the `{l}` text is ignored")
            }
            Untranslated(fields) if zh => format!(
                "{} 未翻译成中文（应用将显示英文并注明“提供方未翻译”）",
                fields.join(", ")
            ),
            Untranslated(fields) => format!(
                "{} not translated into Chinese (the app shows the English, marked \"not translated by the provider\")",
                fields.join(", ")
            ),
            CriticalityDefaulted(n) if zh => {
                format!("{n} 个条目未设置 criticality，按 medium 计")
            }
            CriticalityDefaulted(n) => {
                format!("{n} item(s) give no criticality and count as medium")
            }
            NoCriticalItem if zh => {
                "没有任何 critical 条目，因此关键 CUEC 门槛永远不会触发".into()
            }
            NoCriticalItem => {
                "no item is critical, so the gate on critical CUECs can never fire".into()
            }
        }
    }

    /// The full message: `file: item X: field Y: problem`.
    pub fn message(&self, lang: Lang) -> String {
        let mut s = self.file.clone();
        let zh = lang == Lang::Zh;
        if let Some(e) = &self.entry {
            s.push_str(if zh { "：" } else { ": " });
            s.push_str(self.kind.word(lang));
            s.push(' ');
            s.push_str(e);
        }
        if let Some(f) = &self.field {
            s.push_str(if zh { "：字段 " } else { ": field " });
            s.push_str(f);
        }
        s.push_str(if zh { "：" } else { ": " });
        s.push_str(&self.problem_text(lang));
        s
    }
}

/// The command that converts a TOML bank file to its JSON form (for the file's base name).
fn convert_command(file: &str) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let base = base.split(['?', '#']).next().unwrap_or(base);
    let (toml_name, stem) = match base.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => (base, stem),
        _ => ("FILE.toml", "FILE"),
    };
    format!("cargo run --bin bank-check -- --json {toml_name} > {stem}.json")
}

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for BankError {}
