//! The binary check of the register capture: the exact regression the
//! design's bug needed (link-time optimisation inlining the function that
//! copies the callee-saved registers onto the stack).
//!
//! For one ELF binary it proves, from the bytes alone:
//! 1. `gc_collect_regs_and_stack` is a defined function symbol;
//! 2. it is short, and among its first instructions it stores every
//!    callee-saved register (x86: ebx esi edi ebp; x64: rbx rbp r12–r15) to
//!    the stack — so it is the capture itself, not a wrapper around an inlined
//!    copy somewhere else;
//! 3. code elsewhere calls it — directly, or through a GOT slot that the
//!    dynamic relocations point at it — so the collector runs through it
//!    rather than through a copy.
//!
//! Invariant: the check decodes only; it never runs the binary, so it works
//! for either architecture on any host.

use iced_x86::{
    Decoder, DecoderOptions, FlowControl, Formatter, Instruction, IntelFormatter, Mnemonic, OpKind, Register,
};
use object::{Object, ObjectSection, ObjectSymbol, RelocationTarget, SectionKind, SymbolKind};
use std::collections::HashSet;
use std::path::Path;

pub const CAPTURE_SYMBOL: &str = "gc_collect_regs_and_stack";

/// At most this many instructions before the capture's `ret`.
const MAX_LEN: usize = 32;
/// The register stores must all be among this many first instructions.
const STORE_WINDOW: usize = 12;

#[derive(Clone, Debug, serde::Serialize)]
pub struct CaptureCheck {
    pub bitness: u32,
    pub address: u64,
    pub instructions: usize,
    /// Callee-saved registers not stored to the stack near the start.
    pub missing_stores: Vec<String>,
    pub direct_calls: usize,
    pub indirect_calls: usize,
    /// The first instructions, Intel syntax, for the report.
    pub listing: Vec<String>,
    pub problems: Vec<String>,
}

impl CaptureCheck {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }

    pub fn summary(&self) -> String {
        if self.ok() {
            format!(
                "{CAPTURE_SYMBOL} at {:#x}: {} instructions, stores all callee-saved registers, {} call site(s) ({} direct, {} via GOT)",
                self.address,
                self.instructions,
                self.direct_calls + self.indirect_calls,
                self.direct_calls,
                self.indirect_calls
            )
        } else {
            self.problems.join("; ")
        }
    }
}

fn callee_saved(bitness: u32) -> &'static [Register] {
    if bitness == 64 {
        &[Register::RBX, Register::RBP, Register::R12, Register::R13, Register::R14, Register::R15]
    } else {
        &[Register::EBX, Register::ESI, Register::EDI, Register::EBP]
    }
}

/// The register an instruction saves to the stack, if it is `push reg` or
/// `mov [esp/rsp + d], reg`.
fn saved_register(i: &Instruction) -> Option<Register> {
    match i.mnemonic() {
        Mnemonic::Push if i.op0_kind() == OpKind::Register => Some(i.op0_register()),
        Mnemonic::Mov
            if i.op0_kind() == OpKind::Memory
                && matches!(i.memory_base(), Register::RSP | Register::ESP)
                && i.op1_kind() == OpKind::Register =>
        {
            Some(i.op1_register())
        }
        _ => None,
    }
}

/// Checks one binary. `Err` when it cannot be read as an x86 ELF file at all.
pub fn check_file(path: &Path) -> Result<CaptureCheck, String> {
    let data = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    check_bytes(&data)
}

