//! Words for scoring: methods, target forms, classes of words, the working behind a score,
//! problems, and the engine's findings.

use super::{did_you_mean, Lang};
use crate::decimal::Dec;
use crate::scorecard::{
    CalcError, DeductWorking, EngineFinding, Figure, IndicatorScore, Problem, Shown, Working,
};
use crate::syntax::ast::{Achievement, Award, Partial};
use crate::t;
use crate::value::{Date, TargetForm, ValueErrorKind};

pub fn method_name(keyword: &str, lang: Lang) -> String {
    match keyword {
        "all_or_nothing" => t!(lang, "达标得满分", "all or nothing"),
        "proportional" => t!(lang, "按比例计分", "proportional"),
        "reverse_ratio" => t!(
            lang,
            "反向指标（目标 ÷ 实际）",
            "reverse ratio (target ÷ actual)"
        ),
        "reverse_linear" => t!(lang, "反向指标（超出部分线性扣分）", "reverse linear"),
        "deduct" => t!(lang, "扣分", "deduction"),
        "bands" => t!(lang, "分档计分", "bands"),
        "qualitative" => t!(lang, "定性", "qualitative"),
        other => other.to_string(),
    }
}

pub fn form_name(form: TargetForm, lang: Lang) -> String {
    match form {
        TargetForm::AtLeast => t!(lang, "“不低于”（≥）", "“at least” (≥)"),
        TargetForm::Equal => t!(lang, "“等于”（=）", "“equal” (=)"),
        TargetForm::AtMost => t!(lang, "“不高于”（≤）", "“at most” (≤)"),
        TargetForm::Deadline => t!(lang, "时限", "deadline"),
        TargetForm::Word => t!(lang, "文字（定性）", "word (qualitative)"),
    }
}

pub fn achievement(class: Achievement, lang: Lang) -> String {
    match class {
        Achievement::Achieved => t!(lang, "达成", "achieved"),
        Achievement::Partly => t!(lang, "部分达成", "partly achieved"),
        Achievement::NotAchieved => t!(lang, "未达成", "not achieved"),
    }
}

fn figure(f: &Figure, full: bool) -> String {
    if full {
        format!("{}{}", f.value, f.unit)
    } else {
        f.to_string()
    }
}

fn number(d: Dec, full: bool) -> String {
    if full {
        d.to_string()
    } else {
        d.approx()
    }
}

fn date(d: Date) -> String {
    format!("{}-{:02}-{:02}", d.year, d.month, d.day)
}

/// `= exact → score`, or `= score` when nothing was rounded or capped.
fn result(s: &IndicatorScore, full: bool) -> String {
    match (s.exact, s.score) {
        (Some(exact), Some(score)) if exact != score => {
            format!("= {} → {}", number(exact, full), score)
        }
        (_, Some(score)) => format!("= {score}"),
        _ => String::new(),
    }
}

