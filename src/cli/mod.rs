//! The command line: parses arguments, reads files, prints, and turns outcomes into exit
//! codes. The only part of perfrules that prints.

mod batch;
mod check;
mod diff;
mod eval;
mod exit;
mod fmt;
mod import;
mod load;
mod progress;
mod test;
mod write;

pub use exit::Exit;

use crate::i18n::Lang;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;

/// perfrules：按年度评分规则复核预算绩效自评报告（scores budget performance self-evaluations by a rule file）
#[derive(Parser, Debug)]
#[command(name = "perfrules", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// 为报告评分，并说明每一处失分；可一次评多份（score reports and explain every lost point）
    Eval(EvalArgs),
    /// 把单位填报的表格（提取的文本、xlsx/xls/ods 工作簿、CSV）导入为 report.json（import a unit's tables as report.json）
    Import(ImportArgs),
    /// 打印输入格式的 JSON Schema（print the JSON Schema of an input format）
    Schema {
        /// report：report.json 的格式（report: the report.json contract）
        #[arg(value_enum)]
        what: SchemaOf,
    },
    /// 检查规则文件：错误与警告，按位置排列（check rule files: errors and warnings, by position）
    Check(CheckArgs),
    /// 把规则文件排成统一格式（lay rule files out the one canonical way）
    Fmt(FmtArgs),
    /// 规则修订对各报告得分的影响（what a policy change does to each report's scores）
    Diff(DiffArgs),
    /// 运行规则文件旁的测试用例（run the test cases kept next to the rule files）
    Test(TestArgs),
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum SchemaOf {
    Report,
}

#[derive(Args, Debug)]
struct ImportArgs {
    /// 单位填报的文件：.txt（从文档提取的表格文本）、.csv、.xlsx、.xls、.ods（the unit's file）
    file: PathBuf,
    /// 写入此文件（原子写入）；省略时输出到标准输出（write report.json here, atomically; stdout if omitted）
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// 有无法归入的内容时报错且不写出报告（fail, writing nothing, when anything cannot be placed）
    #[arg(long)]
    strict: bool,
    /// 单位名称，覆盖文件中的写法（the unit's name, over what the file says）
    #[arg(long)]
    unit: Option<String>,
    /// 年度，覆盖文件中的写法（the year, over what the file says）
    #[arg(long)]
    year: Option<i32>,
    /// 部门整体支出 或 项目支出，覆盖标题（the kind, over what the title says）
    #[arg(long)]
    kind: Option<String>,
    /// 项目名称（the project's name）
    #[arg(long)]
    project: Option<String>,
    /// 语言（language of the messages）
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    lang: Lang,
}

#[derive(Args, Debug)]
struct CheckArgs {
    /// 规则文件（rule files）
    #[arg(required = true)]
    rules: Vec<PathBuf>,
    /// 语言（language of the output）
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    lang: Lang,
    /// 颜色（colour）
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(Args, Debug)]
struct FmtArgs {
    /// 规则文件（rule files）
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// 只检查不改写：有未排好的文件时显示差异并以 3 退出（do not write: show the difference and exit 3 when a file is not formatted）
    #[arg(long)]
    check: bool,
    /// 语言（language of the output）
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    lang: Lang,
    /// 颜色（colour）
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(Args, Debug)]
struct DiffArgs {
    /// 原规则文件（the old rule file）
    old: PathBuf,
    /// 新规则文件（the new rule file）
    new: PathBuf,
    /// 报告（reports, in the report.json format）
    #[arg(required = true)]
    reports: Vec<PathBuf>,
    /// 输出格式（output format）
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    format: DiffFormat,
    /// 语言（language of the output）
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    lang: Lang,
    /// 颜色（colour）
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

/// What `diff` writes.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum DiffFormat {
    Human,
    Json,
}

#[derive(Args, Debug)]
struct TestArgs {
    /// 放测试用例（*.test.json）的文件夹，默认 rules（the folder of the test cases, *.test.json; rules by default）
    #[arg(default_value = "rules")]
    dir: PathBuf,
    /// 语言（language of the output）
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    lang: Lang,
    /// 颜色（colour）
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(Args, Debug)]
struct EvalArgs {
    /// 规则文件，如 rules/2021.pr（the rule file）
    rules: PathBuf,
    /// 报告（report.json 格式）、报告所在的文件夹，或 - 从标准输入读 JSON Lines（a report, a folder of reports, or - for JSON Lines on stdin）
    #[arg(required = true, value_name = "PATH")]
    reports: Vec<PathBuf>,
    /// 输出格式：human、json、csv、markdown、xlsx（须 -o）、html（output format; xlsx needs -o）
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// 写入此文件（原子写入）；省略时输出到标准输出，xlsx 必须指定（write here, atomically; stdout if omitted; required for xlsx）
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// 只输出汇总（print only the summary of the reports）
    #[arg(long)]
    summary: bool,
    /// CSV 每行一份报告或一项指标（one CSV row per report or per indicator）
    #[arg(long, value_enum, default_value_t = Per::Report)]
    per: Per,
    /// 并行线程数，默认为处理器核数（threads; default: the number of cores）
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// 不显示进度（no progress bar）
    #[arg(long, short = 'q')]
    quiet: bool,
    /// 语言（language of the output）
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    lang: Lang,
    /// 审核判定文件：在定性指标的档内设定得分并说明理由（an auditor's judgements, JSON）
    #[arg(long, value_name = "FILE")]
    judgements: Option<PathBuf>,
    /// 有此级别及以上的复核发现时以 3 退出，供 CI 使用（exit with 3 when findings of this severity or worse exist）
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// 颜色：auto 仅在终端且未设置 NO_COLOR 时着色（colour: auto colours only a terminal without NO_COLOR）
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Human,
    Json,
    Markdown,
    Xlsx,
    Html,
    /// 表格（UTF-8 with BOM, for Excel）
    Csv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Per {
    Report,
    Indicator,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FailOn {
    Error,
    Warning,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

impl Color {
    /// Whether to colour a stream.
    fn enabled(self, terminal: bool) -> bool {
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }
}

/// Runs the command line and returns the process's exit code.
pub fn main() -> std::process::ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    Exit::Scored
                }
                _ => Exit::Usage,
            }
            .into();
        }
    };
    let exit = match cli.command {
        Command::Eval(args) => match batch::single_report(&args) {
            Some(report) => eval::run(&args, &report),
            None => batch::run(&args),
        },
        Command::Import(args) => import::run(&args),
        Command::Schema {
            what: SchemaOf::Report,
        } => {
            print!("{}", crate::report::SCHEMA);
            Exit::Scored
        }
        Command::Check(args) => check::run(&args),
        Command::Fmt(args) => fmt::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Test(args) => test::run(&args),
    };
    exit.into()
}

fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal()
}
