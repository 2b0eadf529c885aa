//! Expressions, messages and strings as `perfrules fmt` writes them: operators spaced,
//! ASCII operators (`*` for `×`), parentheses only where the tree needs them.

use crate::syntax::ast::{
    BinaryOp, Expr, ExprKind, Literal, Message, MessagePart, PathStep, UnaryOp,
};

/// How tightly an operator binds (the grammar's Pratt table, loosest first).
fn precedence(expr: &Expr) -> u8 {
    match &expr.kind {
        ExprKind::Binary(op, _, _) => op.precedence(),
        ExprKind::Unary(UnaryOp::Not, _) => 3,
        ExprKind::Unary(UnaryOp::Neg, _) => 7,
        // `if … else x` reads as far right as it can: bracketed inside any operator
        ExprKind::If(..) => 0,
        _ => 8,
    }
}

/// The operator as the rule language writes it.
fn token(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Or => "or",
        BinaryOp::And => "and",
        BinaryOp::In => "in",
        BinaryOp::Eq => "==",
        BinaryOp::Ne => "!=",
        BinaryOp::Lt => "<",
        BinaryOp::Le => "<=",
        BinaryOp::Gt => ">",
        BinaryOp::Ge => ">=",
        BinaryOp::Add => "+",
        BinaryOp::Sub => "-",
        BinaryOp::Mul => "*",
        BinaryOp::Div => "/",
    }
}

/// An expression in canonical form.
pub fn expr(e: &Expr) -> String {
    let mut out = String::new();
    write(e, &mut out);
    out
}

fn wrapped(e: &Expr, parens: bool, out: &mut String) {
    if parens {
        out.push('(');
        write(e, out);
        out.push(')');
    } else {
        write(e, out);
    }
}

fn write(e: &Expr, out: &mut String) {
    match &e.kind {
        ExprKind::Literal(l) => out.push_str(&literal(l)),
        ExprKind::Text(t) => out.push_str(&string(t)),
        ExprKind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        ExprKind::Path(steps) => {
            for (i, step) in steps.iter().enumerate() {
                match step {
                    PathStep::Field(f) if i == 0 => out.push_str(&f.node),
                    PathStep::Field(f) => {
                        out.push('.');
                        out.push_str(&f.node);
                    }
                    PathStep::Key(k) => {
                        out.push('[');
                        out.push_str(&string(&k.node));
                        out.push(']');
                    }
                }
            }
        }
        ExprKind::Call { name, args } => {
            out.push_str(&name.node);
            out.push('(');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(a, out);
            }
            out.push(')');
        }
        ExprKind::Unary(UnaryOp::Not, operand) => {
            out.push_str("not ");
            wrapped(operand, precedence(operand) < 3, out);
        }
        ExprKind::Unary(UnaryOp::Neg, operand) => {
            out.push('-');
            wrapped(operand, precedence(operand) < 7, out);
        }
        ExprKind::Binary(op, l, r) => {
            let p = op.precedence();
            wrapped(l, precedence(l) < p, out);
            out.push(' ');
            out.push_str(token(*op));
            out.push(' ');
            wrapped(r, precedence(r) <= p, out);
        }
        ExprKind::If(c, a, b) => {
            out.push_str("if ");
            write(c, out);
            out.push_str(" then ");
            write(a, out);
            out.push_str(" else ");
            write(b, out);
        }
        ExprKind::List(items) => {
            out.push('(');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(item, out);
            }
            out.push(')');
        }
    }
}

/// A number of the rule file with its unit, its digits as written: `0.20`, `100%`, `14次`.
pub fn literal(l: &Literal) -> String {
    format!("{}{}", l.number.to_string_keep_scale(), l.unit)
}

/// A quoted string, escaped so that it reads back the same.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A check's message: text escaped, figures as `{expr}`.
pub fn message(m: &Message) -> String {
    let mut out = String::from("\"");
    for part in &m.parts {
        match part {
            MessagePart::Text(t) => {
                for c in t.chars() {
                    match c {
                        '"' => out.push_str("\\\""),
                        '\\' => out.push_str("\\\\"),
                        '{' => out.push_str("\\{"),
                        '\n' => out.push_str("\\n"),
                        '\t' => out.push_str("\\t"),
                        c => out.push(c),
                    }
                }
            }
            MessagePart::Expr(e) => {
                out.push('{');
                write(e, &mut out);
                out.push('}');
            }
        }
    }
    out.push('"');
    out
}