/// The working behind a score: a sentence, and the arithmetic alone (figures cut to four
/// significant digits and marked `…`, or in full when `full`).
pub fn working(s: &IndicatorScore, lang: Lang, full: bool) -> (String, Option<String>) {
    let r = result(s, full);
    let arithmetic = match &s.working {
        Working::Proportional { b, a, w } => Some(format!(
            "{} ÷ {} × {w} {r}",
            figure(b, full),
            figure(a, full)
        )),
        Working::ReverseRatio { a, b, w } => Some(format!(
            "{} ÷ {} × {w} {r}",
            figure(a, full),
            figure(b, full)
        )),
        Working::ReverseLinear { a, b, w } if a.value.is_zero() => {
            Some(format!("A = 0, B = {} > 0 → 0", figure(b, full)))
        }
        Working::ReverseLinear { a, b, w } => Some(format!(
            "(1 − ({} − {}) ÷ {}) × {w} {r}",
            figure(b, full),
            figure(a, full),
            figure(a, full)
        )),
        Working::Deduct(d) => {
            let (w, deducted) = (d.w, d.deducted);
            Some(format!("{w} − {} {r}", number(deducted, full)))
        }
        Working::DeductLate { w, deducted, .. } => {
            Some(format!("{w} − {} {r}", number(*deducted, full)))
        }
        Working::Qualitative {
            judged: Some(_), ..
        }
        | Working::JudgedUnknown { .. } => None,
        Working::Qualitative { w, share, .. } => Some(format!("{w} × {share}% {r}")),
        Working::Band {
            award: Award::Share(share),
            w,
            ..
        } => Some(format!("{w} × {share}% {r}")),
        _ => None,
    };
    let arith = arithmetic.clone().unwrap_or_default();
    let sentence = match &s.working {
        Working::Met { a, b, .. } => {
            // No `b`: the actual as written, kept once, in the entry.
            let absent = Shown::Absent;
            let b: &dyn std::fmt::Display = match (b, &s.actual_written) {
                (Some(b), _) => b,
                (None, Some(written)) => written,
                (None, None) => &absent,
            };
            t!(
                lang,
                "达到目标：实际 {b}，目标 {a}，得满分",
                "target met: actual {b}, target {a}; full points"
            )
        }
        Working::Proportional { .. } => t!(
            lang,
            "未达到目标，按比例计分：{arith}",
            "target not reached, scored in proportion: {arith}"
        ),
        Working::ReverseRatio { .. } => t!(
            lang,
            "超过目标，按目标 ÷ 实际计分：{arith}",
            "above the target, scored as target ÷ actual: {arith}"
        ),
        Working::ReverseLinear { .. } => {
            t!(lang, "超过目标，按超出比例扣分（实际达到目标 2 倍得 0 分）：{arith}", "above the target, less in proportion to the excess (0 at twice the target): {arith}")
        }
        Working::Deduct(d) => {
            let DeductWorking {
                threshold,
                b,
                above,
                beyond,
                step,
                steps,
                partial,
                amount,
                deducted,
                floor,
                ..
            } = d.as_ref();
            let (threshold, b, step) =
                (figure(threshold, full), figure(b, full), figure(step, full));
            let beyond = number(*beyond, full);
            let steps = number(*steps, full);
            let partial = partial_name(*partial, lang);
            let floor = if floor.is_zero() {
                t!(lang, "扣完为止", "down to 0 at most")
            } else {
                t!(lang, "最低 {floor} 分", "{floor} at least")
            };
            let side = if *above {
                t!(lang, "高于", "above")
            } else {
                t!(lang, "低于", "below")
            };
            t!(
                lang,
                "实际 {b}，{side} {threshold} {beyond}；每 {step} 扣 {amount} 分（{partial}），计 {steps} 个，扣 {deducted} 分，{floor}：{arith}",
                "actual {b} is {beyond} {side} {threshold}; {amount} off per {step} ({partial}), {steps} steps, {deducted} off, {floor}: {arith}"
            )
        }
        Working::DeductLate {
            target_end,
            actual_end,
            months,
            amount,
            ..
        } => {
            let (t_end, a_end) = (date(*target_end), date(*actual_end));
            t!(lang, "逾期 {months} 个月（目标 {t_end}，实际 {a_end}），每月扣 {amount} 分：{arith}", "{months} months late (target {t_end}, actual {a_end}), {amount} off per month: {arith}")
        }
        Working::Band { b, band, award, .. } => {
            let b = figure(b, full);
            match award {
                Award::Points(p) => t!(
                    lang,
                    "实际 {b} 落在分档 {band}，得 {p} 分",
                    "actual {b} falls in band {band}: {p} points"
                ),
                Award::Share(_) => t!(
                    lang,
                    "实际 {b} 落在分档 {band}：{arith}",
                    "actual {b} falls in band {band}: {arith}"
                ),
            }
        }
        Working::Qualitative {
            word,
            class,
            judged: Some(judged),
            ..
        } => {
            let class = achievement(*class, lang);
            let (score, band, note) = (judged.score, &judged.band, &judged.note);
            t!(
                lang,
                "定性：`{word}` 属“{class}”，档内 {band}；审核判定得 {score} 分：{note}",
                "qualitative: `{word}` is “{class}”, band {band}; the auditor's judgement is {score}: {note}"
            )
        }
        Working::JudgedUnknown { word, judged } => {
            let (score, band, note) = (judged.score, &judged.band, &judged.note);
            t!(
                lang,
                "定性：`{word}` 不在词表中，由审核判定（{band}）得 {score} 分：{note}",
                "qualitative: `{word}` is not in the vocabulary; the auditor's judgement ({band}) is {score}: {note}"
            )
        }
        Working::Qualitative {
            word,
            class,
            same_as_target,
            ..
        } => {
            let class = achievement(*class, lang);
            if *same_as_target {
                t!(
                    lang,
                    "定性：`{word}` 与目标相同，属“{class}”：{arith}",
                    "qualitative: `{word}` says what the target says, “{class}”: {arith}"
                )
            } else {
                t!(
                    lang,
                    "定性：`{word}` 属“{class}”：{arith}",
                    "qualitative: `{word}` is “{class}”: {arith}"
                )
            }
        }
        Working::Missed { a, b, .. } => t!(
            lang,
            "未达到目标（达标才得分）：实际 {b}，目标 {a}，得 0 分",
            "target missed (points only when met): actual {b}, target {a}; 0 points"
        ),
        Working::Late {
            target_end,
            actual_end,
        } => {
            let (t_end, a_end) = (date(*target_end), date(*actual_end));
            t!(
                lang,
                "逾期：实际完成于 {a_end}，晚于目标 {t_end}，得 0 分",
                "late: done by {a_end}, after the target {t_end}; 0 points"
            )
        }
        Working::NotDone { word: Some(w) } => t!(
            lang,
            "实际为 `{w}`，视为未开展，任何目标均得 0 分",
            "the actual is `{w}`: not done, 0 points whatever the target"
        ),
        Working::NotDone { word: None } => t!(
            lang,
            "实际完成值为空，视为未开展，得 0 分",
            "the actual is empty: not done, 0 points"
        ),
        Working::ClaimedZero { written } => {
            t!(lang, "实际 `{written}` 只写了界限，没有实测值，本规则计 0 分", "the actual `{written}` is a claimed bound with no measured value; this policy scores it 0")
        }
        Working::NoRow => t!(
            lang,
            "报告中没有这一指标，得 0 分",
            "the report has no row for this indicator; 0 points"
        ),
        Working::Problem(p) => {
            let p = problem(p, lang);
            t!(lang, "{p}，得 0 分", "{p}; 0 points")
        }
        Working::NotScored => t!(lang, "没有分值，未计分", "no points given; not scored"),
    };
    (sentence, arithmetic)
}