pub fn check_bytes(data: &[u8]) -> Result<CaptureCheck, String> {
    let file = object::File::parse(data).map_err(|e| format!("not an object file: {e}"))?;
    let bitness = match file.architecture() {
        object::Architecture::X86_64 => 64,
        object::Architecture::I386 => 32,
        a => return Err(format!("unsupported architecture {a:?}")),
    };
    let mut c = CaptureCheck {
        bitness,
        address: 0,
        instructions: 0,
        missing_stores: vec![],
        direct_calls: 0,
        indirect_calls: 0,
        listing: vec![],
        problems: vec![],
    };
    let sym = file.symbols().chain(file.dynamic_symbols()).find(|s| s.name() == Ok(CAPTURE_SYMBOL));
    let Some(sym) = sym else {
        c.problems.push(format!("no symbol {CAPTURE_SYMBOL}: the register capture was inlined or removed"));
        return Ok(c);
    };
    if !sym.is_definition() || sym.kind() != SymbolKind::Text {
        c.problems.push(format!("{CAPTURE_SYMBOL} is not a defined function (kind {:?})", sym.kind()));
        return Ok(c);
    }
    c.address = sym.address();
    let Some(code) = bytes_at(&file, c.address) else {
        c.problems.push(format!("{CAPTURE_SYMBOL} at {:#x} lies in no section with contents", c.address));
        return Ok(c);
    };

    // The function itself: decode to the first `ret`.
    let mut dec = Decoder::with_ip(bitness, code, c.address, DecoderOptions::NONE);
    let mut fmt = IntelFormatter::new();
    let mut saved = HashSet::new();
    let mut ended = false;
    while dec.can_decode() && c.instructions < MAX_LEN {
        let i = dec.decode();
        c.instructions += 1;
        if c.instructions <= STORE_WINDOW {
            if let Some(r) = saved_register(&i) {
                saved.insert(r);
            }
        }
        let mut s = String::new();
        fmt.format(&i, &mut s);
        c.listing.push(format!("{:#x}: {s}", i.ip()));
        if i.flow_control() == FlowControl::Return {
            ended = true;
            break;
        }
    }
    if !ended {
        c.problems
            .push(format!("{CAPTURE_SYMBOL} has no ret within {MAX_LEN} instructions: not the short capture function"));
    }
    for r in callee_saved(bitness) {
        if !saved.contains(r) {
            c.missing_stores.push(format!("{r:?}").to_lowercase());
        }
    }
    if !c.missing_stores.is_empty() {
        c.problems.push(format!(
            "{CAPTURE_SYMBOL} does not store {} to the stack in its first {STORE_WINDOW} instructions",
            c.missing_stores.join(", ")
        ));
    }

    // Call sites, in every executable section.
    let slots = got_slots(&file, c.address, bitness);
    for sec in file.sections().filter(|s| s.kind() == SectionKind::Text) {
        let Ok(bytes) = sec.data() else { continue };
        let mut dec = Decoder::with_ip(bitness, bytes, sec.address(), DecoderOptions::NONE);
        let mut i = Instruction::default();
        while dec.can_decode() {
            dec.decode_out(&mut i);
            if !matches!(
                i.flow_control(),
                FlowControl::Call
                    | FlowControl::IndirectCall
                    | FlowControl::UnconditionalBranch
                    | FlowControl::IndirectBranch
            ) {
                continue;
            }
            if i.ip() >= c.address && i.ip() < c.address + c.instructions as u64 * 16 {
                continue;
            }
            match i.op0_kind() {
                OpKind::NearBranch64 | OpKind::NearBranch32 if i.near_branch_target() == c.address => {
                    c.direct_calls += 1
                }
                OpKind::Memory => {
                    let slot = if i.is_ip_rel_memory_operand() {
                        Some(i.ip_rel_memory_address())
                    } else if i.memory_base() == Register::None && i.memory_index() == Register::None {
                        Some(i.memory_displacement64())
                    } else {
                        None
                    };
                    if slot.is_some_and(|s| slots.contains(&s)) {
                        c.indirect_calls += 1;
                    }
                }
                _ => {}
            }
        }
    }
    if c.direct_calls + c.indirect_calls == 0 {
        c.problems
            .push(format!("nothing calls {CAPTURE_SYMBOL}: the collector carries its own (inlined) register capture"));
    }
    Ok(c)
}

/// The file's bytes from virtual address `addr` to the end of its section.
fn bytes_at<'d>(file: &object::File<'d>, addr: u64) -> Option<&'d [u8]> {
    file.sections().find_map(|s| {
        let (a, n) = (s.address(), s.size());
        if addr >= a && addr < a + n {
            s.data().ok().and_then(|d| d.get((addr - a) as usize..))
        } else {
            None
        }
    })
}

/// Addresses of pointer slots that the dynamic loader fills with `target`:
/// relative relocations whose addend is `target` (explicit, or the slot's
/// current contents for REL), and symbol relocations naming the capture.
fn got_slots(file: &object::File, target: u64, bitness: u32) -> HashSet<u64> {
    let mut slots = HashSet::new();
    let Some(relocs) = file.dynamic_relocations() else { return slots };
    for (at, r) in relocs {
        let to_capture = match r.target() {
            RelocationTarget::Symbol(idx) => {
                file.symbol_by_index(idx).ok().is_some_and(|s| s.name() == Ok(CAPTURE_SYMBOL))
            }
            RelocationTarget::Absolute => {
                let addend = if r.has_implicit_addend() {
                    let w = (bitness / 8) as usize;
                    bytes_at(file, at).and_then(|b| b.get(..w)).map(|b| {
                        let mut v = [0u8; 8];
                        v[..w].copy_from_slice(b);
                        u64::from_le_bytes(v)
                    })
                } else {
                    Some(r.addend() as u64)
                };
                addend == Some(target)
            }
            _ => false,
        };
        if to_capture {
            slots.insert(at);
        }
    }
    slots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_non_object_is_an_error() {
        assert!(check_bytes(b"not an elf file").is_err());
    }

    #[test]
    fn recognises_saves() {
        // mov [rsp+8], rbp ; push rbx ; mov [rax], rbx
        let code = [0x48, 0x89, 0x6c, 0x24, 0x08, 0x53, 0x48, 0x89, 0x18];
        let mut d = Decoder::with_ip(64, &code, 0, DecoderOptions::NONE);
        assert_eq!(saved_register(&d.decode()), Some(Register::RBP));
        assert_eq!(saved_register(&d.decode()), Some(Register::RBX));
        assert_eq!(saved_register(&d.decode()), None);
    }

    #[test]
    fn the_harness_itself_has_no_capture() {
        // Any ELF binary of ours without the symbol fails with a clear reason.
        let exe = std::env::current_exe().unwrap();
        let c = check_file(&exe).unwrap();
        assert!(!c.ok());
        assert!(c.problems[0].contains("no symbol"), "{:?}", c.problems);
    }
}
