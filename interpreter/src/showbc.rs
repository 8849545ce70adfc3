//! The disassembler: a code object (and the code objects in its constants)
//! as text, one instruction a line with its offset, source line and decoded
//! operand, then the handler table and the constants.
//!
//! Invariant: reads only; tolerant of any bytes (truncated operands and
//! unknown opcodes are printed, never a panic), so it can also be pointed at
//! a damaged code object from a heap dump.

use crate::emit::bytecode::{read_uvarint, unzigzag, Fmt, Op};
use crate::obj::{self, flags, Code};
use crate::qstr::{Qstr, QstrPool};
use crate::value::Value;
use core::fmt::{self, Write};

/// Writes the disassembly of `code` and of every code object nested in it.
pub fn disassemble(out: &mut dyn Write, qs: &QstrPool, code: Value) -> fmt::Result {
    let Some(c) = Code::from_value(code) else {
        return writeln!(out, "<not a code object>");
    };
    one(out, qs, c)?;
    for &k in c.consts() {
        if Code::from_value(k).is_some() {
            writeln!(out)?;
            disassemble(out, qs, k)?;
        }
    }
    Ok(())
}

fn flag_names(f: u16) -> impl fmt::Display {
    struct F(u16);
    impl fmt::Display for F {
        fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
            let names = [
                (flags::VARARGS, "VARARGS"),
                (flags::VARKEYWORDS, "VARKEYWORDS"),
                (flags::GENERATOR, "GENERATOR"),
                (flags::COROUTINE, "COROUTINE"),
                (flags::ASYNC_GENERATOR, "ASYNC_GENERATOR"),
                (flags::NAMESPACE, "NAMESPACE"),
                (flags::CLASS_BODY, "CLASS_BODY"),
                (flags::NESTED, "NESTED"),
            ];
            let mut first = true;
            for (bit, name) in names {
                if self.0 & bit != 0 {
                    if !first {
                        out.write_str("|")?;
                    }
                    out.write_str(name)?;
                    first = false;
                }
            }
            if first {
                out.write_str("-")?;
            }
            Ok(())
        }
    }
    F(f)
}

fn one(out: &mut dyn Write, qs: &QstrPool, c: Code) -> fmt::Result {
    let h = c.header();
    writeln!(
        out,
        "code {} ({}) file \"{}\" line {}",
        qs.str(Qstr(h.qualname)),
        qs.str(Qstr(h.name)),
        qs.str(Qstr(h.filename)),
        h.first_line
    )?;
    writeln!(
        out,
        "  args {} posonly {} kwonly {} locals {} free {} stack {} flags {}",
        h.argcount,
        h.posonly,
        h.kwonly,
        h.n_locals,
        h.n_free,
        h.stack_size,
        flag_names(h.flags)
    )?;
    if !c.varnames().is_empty() {
        out.write_str("  slots")?;
        for (i, v) in c.varnames().iter().enumerate() {
            write!(out, " {}:{}", i, v.as_qstr().map(|q| qs.str(q)).unwrap_or("?"))?;
        }
        out.write_str("\n")?;
    }
    if !c.cells().is_empty() {
        out.write_str("  cells")?;
        for s in c.cells() {
            write!(out, " {s}")?;
        }
        out.write_str("\n")?;
    }
    let code = c.code();
    let mut i = 0usize;
    let mut last_line = 0;
    // Walk the line table alongside the code (line_of per instruction would
    // be quadratic in the code length).
    let table = c.lines();
    let (mut t, mut line, mut next_off) = (0usize, h.first_line as i64, 0u32);
    let advance = |t: &mut usize, next_off: &mut u32| -> Option<i64> {
        if *t >= table.len() {
            *next_off = u32::MAX;
            return None;
        }
        let (d_off, n1) = read_uvarint(table, *t);
        let (d_line, n2) = read_uvarint(table, *t + n1);
        *t += n1 + n2;
        *next_off = next_off.saturating_add(d_off);
        Some(unzigzag(d_line))
    };
    let mut pending = advance(&mut t, &mut next_off);
    while i < code.len() {
        while pending.is_some() && next_off <= i as u32 {
            line += pending.unwrap_or(0);
            pending = advance(&mut t, &mut next_off);
        }
        let line = line as u32;
        if line != last_line {
            write!(out, "  {:>5} ", line)?;
            last_line = line;
        } else {
            out.write_str("        ")?;
        }
        let Some(op) = Op::from_u8(code[i]) else {
            writeln!(out, "{:>5} <bad opcode {}>", i, code[i])?;
            i += 1;
            continue;
        };
        write!(out, "{:>5} {}", i, op.name())?;
        i += 1;
        match op.fmt() {
            Fmt::None => {}
            Fmt::J => {
                let mut b = [0u8; 4];
                for (k, slot) in b.iter_mut().enumerate() {
                    *slot = code.get(i + k).copied().unwrap_or(0);
                }
                i += 4;
                write!(out, " -> {}", u32::from_le_bytes(b))?;
            }
            Fmt::UU => {
                let (a, n1) = read_uvarint(code, i);
                let (b, n2) = read_uvarint(code, i + n1);
                i += n1 + n2;
                write!(out, " {a} {b}")?;
            }
            fmtk => {
                let (a, n) = read_uvarint(code, i);
                i += n;
                match fmtk {
                    Fmt::S => write!(out, " {}", unzigzag(a))?,
                    Fmt::Q => write!(out, " {}", qs.str(Qstr(a)))?,
                    Fmt::C => {
                        write!(out, " {} (", a)?;
                        match c.consts().get(a as usize) {
                            Some(&v) => const_repr(out, qs, v)?,
                            None => out.write_str("?")?,
                        }
                        out.write_str(")")?;
                    }
                    Fmt::L => {
                        let name =
                            c.varnames().get(a as usize).and_then(|v| v.as_qstr()).map(|q| qs.str(q)).unwrap_or("?");
                        write!(out, " {a} ({name})")?;
                    }
                    _ => write!(out, " {a}")?,
                }
            }
        }
        out.write_str("\n")?;
    }
    if !c.handlers().is_empty() {
        out.write_str("  handlers\n")?;
        for e in c.handlers() {
            writeln!(out, "    {} to {} -> {} depth {}", e.start, e.end, e.handler, e.depth)?;
        }
    }
    if !c.consts().is_empty() {
        out.write_str("  consts\n")?;
        for (k, &v) in c.consts().iter().enumerate() {
            write!(out, "    {k}: ")?;
            const_repr(out, qs, v)?;
            out.write_str("\n")?;
        }
    }
    Ok(())
}

