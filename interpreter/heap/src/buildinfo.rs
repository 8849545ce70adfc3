//! Facts about the running executable recorded in every dump: its GNU build id,
//! its path and its load address, so the analyzer can find the binary and map
//! words that point into it back to symbols. Read once, when the first heap is
//! created; read without locking afterwards (the signal path needs that).

use crate::text::FixedStr;
use std::sync::OnceLock;

pub struct BuildInfo {
    pub build_id: FixedStr<80>,
    pub exe: FixedStr<512>,
    pub load_addr: usize,
}

static INFO: OnceLock<BuildInfo> = OnceLock::new();

pub fn get() -> Option<&'static BuildInfo> {
    INFO.get()
}

pub(crate) fn init() {
    INFO.get_or_init(|| {
        let mut info = BuildInfo { build_id: FixedStr::new(), exe: FixedStr::new(), load_addr: 0 };
        if let Ok(p) = std::fs::read_link("/proc/self/exe") {
            info.exe.push_lossy(p.as_os_str().as_encoded_bytes());
        }
        // SAFETY: dl_iterate_phdr calls back with valid program headers; the
        // callback only reads them and writes through `data`, our BuildInfo.
        unsafe { libc::dl_iterate_phdr(Some(callback), &mut info as *mut BuildInfo as *mut libc::c_void) };
        info
    });
}

unsafe extern "C" fn callback(
    info: *mut libc::dl_phdr_info,
    _size: libc::size_t,
    data: *mut libc::c_void,
) -> libc::c_int {
    // SAFETY: the loader guarantees `info` and its phdr array are valid during
    // the callback; `data` is the BuildInfo passed by init. The first object is
    // the main program; notes are read within their segment's bounds.
    unsafe {
        let out = &mut *(data as *mut BuildInfo);
        let info = &*info;
        out.load_addr = info.dlpi_addr as usize;
        let phdrs = core::slice::from_raw_parts(info.dlpi_phdr, info.dlpi_phnum as usize);
        for ph in phdrs {
            if ph.p_type != libc::PT_NOTE {
                continue;
            }
            let mut p = (info.dlpi_addr as usize + ph.p_vaddr as usize) as *const u8;
            let end = p.add(ph.p_memsz as usize);
            while p.add(12) <= end {
                let namesz = (p as *const u32).read_unaligned() as usize;
                let descsz = (p.add(4) as *const u32).read_unaligned() as usize;
                let ntype = (p.add(8) as *const u32).read_unaligned();
                let name = p.add(12);
                let desc = name.add(namesz.div_ceil(4) * 4);
                let next = desc.add(descsz.div_ceil(4) * 4);
                if next > end {
                    break;
                }
                if ntype == 3 && namesz == 4 && core::slice::from_raw_parts(name, 4) == b"GNU\0" {
                    for &b in core::slice::from_raw_parts(desc, descsz) {
                        const HEX: &[u8; 16] = b"0123456789abcdef";
                        let pair = [HEX[(b >> 4) as usize], HEX[(b & 15) as usize]];
                        out.build_id.push_lossy(&pair);
                    }
                    return 1;
                }
                p = next;
            }
        }
        1 // only the main program matters
    }
}
