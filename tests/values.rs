//! The value grammar on every target and actual string of the seed report and every form of
//! language.md "Values". Expected values are written out by hand.

use perfrules::decimal::Dec;
use perfrules::value::{
    parse, Comparison, Period, PeriodSpan, Quantity, Unit, Value, ValueErrorKind, ValueKind,
};

fn d(s: &str) -> Dec {
    s.parse().unwrap()
}

fn q(comparison: Option<Comparison>, number: &str, unit: Unit) -> ValueKind {
    ValueKind::Quantity(Quantity {
        comparison,
        number: d(number),
        unit,
        measured: None,
    })
}

fn named(u: &str) -> Unit {
    Unit::Named(u.into())
}

fn period(span: PeriodSpan, by: bool) -> ValueKind {
    ValueKind::Period(Period { span, by })
}

fn word(w: &str) -> ValueKind {
    ValueKind::Word(w.into())
}

#[track_caller]
fn reads(text: &str, expected: ValueKind) {
    let value = parse(text).unwrap_or_else(|e| panic!("{text:?} did not parse: {e:?}"));
    assert_eq!(value.kind, expected, "{text:?}");
    assert_eq!(value.text, text.trim(), "the text as written is kept");
}

use Comparison::*;

#[test]
fn every_target_of_the_seed() {
    reads("完整", word("完整"));
    reads("准确", word("准确"));
    reads("合规", word("合规"));
    reads("=100%", q(Some(Equal), "100", Unit::Percent));
    reads("<=5%", q(Some(AtMost), "5", Unit::Percent));
    reads("明确合理", word("明确合理"));
    reads("有效", word("有效"));
    reads("健全", word("健全"));
    reads(">=1场", q(Some(AtLeast), "1", named("场")));
    reads("=9000份", q(Some(Equal), "9000", named("份")));
    reads("=5个", q(Some(Equal), "5", named("个")));
    reads(">=14次", q(Some(AtLeast), "14", named("次")));
    reads("=1本", q(Some(Equal), "1", named("本")));
    reads(">=1份", q(Some(AtLeast), "1", named("份")));
    reads("契合", word("契合"));
    reads("合格", word("合格"));
    reads("=700人", q(Some(Equal), "700", named("人")));
    reads("按标准运维", word("按标准运维"));
    reads(
        "2季度",
        period(
            PeriodSpan::Quarter {
                year: None,
                quarter: 2,
            },
            false,
        ),
    );
    reads(
        "11月",
        period(
            PeriodSpan::Month {
                year: None,
                month: 11,
            },
            false,
        ),
    );
    reads(
        "4季度",
        period(
            PeriodSpan::Quarter {
                year: None,
                quarter: 4,
            },
            false,
        ),
    );
    reads(
        "2021年12月底",
        period(
            PeriodSpan::Month {
                year: Some(2021),
                month: 12,
            },
            false,
        ),
    );
    reads(
        "2021年12月底前",
        period(
            PeriodSpan::Month {
                year: Some(2021),
                month: 12,
            },
            true,
        ),
    );
    reads("按期运维", word("按期运维"));
    reads("按期配送", word("按期配送"));
    reads("有效提升", word("有效提升"));
    reads("100 个", q(None, "100", named("个")));
    reads(">=1 次", q(Some(AtLeast), "1", named("次")));
    reads("有效提高", word("有效提高"));
    reads(">=85%", q(Some(AtLeast), "85", Unit::Percent));
}

#[test]
fn every_actual_of_the_seed() {
    reads("100%", q(None, "100", Unit::Percent));
    reads("3%", q(None, "3", Unit::Percent));
    reads("0", q(None, "0", Unit::None));
    reads("9000份", q(None, "9000", named("份")));
    reads("6个", q(None, "6", named("个")));
    reads("4次", q(None, "4", named("次")));
    reads("1本", q(None, "1", named("本")));
    reads(">=1份", q(Some(AtLeast), "1", named("份")));
    reads("1600人次", q(None, "1600", named("人次")));
    reads("未开展", word("未开展"));
    reads(
        "10月",
        period(
            PeriodSpan::Month {
                year: None,
                month: 10,
            },
            false,
        ),
    );
    reads("=100%", q(Some(Equal), "100", Unit::Percent));
    reads(">=85%", q(Some(AtLeast), "85", Unit::Percent));
}

#[test]
fn operators_in_every_width() {
    for (text, cmp) in [
        (">= 14次", AtLeast),
        ("≥14次", AtLeast),
        ("≧14次", AtLeast),
        ("＞＝14次", AtLeast),
        ("> 14次", More),
        ("＞14次", More),
        ("= 14次", Equal),
        ("＝14次", Equal),
        ("﹦14次", Equal),
        ("<= 14次", AtMost),
        ("≤14次", AtMost),
        ("≦14次", AtMost),
        ("< 14次", Less),
        ("＜14次", Less),
        ("不低于14次", AtLeast),
        ("不超过14次", AtMost),
        ("14次以上", AtLeast),
        ("14次以内", AtMost),
    ] {
        reads(text, q(Some(cmp), "14", named("次")));
    }
}

#[test]
fn percentages_digits_separators_and_spaces() {
    reads("１００％", q(None, "100", Unit::Percent));
    reads("＝１００％", q(Some(Equal), "100", Unit::Percent));
    reads("≥100百分比", q(Some(AtLeast), "100", Unit::Percent));
    reads("95%以上", q(Some(AtLeast), "95", Unit::Percent));
    reads("215,457.6", q(None, "215457.6", Unit::None));
    reads("10,500人次", q(None, "10500", named("人次")));
    reads("１０，５００人次", q(None, "10500", named("人次")));
    reads("100 个", q(None, "100", named("个")));
    reads("  100个  ", q(None, "100", named("个")));
    reads("5.00万元", q(None, "5.00", named("万元")));
    reads("43.2", q(None, "43.2", Unit::None));
    reads("10个工作日内", q(Some(AtMost), "10", named("个工作日")));
    reads("3个月", q(None, "3", named("个月")));
    reads("-5%", q(None, "-5", Unit::Percent));
}

