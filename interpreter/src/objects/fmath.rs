//! The floating-point functions the object layer computes with (`**` on
//! floats, complex powers and absolute values): the platform C library's on
//! x86-64 (where CPython on the same machine calls exactly these, so results
//! match it to the bit), the pure-Rust `libm` crate elsewhere (i386 glibc
//! computes them on the x87 unit, whose extended precision rounds differently).
//!
//! Invariant: no state; every function is pure.

#[cfg(target_arch = "x86_64")]
mod imp {
    pub fn pow(x: f64, y: f64) -> f64 {
        x.powf(y)
    }
    pub fn hypot(x: f64, y: f64) -> f64 {
        x.hypot(y)
    }
    pub fn atan2(y: f64, x: f64) -> f64 {
        y.atan2(x)
    }
    pub fn exp(x: f64) -> f64 {
        x.exp()
    }
    pub fn log(x: f64) -> f64 {
        x.ln()
    }
    pub fn cos(x: f64) -> f64 {
        x.cos()
    }
    pub fn sin(x: f64) -> f64 {
        x.sin()
    }
}

#[cfg(not(target_arch = "x86_64"))]
mod imp {
    pub use libm::{atan2, cos, exp, hypot, log, pow, sin};
}

pub use imp::{atan2, cos, exp, hypot, log, pow, sin};