fn partial_name(partial: Partial, lang: Lang) -> String {
    match partial {
        Partial::Exact => t!(
            lang,
            "不足一个按比例计",
            "a partial step counts in proportion"
        ),
        Partial::Up => t!(
            lang,
            "不足一个按一个计",
            "a partial step counts as a whole one"
        ),
        Partial::Down => t!(lang, "不足一个不计", "a partial step does not count"),
    }
}

pub fn problem(p: &Problem, lang: Lang) -> String {
    match p {
        Problem::UnitMismatch { target, actual } => t!(lang, "目标 `{target}` 与实际 `{actual}` 单位不一致，无法比较", "target `{target}` and actual `{actual}` are in units that cannot be compared"),
        Problem::KindMismatch { target, actual } => t!(
            lang,
            "目标 `{target}` 与实际 `{actual}` 不是同一类值（数值、时间或文字），无法计分",
            "target `{target}` and actual `{actual}` are not the same kind of value (figure, period or word)"
        ),
        Problem::UnknownWord { word } => t!(
            lang,
            "实际 `{word}` 不在定性词表中，需要审核人员判断（可在规则文件的 vocabulary 中补充）",
            "the actual `{word}` is not in the vocabulary and needs an auditor's judgement (or add it to the rule file's vocabulary)"
        ),
        Problem::MissingTarget => t!(lang, "没有年度指标值", "no target is given"),
        Problem::MissingActual => t!(lang, "没有全年完成值", "no actual is given"),
        Problem::NoMethod { form } => {
            let form = form_name(*form, lang);
            t!(lang, "规则没有为{form}目标指定计分方法", "the policy names no method for a target of the form {form}")
        }
        Problem::Unreadable { field, text, why } => {
            let field = if *field == "target" { t!(lang, "年度指标值", "the target") } else { t!(lang, "全年完成值", "the actual") };
            match why {
                ValueErrorKind::Unreadable => t!(lang, "无法读取{field} `{text}`", "cannot read {field} `{text}`"),
                // why, in the words of a rule file's value errors
                why => {
                    let why = super::syntax::value_error(why, text, lang);
                    t!(lang, "无法读取{field}（{why}）", "cannot read {field} ({why})")
                }
            }
        }
        Problem::Arithmetic { shown, error } => {
            let why = calc_error(error, lang);
            t!(lang, "无法计算 {shown}：{why}", "cannot compute {shown}: {why}")
        }
        Problem::NoBand { actual } => t!(lang, "实际 {actual} 不在任何分档内", "the actual {actual} falls in no band"),
    }
}

