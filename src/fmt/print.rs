//! The printer: each node of the syntax tree as lines, in the one layout `perfrules fmt`
//! writes. Blocks open with `{` at the end of their line and close with `}` on a line of
//! their own, two spaces deeper inside; one setting, statement or entry to a line; lists of
//! units and of words fill lines up to 100 columns; an indicator's body with a single
//! setting and no comment stays on the indicator's line when it fits.

use super::expr::{self, literal, string};
use super::layout::{any_within, Comment, Line, INDENT, WIDTH};
use crate::source::{Span, Spanned};
use crate::syntax::ast::*;
use crate::syntax::grammar::{Grammar, Rule};
use crate::value::Value;
use pest::Parser;
use unicode_width::UnicodeWidthStr;

pub struct Printer<'a> {
    pub text: &'a str,
    pub comments: &'a [Comment],
    pub lines: Vec<Line>,
}

fn start(span: Span) -> usize {
    span.start as usize
}

/// The offset of a block's closing `}`.
fn closing(span: Span) -> usize {
    (span.end as usize).saturating_sub(1)
}

impl Printer<'_> {
    fn line(&mut self, indent: usize, text: String, at: usize) {
        self.lines.push(Line {
            indent,
            text,
            start: at,
            closing: false,
        });
    }

    fn close(&mut self, indent: usize, span: Span) {
        self.lines.push(Line {
            indent,
            text: "}".into(),
            start: closing(span),
            closing: true,
        });
    }

    fn has_comment(&self, span: Span) -> bool {
        any_within(self.comments, span.start as usize, span.end as usize)
    }

    pub fn file(&mut self, file: &RuleFile) {
        if let Some(extends) = &file.extends {
            self.line(
                0,
                format!("extends {}", string(&extends.node)),
                start(extends.span),
            );
        }
        for item in &file.items {
            self.item(item);
        }
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Policy(p) => self.policy(p),
            Item::Units(u) => self.units(u),
            Item::Vocabulary(v) => self.vocabulary("", v, 0),
            Item::Actuals(a) => self.actuals(a),
            Item::Defaults(d) => self.defaults("", d, 0),
            Item::Section(s) => self.structure("section", s, 0),
            Item::Check(c) => self.check("", c),
            Item::Execution(e) => self.indicator_as("execution", e, 0),
            Item::Override(o) => match &o.what {
                Overridden::Indicator(i) => self.indicator("override ", i, 0),
                Overridden::Check(c) => self.check("override ", c),
                Overridden::Vocabulary(v) => self.vocabulary("override ", v, 0),
                Overridden::Defaults(d) => self.defaults("override ", d, 0),
            },
            Item::Remove(r) => {
                let what = match &r.what {
                    Removed::Indicator(n) => format!("indicator {}", string(&n.node)),
                    Removed::Group(n) => format!("group {}", string(&n.node)),
                    Removed::Section(n) => format!("section {}", string(&n.node)),
                    Removed::Check(id) => format!("check {}", id.node),
                    Removed::Vocabulary(None) => "vocabulary".into(),
                    Removed::Vocabulary(Some(n)) => format!("vocabulary {}", n.node),
                    Removed::Default(f) => format!("default {}", f.node.keyword()),
                };
                self.line(0, format!("remove {what}"), start(r.span));
            }
        }
    }

    fn policy(&mut self, p: &PolicyHeader) {
        self.line(
            0,
            format!("policy {} {{", string(&p.name.node)),
            start(p.span),
        );
        for setting in &p.settings {
            let text = match &setting.node {
                Setting::Years { from, to: None } => format!("year {}", from.node),
                Setting::Years { from, to: Some(to) } => {
                    format!("years {}..{}", from.node, to.node)
                }
                Setting::Kind(k) => format!("kind {}", string(&k.node)),
                Setting::FullMarks(m) => format!("full_marks {}", m.node.to_string_keep_scale()),
                Setting::Rescale => "rescale".into(),
                Setting::BudgetUnit(u) => format!("budget_unit {}", u.node),
                Setting::Round { at, places, mode } => {
                    let at = match at.node {
                        RoundAt::Indicator => "indicator",
                        RoundAt::Total => "total",
                    };
                    format!("round {at} {} {}", places.node, mode.node.keyword())
                }
                Setting::Grades(grades) => {
                    self.grades(grades, setting.span);
                    continue;
                }
            };
            self.line(1, text, start(setting.span));
        }
        self.close(0, p.span);
    }

    fn grades(&mut self, grades: &[Grade], span: Span) {
        let one = |g: &Grade| match &g.min {
            Some(min) => format!(
                "{} >= {}",
                name(&g.name.node),
                min.node.to_string_keep_scale()
            ),
            None => name(&g.name.node),
        };
        let inline = format!(
            "grades {{ {} }}",
            grades.iter().map(one).collect::<Vec<_>>().join(", ")
        );
        if !self.has_comment(span) && INDENT.len() + inline.width() <= WIDTH {
            self.line(1, inline, start(span));
            return;
        }
        self.line(1, "grades {".into(), start(span));
        for g in grades {
            self.line(2, format!("{},", one(g)), start(g.span));
        }
        self.close(1, span);
    }

    fn units(&mut self, u: &Units) {
        self.line(0, "units {".into(), start(u.span));
        let mut declared: Vec<(&str, usize)> = Vec::new();
        for statement in &u.statements {
            match statement {
                UnitStatement::Declare(n) => declared.push((&n.node, start(n.span))),
                UnitStatement::Convert {
                    unit,
                    factor,
                    base,
                    span,
                } => {
                    self.fill(1, "", &std::mem::take(&mut declared), " ");
                    let text = format!(
                        "{} = {} {}",
                        unit.node,
                        factor.node.to_string_keep_scale(),
                        base.node
                    );
                    self.line(1, text, start(*span));
                }
                UnitStatement::Compatible {
                    a,
                    b,
                    severity,
                    span,
                } => {
                    self.fill(1, "", &std::mem::take(&mut declared), " ");
                    let text = format!("{} ~ {} {}", a.node, b.node, severity_word(severity.node));
                    self.line(1, text, start(*span));
                }
            }
        }
        self.fill(1, "", &declared, " ");
        self.close(0, u.span);
    }

    /// Items filled into lines of at most [`WIDTH`] columns; continuation lines start under
    /// the first item. `sep` ends every item but the last on a line (`,` or nothing).
    fn fill(&mut self, indent: usize, head: &str, items: &[(&str, usize)], sep: &str) {
        let Some(&(_, first_at)) = items.first() else {
            return;
        };
        let lead = INDENT.len() * indent + head.width();
        let pad = " ".repeat(head.width());
        let mut line = head.to_string();
        let mut at = first_at;
        let mut first_on_line = true;
        let last = items.len() - 1;
        for (i, (item, offset)) in items.iter().enumerate() {
            let piece = if i == last {
                (*item).to_string()
            } else {
                format!("{item}{}", sep.trim_end())
            };
            let needed = if first_on_line { 0 } else { 1 } + piece.width();
            if !first_on_line && lead + line.width() - head.width() + needed > WIDTH {
                self.line(indent, line, at);
                line = pad.clone();
                at = *offset;
                first_on_line = true;
            }
            if !first_on_line {
                line.push(' ');
            }
            line.push_str(&piece);
            first_on_line = false;
        }
        self.line(indent, line, at);
    }

    fn vocabulary(&mut self, prefix: &str, v: &Vocabulary, indent: usize) {
        let name = v
            .name
            .as_ref()
            .map_or(String::new(), |n| format!(" {}", n.node));
        self.line(
            indent,
            format!("{prefix}vocabulary{name} {{"),
            start(v.span),
        );
        for class in &v.classes {
            let share = match &class.share {
                Share::Fixed(s) => format!("{}%", s.node.to_string_keep_scale()),
                Share::Band {
                    low, high, default, ..
                } => format!(
                    "{}{}%, {}%{} default {}%",
                    if low.inclusive { "[" } else { "(" },
                    low.value.node.to_string_keep_scale(),
                    high.value.node.to_string_keep_scale(),
                    if high.inclusive { "]" } else { ")" },
                    default.node.to_string_keep_scale()
                ),
            };
            let head = format!("{} {share}: ", class.class.node.keyword());
            let patterns: Vec<String> = class
                .patterns
                .iter()
                .map(|p| match &p.node {
                    WordPattern::SameAsTarget => "same_as_target".to_string(),
                    WordPattern::Prefix(w) => format!("prefix {}", string(w)),
                    WordPattern::Exact(w) => string(w),
                })
                .collect();
            let items: Vec<(&str, usize)> = patterns
                .iter()
                .zip(&class.patterns)
                .map(|(t, p)| (t.as_str(), start(p.span)))
                .collect();
            if items.is_empty() {
                self.line(indent + 1, head.trim_end().to_string(), start(class.span));
            } else {
                let mut items = items;
                items[0].1 = start(class.span);
                self.fill(indent + 1, &head, &items, ",");
            }
        }
        self.close(indent, v.span);
    }

    fn actuals(&mut self, a: &Actuals) {
        self.line(0, "actuals {".into(), start(a.span));
        for setting in &a.settings {
            match setting {
                ActualsSetting::NotDone { words, empty, span } => {
                    let mut parts: Vec<String> = words.iter().map(|w| string(&w.node)).collect();
                    if empty.is_some() {
                        parts.push("empty".into());
                    }
                    self.line(1, format!("not_done {}", parts.join(" ")), start(*span));
                }
                ActualsSetting::ClaimedBound(mode) => {
                    let mode_word = match mode.node {
                        ClaimedMode::AsBound => "as_bound",
                        ClaimedMode::Zero => "zero",
                    };
                    self.line(1, format!("claimed_bound {mode_word}"), start(mode.span));
                }
            }
        }
        self.close(0, a.span);
    }

    fn defaults(&mut self, prefix: &str, d: &Defaults, indent: usize) {
        self.line(indent, format!("{prefix}default {{"), start(d.span));
        for entry in &d.methods {
            let head = format!("{}: ", entry.form.node.keyword());
            self.method(&head, &entry.method, indent + 1, start(entry.form.span));
        }
        self.close(indent, d.span);
    }

    /// A method after `head` (`score `, `at_least: `): one line, or a bands table.
    fn method(&mut self, head: &str, m: &Spanned<Method>, indent: usize, at: usize) {
        match &m.node {
            Method::Bands(bands) => {
                self.line(indent, format!("{head}bands {{"), at);
                for band in bands {
                    self.line(indent + 1, band_text(band), start(band.span));
                }
                self.close(indent, m.span);
            }
            other => self.line(indent, format!("{head}{}", method_text(other)), at),
        }
    }

    fn structure(&mut self, keyword: &str, s: &Structure, indent: usize) {
        let mut head = format!("{keyword} {}", string(&s.name.node));
        for alias in &s.aliases {
            head.push_str(&format!(" alias {}", string(&alias.node)));
        }
        if let Some(points) = &s.expected_points {
            head.push_str(&format!(" points {}", points.node.to_string_keep_scale()));
        }
        self.line(indent, format!("{head} {{"), start(s.span));
        for item in &s.items {
            match item {
                StructureItem::Defaults(d) => self.defaults("", d, indent + 1),
                StructureItem::Group(g) => self.structure("group", g, indent + 1),
                StructureItem::Indicator(i) => self.indicator("", i, indent + 1),
                StructureItem::AnyIndicator(a) => {
                    self.body("any indicator".into(), &a.body, a.span, indent + 1)
                }
            }
        }
        self.close(indent, s.span);
    }

    fn indicator(&mut self, prefix: &str, i: &Indicator, indent: usize) {
        self.indicator_as(&format!("{prefix}indicator"), i, indent);
    }

    /// `indicator "…" …` or `execution "…" …`: the same shape.
    fn indicator_as(&mut self, keyword: &str, i: &Indicator, indent: usize) {
        let mut head = format!("{keyword} {}", string(&i.name.node));
        for alias in &i.aliases {
            head.push_str(&format!(" alias {}", string(&alias.node)));
        }
        if let Some(points) = &i.points {
            head.push_str(&format!(" points {}", points.node.to_string_keep_scale()));
        }
        if let Some(target) = &i.target {
            head.push_str(&format!(" target {}", self.target(target)));
        }
        self.body(head, &i.body, i.span, indent);
    }

    /// A target as written: quoted when it was (`"完整"`), else bare (`<= 100%`).
    fn target(&self, target: &Spanned<Value>) -> String {
        let written = self
            .text
            .get(target.span.start as usize..target.span.end as usize)
            .unwrap_or("");
        if written.starts_with('"') {
            string(&target.node.text)
        } else {
            target.node.text.to_string()
        }
    }

    /// An indicator's (or `any indicator`'s) head and body.
    fn body(&mut self, head: String, body: &IndicatorBody, span: Span, indent: usize) {
        let at = start(span);
        let settings = usize::from(body.actual.is_some()) + usize::from(body.score.is_some());
        if settings == 0 {
            self.line(indent, head, at);
            return;
        }
        if settings == 1 && !self.has_comment(span) {
            let inner = match (&body.actual, &body.score) {
                (Some(e), _) => Some(format!("actual = {}", expr::expr(e))),
                (_, Some(m)) if !matches!(m.node, Method::Bands(_)) => {
                    Some(format!("score {}", method_text(&m.node)))
                }
                _ => None,
            };
            if let Some(inner) = inner {
                let one = format!("{head} {{ {inner} }}");
                if INDENT.len() * indent + one.width() <= WIDTH {
                    self.line(indent, one, at);
                    return;
                }
            }
        }
        self.line(indent, format!("{head} {{"), at);
        if let Some(e) = &body.actual {
            self.expr_lines("actual = ", e, indent + 1, start(e.span));
        }
        if let Some(m) = &body.score {
            self.method("score ", m, indent + 1, start(m.span));
        }
        self.close(indent, span);
    }

    /// `head` and an expression on one line; an `if … then … else …` too wide for it goes
    /// one clause to a line, `then` and `else` under the `if`.
    fn expr_lines(&mut self, head: &str, e: &Expr, indent: usize, at: usize) {
        let one = format!("{head}{}", expr::expr(e));
        if INDENT.len() * indent + one.width() <= WIDTH || !matches!(e.kind, ExprKind::If(..)) {
            self.line(indent, one, at);
            return;
        }
        let pad = " ".repeat(head.width());
        let mut lead = head.to_string();
        let mut at = at;
        let mut rest = e;
        while let ExprKind::If(c, a, b) = &rest.kind {
            self.line(indent, format!("{lead}if {}", expr::expr(c)), at);
            self.line(
                indent,
                format!("{pad}then {}", expr::expr(a)),
                start(a.span),
            );
            lead = format!("{pad}else ");
            at = start(b.span);
            rest = b;
        }
        self.line(indent, format!("{lead}{}", expr::expr(rest)), at);
    }

    fn check(&mut self, prefix: &str, c: &Check) {
        self.line(
            0,
            format!("{prefix}check {} {} {{", c.id.node, string(&c.title.node)),
            start(c.span),
        );
        if let Some(domain) = &c.domain {
            let d = match domain.node {
                Domain::Indicator => "indicator",
                Domain::BudgetRow => "budget row",
                Domain::BudgetParent => "budget parent",
                Domain::Section => "section",
            };
            self.line(1, format!("for each {d}"), start(domain.span));
        }
        if let Some(when) = &c.when {
            self.expr_lines("when ", when, 1, start(when.span));
        }
        if let Some(require) = &c.require {
            self.expr_lines("require ", require, 1, start(require.span));
        }
        let severity = severity_word(c.severity.node);
        let raise = if c.require.is_some() {
            format!("else {severity} {}", expr::message(&c.message))
        } else {
            format!("{severity} {}", expr::message(&c.message))
        };
        self.line(1, raise, start(c.severity.span));
        if let Some(en) = &c.message_en {
            self.line(2, format!("en {}", expr::message(en)), start(en.span));
        }
        self.close(0, c.span);
    }
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// A grade's name: bare when the grammar reads it as a label (`优`), else quoted.
fn name(text: &str) -> String {
    let is_label = Grammar::parse(Rule::label, text)
        .ok()
        .and_then(|mut p| p.next())
        .is_some_and(|p| p.as_str().len() == text.len());
    if is_label {
        text.to_string()
    } else {
        string(text)
    }
}