#[test]
fn every_period_form() {
    use PeriodSpan::*;
    reads(
        "第2季度",
        period(
            Quarter {
                year: None,
                quarter: 2,
            },
            false,
        ),
    );
    reads(
        "第四季度",
        period(
            Quarter {
                year: None,
                quarter: 4,
            },
            false,
        ),
    );
    reads(
        "二季度",
        period(
            Quarter {
                year: None,
                quarter: 2,
            },
            false,
        ),
    );
    reads(
        "12月底",
        period(
            Month {
                year: None,
                month: 12,
            },
            false,
        ),
    );
    reads(
        "10月份",
        period(
            Month {
                year: None,
                month: 10,
            },
            false,
        ),
    );
    reads(
        "6月底前",
        period(
            Month {
                year: None,
                month: 6,
            },
            true,
        ),
    );
    reads(
        "6月之前",
        period(
            Month {
                year: None,
                month: 6,
            },
            true,
        ),
    );
    reads(
        "2021年6月30日",
        period(
            Day {
                year: Some(2021),
                month: 6,
                day: 30,
            },
            false,
        ),
    );
    reads(
        "2021-06-30",
        period(
            Day {
                year: Some(2021),
                month: 6,
                day: 30,
            },
            false,
        ),
    );
    reads(
        "2021/6/30",
        period(
            Day {
                year: Some(2021),
                month: 6,
                day: 30,
            },
            false,
        ),
    );
    reads(
        "12月31日前",
        period(
            Day {
                year: None,
                month: 12,
                day: 31,
            },
            true,
        ),
    );
    reads("年底", period(Year { year: None }, false));
    reads("年末前", period(Year { year: None }, true));
    reads(
        "上半年",
        period(
            Half {
                year: None,
                first: true,
            },
            false,
        ),
    );
    reads(
        "下半年",
        period(
            Half {
                year: None,
                first: false,
            },
            false,
        ),
    );
    reads("2021年", period(Year { year: Some(2021) }, false));
    reads("2021年底前", period(Year { year: Some(2021) }, true));
    reads(
        "１１月",
        period(
            Month {
                year: None,
                month: 11,
            },
            false,
        ),
    );
}

#[test]
fn blanks_and_words() {
    for blank in ["", "   ", "/", "／", "-", "－", "—", "——"] {
        reads(blank, ValueKind::Blank);
    }
    reads("较及时", word("较及时"));
    reads("基本达标", word("基本达标"));
    reads("达成预期指标", word("达成预期指标"));
    reads("未召开", word("未召开"));
    reads("不低于国家标准", word("不低于国家标准"));
}

#[track_caller]
fn refuses(text: &str, kind: ValueErrorKind, at: &str) {
    let err = parse(text).expect_err(text);
    assert_eq!(err.kind, kind, "{text:?}");
    assert_eq!(&text[err.start..err.end], at, "{text:?}");
}

#[test]
fn what_cannot_be_read_is_an_error_quoting_it() {
    refuses(">=abc", ValueErrorKind::Unreadable, "a");
    refuses("100%完成", ValueErrorKind::Unreadable, "完");
    refuses("13月", ValueErrorKind::NotAMonth(13), "13");
    refuses(
        "2021年2月30日",
        ValueErrorKind::NotADay { month: 2, day: 30 },
        "30",
    );
    refuses("5季度", ValueErrorKind::NotAQuarter(5), "5");
    refuses(">=95%以上", ValueErrorKind::TwoComparisons, "以上");
    refuses("1e30", ValueErrorKind::Unreadable, "3");
    refuses(
        "100000000000000000000000000000000次",
        ValueErrorKind::NumberOutOfRange,
        "100000000000000000000000000000000",
    );
}

/// Found by fuzzing (`fmt`): a value is read without the white space around it, whatever
/// white space that is. A cell beginning with a line break was read as a word (`\r\r<02x`),
/// but kept without it; `fmt` wrote it back so, and it then read as something else.
#[test]
fn white_space_around_a_value_of_any_kind_is_not_part_of_it() {
    reads("\n>=14次\r\n", q(Some(AtLeast), "14", named("次")));
    reads("\r\r完整\u{3000}", word("完整"));
    reads(
        "\u{2003}11月\u{85}",
        period(
            PeriodSpan::Month {
                year: None,
                month: 11,
            },
            false,
        ),
    );
    // the error still quotes the text as written, at its place in the cell
    refuses("\r\n>=abc", ValueErrorKind::Unreadable, "a");
    refuses("\n\n13月", ValueErrorKind::NotAMonth(13), "13");
}

#[test]
fn targets_are_compared_by_meaning() {
    let v = |s: &str| -> Value { parse(s).unwrap() };
    assert!(v("=100%").same_target_as(&v("100%")));
    assert!(v("＝１００％").same_target_as(&v("100%")));
    assert!(!v("=100%").same_target_as(&v("<=100%")));
    assert!(!v(">=100%").same_target_as(&v("=100%")));
    assert!(v("2021年12月底").same_target_as(&v("2021年12月底")));
    assert!(v(">=85%").is_claimed_bound());
    assert!(!v("=100%").is_claimed_bound());
    assert!(!v("100%").is_claimed_bound());
}