fn str_repr(out: &mut dyn Write, s: &[u8], bytes: bool) -> fmt::Result {
    let quote = if s.contains(&b'\'') && !s.contains(&b'"') { '"' } else { '\'' };
    if bytes {
        out.write_str("b")?;
    }
    out.write_char(quote)?;
    let text = core::str::from_utf8(s).ok().filter(|_| !bytes);
    match text {
        Some(t) => {
            for ch in t.chars() {
                match ch {
                    '\\' => out.write_str("\\\\")?,
                    '\n' => out.write_str("\\n")?,
                    '\r' => out.write_str("\\r")?,
                    '\t' => out.write_str("\\t")?,
                    c if c == quote => write!(out, "\\{c}")?,
                    c if (c as u32) < 0x20 || c as u32 == 0x7f => write!(out, "\\x{:02x}", c as u32)?,
                    c => out.write_char(c)?,
                }
            }
        }
        None => {
            for &b in s {
                match b {
                    b'\\' => out.write_str("\\\\")?,
                    b'\n' => out.write_str("\\n")?,
                    b'\r' => out.write_str("\\r")?,
                    b'\t' => out.write_str("\\t")?,
                    b if b as char == quote => write!(out, "\\{}", b as char)?,
                    0x20..=0x7e => out.write_char(b as char)?,
                    b => write!(out, "\\x{b:02x}")?,
                }
            }
        }
    }
    out.write_char(quote)
}

/// A constant as Python would show it (big ints in hexadecimal).
pub fn const_repr(out: &mut dyn Write, qs: &QstrPool, v: Value) -> fmt::Result {
    if let Some(i) = v.as_small_int() {
        return write!(out, "{i}");
    }
    if let Some(q) = v.as_qstr() {
        return str_repr(out, qs.get(q), false);
    }
    match v {
        Value::NONE => return out.write_str("None"),
        Value::TRUE => return out.write_str("True"),
        Value::FALSE => return out.write_str("False"),
        Value::ELLIPSIS => return out.write_str("Ellipsis"),
        _ => {}
    }
    if let Some(c) = Code::from_value(v) {
        return write!(out, "<code {}>", qs.str(Qstr(c.header().qualname)));
    }
    if let Some((neg, limbs)) = obj::int_of(v) {
        out.write_str(if neg { "-0x" } else { "0x" })?;
        let mut first = true;
        for &l in limbs.iter().rev() {
            if first {
                write!(out, "{l:x}")?;
                first = false;
            } else {
                write!(out, "{l:08x}")?;
            }
        }
        if first {
            out.write_str("0")?;
        }
        return Ok(());
    }
    if let Some((complex, f)) = obj::float_of(v) {
        write!(out, "{f:?}")?;
        return if complex { out.write_str("j") } else { Ok(()) };
    }
    if let Some(t) = obj::type_of(v) {
        if let Some(b) = obj::bytes_of(v) {
            return str_repr(out, b, core::ptr::eq(t, &obj::CONST_BYTES_TYPE));
        }
    }
    write!(out, "<{:?}>", v)
}