/// Why a computation failed, in words.
pub fn calc_error(e: &CalcError, lang: Lang) -> String {
    match e {
        CalcError::Overflow => t!(
            lang,
            "结果超出精确小数的范围",
            "the result is beyond exact decimals"
        ),
        CalcError::DivisionByZero => t!(lang, "除数为 0", "division by zero"),
        CalcError::Units { left, right } => t!(
            lang,
            "“{left}”与“{right}”单位不能这样运算",
            "units “{left}” and “{right}” do not combine this way"
        ),
        CalcError::Missing => t!(
            lang,
            "报告缺少所需数据（—）",
            "a figure it needs is not in the report (—)"
        ),
    }
}

pub fn engine_finding(f: &EngineFinding, lang: Lang) -> String {
    match f {
        EngineFinding::UnmatchedRow { level1, suggestion } => {
            let base = t!(
                lang,
                "没有规则为这一行计分（一级指标“{level1}”）",
                "no rule of the policy scores this row (level 1 “{level1}”)"
            );
            match suggestion {
                Some(s) => {
                    let hint = did_you_mean(lang, s);
                    t!(lang, "{base}；{hint}", "{base}; {hint}")
                }
                None => base,
            }
        }
        EngineFinding::MissingRow { needed: true } => t!(
            lang,
            "规则中的指标在报告中没有对应行，得 0 分",
            "the policy names this indicator but the report has no row for it; 0 points"
        ),
        EngineFinding::MissingRow { needed: false } => {
            t!(lang, "规则中的指标在报告中没有对应行，按规则的分值、目标和复算的实际值计分", "the report has no row for this indicator; scored from the policy's points, target and derived actual")
        }
        EngineFinding::DuplicateRow { first_row } => {
            let n = first_row + 1;
            t!(
                lang,
                "与报告第 {n} 个指标重复，本行不计分",
                "repeats indicator {n} of the report; this row is not scored"
            )
        }
        EngineFinding::MisplacedRow { written, policy } => t!(
            lang,
            "报告列在“{written}”下，规则列在“{policy}”下",
            "the report lists it under “{written}”, the policy under “{policy}”"
        ),
        EngineFinding::NoPoints => t!(
            lang,
            "规则和报告都没有给出分值，未计分",
            "neither the policy nor the report gives its points; not scored"
        ),
        EngineFinding::NegativePoints { points } => t!(
            lang,
            "分值 {points} 小于 0，未计分",
            "the points, {points}, are below zero; not scored"
        ),
        EngineFinding::Unscorable(p) => problem(p, lang),
        EngineFinding::CompatibleUnits { target, actual } => {
            t!(lang, "目标 `{target}` 与实际 `{actual}` 口径不同，按可比计分", "target `{target}` and actual `{actual}` count different things; scored as comparable")
        }
        EngineFinding::UndeclaredUnit { unit } => t!(
            lang,
            "单位“{unit}”未在规则文件的 units 中声明",
            "unit “{unit}” is not declared in the rule file's units"
        ),
        EngineFinding::UnreadableWrittenTarget { text } => t!(
            lang,
            "无法读取单位填报的目标值 `{text}`（按规则的目标计分）",
            "cannot read the target the unit wrote, `{text}` (scored against the policy's)"
        ),
        EngineFinding::CheckIncomplete {
            check,
            shown,
            error,
        } => {
            let why = calc_error(error, lang);
            t!(
                lang,
                "检查“{check}”无法判断 {shown}：{why}",
                "the check “{check}” cannot decide {shown}: {why}"
            )
        }
        EngineFinding::YearOutside { year, from, to } => {
            let range = if from == to {
                from.to_string()
            } else {
                format!("{from}–{to}")
            };
            t!(
                lang,
                "报告年度 {year} 不在规则适用的 {range} 年度内",
                "the report's year {year} is outside the policy's {range}"
            )
        }
        EngineFinding::KindOutside { kind, expected } => {
            let kind = kind
                .clone()
                .unwrap_or_else(|| t!(lang, "（未填）", "(none)"));
            t!(
                lang,
                "报告类型“{kind}”不是规则适用的“{expected}”",
                "the report's kind “{kind}” is not the policy's “{expected}”"
            )
        }
        EngineFinding::TotalRow { count: 0 } => t!(
            lang,
            "预算执行表没有合计行（没有 parent 的行）",
            "the budget table has no total row (a row without a parent)"
        ),
        EngineFinding::TotalRow { count } => t!(
            lang,
            "预算执行表有 {count} 行没有 parent，无法确定合计行",
            "{count} budget rows have no parent; the total row is not clear"
        ),
        EngineFinding::NothingToScore => t!(
            lang,
            "没有带分值的指标，总分无法折算",
            "no indicator has points; the total cannot be rescaled"
        ),
        EngineFinding::SelfTotal { written, computed } => t!(
            lang,
            "单位自评总分 {written}，复核总分 {computed}",
            "the unit's own total is {written}; re-checked it is {computed}"
        ),
        EngineFinding::TooManyFindings { limit, more } => t!(
            lang,
            "规则文件的检查发现超过 {limit} 条：只列出前 {limit} 条，另有 {more} 条未列出（得分不受影响）",
            "the rule file's checks raised more than {limit} findings: the first {limit} are listed, {more} more are not (scores are not affected)"
        ),
    }
}