fn method_text(m: &Method) -> String {
    match m {
        Method::AllOrNothing => "all_or_nothing".into(),
        Method::Proportional => "proportional".into(),
        Method::ReverseRatio => "reverse_ratio".into(),
        Method::ReverseLinear => "reverse_linear".into(),
        Method::Qualitative(None) => "qualitative".into(),
        Method::Qualitative(Some(n)) => format!("qualitative {}", n.node),
        Method::Deduct(d) => deduct_text(d),
        Method::Bands(bands) => format!(
            "bands {{ {} }}",
            bands.iter().map(band_text).collect::<Vec<_>>().join("  ")
        ),
    }
}

fn deduct_text(d: &Deduct) -> String {
    let step = if d.step.node.unit == crate::value::Unit::Named("month".into()) {
        format!("{} month", d.step.node.number.to_string_keep_scale())
    } else {
        literal(&d.step.node)
    };
    let from = match &d.from {
        DeductFrom::Above(t) => format!("above {}", threshold(t)),
        DeductFrom::Below(t) => format!("below {}", threshold(t)),
        DeductFrom::Late(_) => "late".into(),
    };
    let mut text = format!(
        "deduct {} per {step} {from}",
        d.amount.node.to_string_keep_scale()
    );
    if let Some(p) = &d.partial {
        let mode = match p.node {
            Partial::Exact => "exact",
            Partial::Up => "up",
            Partial::Down => "down",
        };
        text.push_str(&format!(", partial {mode}"));
    }
    if let Some(f) = &d.floor {
        text.push_str(&format!(", floor {}", f.node.to_string_keep_scale()));
    }
    text
}

fn threshold(t: &Threshold) -> String {
    match t {
        Threshold::Target(_) => "target".into(),
        Threshold::Literal(l) => literal(&l.node),
    }
}

fn band_text(band: &Band) -> String {
    let op = |inclusive: bool| if inclusive { "<=" } else { "<" };
    let range = match (&band.lower, &band.upper) {
        (Some(l), Some(u)) => format!(
            "{} {} actual {} {}",
            literal(&l.value.node),
            op(l.inclusive),
            op(u.inclusive),
            literal(&u.value.node)
        ),
        (Some(l), None) => format!(
            "actual {} {}",
            if l.inclusive { ">=" } else { ">" },
            literal(&l.value.node)
        ),
        (None, Some(u)) => format!("actual {} {}", op(u.inclusive), literal(&u.value.node)),
        (None, None) => "actual".into(),
    };
    let award = match band.award.node {
        Award::Points(p) => p.to_string_keep_scale(),
        Award::Share(s) => format!("{}% of points", s.to_string_keep_scale()),
    };
    format!("{range}: {award}")
}