/// Why a judgements file was refused.
pub fn judgement_error(
    e: &crate::eval::judge::JudgementErrorKind,
    lang: Lang,
) -> (String, Option<String>) {
    use crate::eval::judge::JudgementErrorKind::*;
    match e {
        OtherReport { unit, year } => (
            t!(lang, "判定文件针对的是 {unit} 的 {year} 年度报告，不是本报告", "the judgements are for the {year} report of {unit}, not this report"),
            None,
        ),
        Duplicate { name } => (t!(lang, "对“{name}”作了两次判定", "“{name}” is judged twice"), None),
        UnknownIndicator { name, suggestion } => (
            t!(lang, "报告中没有指标“{name}”，判定不能适用", "the report has no indicator “{name}”: the judgement cannot apply"),
            suggestion.as_ref().map(|s| did_you_mean(lang, s)),
        ),
        NotBanded { name } => (
            t!(lang, "“{name}”不是按定性分档计分的指标，不能由审核判定得分", "“{name}” is not scored by qualitative bands, so no judgement can set its score"),
            Some(t!(lang, "只有按词表计分（qualitative）的指标可以在其档内判定", "only indicators scored by a vocabulary (qualitative) can be judged, inside their band")),
        ),
        OutsideBand { name, word, class, band, score } => {
            let (shown, points, shares) = (band.show(), band.points, band.shares.show_with("%"));
            let class = match class {
                Some(c) => achievement(*c, lang),
                None => t!(lang, "未列入词表", "not in the vocabulary"),
            };
            (
                t!(
                    lang,
                    "“{name}”的判定 {score} 分不在 `{word}`（{class}）的档内：{points} 分的 {shares}，即 {shown}",
                    "the judgement of {score} for “{name}” is outside the band of `{word}` ({class}): {shares} of {points} points, that is {shown}"
                ),
                Some(t!(lang, "判定得分须在 {shown} 之内", "the judged score must lie in {shown}")),
            )
        }
    }
}
