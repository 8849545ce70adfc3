//! `time`: CPython's clocks (time, time_ns, monotonic, monotonic_ns,
//! perf_counter, perf_counter_ns, process_time), sleep, gmtime, localtime,
//! mktime, strftime, asctime and ctime, plus MicroPython's sleep_ms, sleep_us, ticks_ms,
//! ticks_us, ticks_cpu, ticks_add and ticks_diff.
//!
//! Broken-down times are `time.struct_time`s (see `structseq`): the nine
//! fields (year, month, day, hour, minute, second, weekday with Monday 0,
//! day of the year from 1, isdst) as a tuple and as tm_* attributes, plus
//! tm_zone and tm_gmtoff. `gmtime` is computed here
//! (proleptic Gregorian calendar), `localtime`/`mktime` ask the C library.
//! MicroPython's ticks wrap at 2**30 on every architecture. No state.

// The C types (time_t, off_t, ...) are 32 bits on i686 and 64 on x86-64:
// casts that are no-ops on one are needed on the other.
#![allow(clippy::unnecessary_cast, clippy::useless_conversion)]

use super::{structseq, ModuleDef};
use crate::objects::{float, int, str as pstr, tuple, OrMem};
use crate::value::Value;
use crate::vm::{ops, PResult, Rt};
use upy_heap::GcVec;

pub static DEF: ModuleDef = ModuleDef { name: "time", init };

crate::methods! { FNS:
    TIME = "time", time, Static;
    TIME_NS = "time_ns", time_ns, Static;
    MONOTONIC = "monotonic", monotonic, Static;
    MONOTONIC_NS = "monotonic_ns", monotonic_ns, Static;
    PERF_COUNTER = "perf_counter", monotonic, Static;
    PERF_COUNTER_NS = "perf_counter_ns", monotonic_ns, Static;
    PROCESS_TIME = "process_time", process_time, Static;
    SLEEP = "sleep", sleep, Static;
    SLEEP_MS = "sleep_ms", sleep_ms, Static;
    SLEEP_US = "sleep_us", sleep_us, Static;
    TICKS_MS = "ticks_ms", ticks_ms, Static;
    TICKS_US = "ticks_us", ticks_us, Static;
    TICKS_CPU = "ticks_cpu", ticks_us, Static;
    TICKS_ADD = "ticks_add", ticks_add, Static;
    TICKS_DIFF = "ticks_diff", ticks_diff, Static;
    GMTIME = "gmtime", gmtime, Static;
    LOCALTIME = "localtime", localtime, Static;
    MKTIME = "mktime", mktime, Static;
    STRFTIME = "strftime", strftime, Static;
    ASCTIME = "asctime", asctime, Static;
    CTIME = "ctime", ctime, Static;
}

/// MicroPython's ticks period (2**30: small ints on every port).
const TICKS_PERIOD: i64 = 1 << 30;

const FIELDS: [&str; 9] =
    ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"];

fn init(rt: &mut Rt, d: Value) -> PResult<()> {
    super::add_fns(rt, d, FNS)?;
    let c = structseq::make_class(rt, "time", "struct_time", &FIELDS)?;
    super::set(rt, d, "struct_time", c)
}

fn no_args(rt: &Rt, name: &str, a: &[Value]) -> PResult<()> {
    if a.is_empty() {
        Ok(())
    } else {
        Err(rt.type_error(format_args!("time.{name}() takes no arguments ({} given)", a.len())))
    }
}

/// Nanoseconds on a C library clock.
fn clock_ns(clock: libc::clockid_t) -> i64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec for the call's duration.
    unsafe { libc::clock_gettime(clock, &mut ts) };
    ts.tv_sec as i64 * 1_000_000_000 + ts.tv_nsec as i64
}

fn time(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    no_args(rt, "time", a)?;
    float::new(rt, clock_ns(libc::CLOCK_REALTIME) as f64 / 1e9)
}
fn time_ns(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    no_args(rt, "time_ns", a)?;
    int::from_i64(rt, clock_ns(libc::CLOCK_REALTIME))
}
fn monotonic(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    no_args(rt, "monotonic", a)?;
    float::new(rt, clock_ns(libc::CLOCK_MONOTONIC) as f64 / 1e9)
}
fn monotonic_ns(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    no_args(rt, "monotonic_ns", a)?;
    int::from_i64(rt, clock_ns(libc::CLOCK_MONOTONIC))
}
fn process_time(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    no_args(rt, "process_time", a)?;
    float::new(rt, clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID) as f64 / 1e9)
}

fn sleep_for(secs: f64) {
    if secs > 0.0 {
        std::thread::sleep(std::time::Duration::from_secs_f64(secs.min(9.2e9)));
    }
}

fn sleep(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 1 {
        return Err(rt.type_error(format_args!("time.sleep() takes exactly one argument ({} given)", a.len())));
    }
    let s = if float::is_float(a[0]) || int::is_int(a[0]) {
        super::math::to_f(rt, a[0])?
    } else {
        let tn = ops::type_name(rt, a[0]);
        return Err(rt.type_error(format_args!("'{tn}' object cannot be interpreted as an integer")));
    };
    if s.is_nan() {
        return Err(rt.value_error(format_args!("Invalid value NaN (not a number)")));
    }
    if s < 0.0 {
        return Err(rt.value_error(format_args!("sleep length must be non-negative")));
    }
    if s * 1e9 >= 9.2e18 {
        return Err(rt.overflow_error(format_args!("timestamp out of range for platform time_t")));
    }
    sleep_for(s);
    Ok(Value::NONE)
}

fn sleep_ms(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let n = one_int(rt, "sleep_ms", a)?;
    sleep_for(n.max(0) as f64 / 1e3);
    Ok(Value::NONE)
}
fn sleep_us(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let n = one_int(rt, "sleep_us", a)?;
    sleep_for(n.max(0) as f64 / 1e6);
    Ok(Value::NONE)
}

fn one_int(rt: &mut Rt, name: &str, a: &[Value]) -> PResult<i64> {
    if a.len() != 1 {
        return Err(rt.type_error(format_args!("{name}() takes exactly one argument ({} given)", a.len())));
    }
    Ok(ops::to_index(rt, a[0])? as i64)
}

fn ticks(rt: &Rt, div: i64) -> PResult<Value> {
    int::from_i64(rt, (clock_ns(libc::CLOCK_MONOTONIC) / div) & (TICKS_PERIOD - 1))
}
fn ticks_ms(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    no_args(rt, "ticks_ms", a)?;
    ticks(rt, 1_000_000)
}
fn ticks_us(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    no_args(rt, "ticks_us", a)?;
    ticks(rt, 1_000)
}

fn two_ints(rt: &mut Rt, name: &str, a: &[Value]) -> PResult<(i64, i64)> {
    if a.len() != 2 {
        return Err(rt.type_error(format_args!("{name}() takes exactly 2 arguments ({} given)", a.len())));
    }
    Ok((ops::to_index(rt, a[0])? as i64, ops::to_index(rt, a[1])? as i64))
}

fn ticks_add(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let (t, d) = two_ints(rt, "ticks_add", a)?;
    int::from_i64(rt, t.wrapping_add(d) & (TICKS_PERIOD - 1))
}

/// The signed difference `a - b` of two tick values, across a wrap.
fn ticks_diff(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let (x, y) = two_ints(rt, "ticks_diff", a)?;
    let half = TICKS_PERIOD / 2;
    int::from_i64(rt, ((x.wrapping_sub(y).wrapping_add(half)) & (TICKS_PERIOD - 1)) - half)
}

// ---- calendar ----

/// (year, month, day) of a day number counted from 1970-01-01.
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + (m <= 2) as i64, m, d)
}

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

fn day_of_year(y: i64, m: i64, d: i64) -> i64 {
    const CUM: [i64; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    CUM[(m - 1) as usize] + d + (m > 2 && is_leap(y)) as i64
}

/// The broken-down UTC time of `secs` since the epoch.
fn utc_fields(secs: i64) -> [i64; 9] {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil(days);
    let wday = (days + 3).rem_euclid(7);
    [y, m, d, rem / 3600, rem % 3600 / 60, rem % 60, wday, day_of_year(y, m, d), 0]
}

/// A `time.struct_time` of the nine fields, with its zone and UTC offset.
fn struct_time(rt: &mut Rt, f: &[i64; 9], zone: &[u8], gmtoff: i64) -> PResult<Value> {
    let mut v = [Value::NONE; 9];
    for (i, x) in f.iter().enumerate() {
        v[i] = int::from_i64(rt, *x)?;
    }
    let z = pstr::new(rt, zone)?;
    let off = int::from_i64(rt, gmtoff)?;
    let c = structseq::class_in(rt, "time", "struct_time")?;
    structseq::new(rt, c, &v, &[("tm_zone", z), ("tm_gmtoff", off)])
}

/// The seconds argument of gmtime/localtime (None or absent: now).
fn secs_arg(rt: &mut Rt, a: &[Value], name: &str) -> PResult<i64> {
    if a.len() > 1 {
        return Err(rt.type_error(format_args!("{name}() takes at most 1 argument ({} given)", a.len())));
    }
    match a.first() {
        None => Ok(clock_ns(libc::CLOCK_REALTIME).div_euclid(1_000_000_000)),
        Some(&v) if v == Value::NONE => Ok(clock_ns(libc::CLOCK_REALTIME).div_euclid(1_000_000_000)),
        Some(&v) => {
            if !float::is_float(v) && !int::is_int(v) {
                let tn = ops::type_name(rt, v);
                return Err(rt.type_error(format_args!("'{tn}' object cannot be interpreted as an integer")));
            }
            let f = super::math::to_f(rt, v)?;
            if f.is_nan() {
                return Err(rt.value_error(format_args!("Invalid value NaN (not a number)")));
            }
            // CPython rounds toward negative infinity (ROUND_FLOOR).
            let s = f.floor();
            if s.abs() >= 9.2e18 {
                return Err(rt.overflow_error(format_args!("timestamp out of range for platform time_t")));
            }
            Ok(s as i64)
        }
    }
}

fn gmtime(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let s = secs_arg(rt, a, "gmtime")?;
    let f = utc_fields(s);
    if f[0] > i32::MAX as i64 + 1900 || f[0] < i32::MIN as i64 + 1900 {
        return Err(super::os::os_error(rt, libc::EOVERFLOW, Value::NONE, Value::NONE));
    }
    struct_time(rt, &f, b"GMT", 0)
}

fn localtime(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let s = secs_arg(rt, a, "localtime")?;
    if s < i64::from(libc::time_t::MIN) || s > i64::from(libc::time_t::MAX) {
        return Err(rt.overflow_error(format_args!("timestamp out of range for platform time_t")));
    }
    let t = s as libc::time_t;
    // SAFETY: an all-zero `tm` is a valid value of the plain C struct.
    let mut tm: libc::tm = unsafe { core::mem::zeroed() };
    // SAFETY: both pointers are valid for the call; localtime_r is reentrant.
    let r = unsafe { libc::localtime_r(&t, &mut tm) };
    if r.is_null() {
        return Err(rt.overflow_error(format_args!("timestamp out of range for platform time_t")));
    }
    let f = [
        tm.tm_year as i64 + 1900,
        tm.tm_mon as i64 + 1,
        tm.tm_mday as i64,
        tm.tm_hour as i64,
        tm.tm_min as i64,
        tm.tm_sec as i64,
        (tm.tm_wday as i64 + 6) % 7,
        tm.tm_yday as i64 + 1,
        tm.tm_isdst.signum() as i64,
    ];
    let zone = if tm.tm_zone.is_null() {
        &b""[..]
    } else {
        // SAFETY: localtime_r set tm_zone to a NUL-terminated string that
        // lives as long as the time zone data.
        unsafe { core::ffi::CStr::from_ptr(tm.tm_zone) }.to_bytes()
    };
    let mut zb: GcVec<u8> = GcVec::new();
    zb.extend_from_slice(zone).or_mem(rt)?;
    struct_time(rt, &f, &zb, tm.tm_gmtoff as i64)
}

/// The nine fields of a time tuple argument.
fn tuple_fields(rt: &mut Rt, v: Value, name: &str) -> PResult<[i64; 9]> {
    let Some(t) = structseq::values(rt, v)? else {
        return Err(rt.type_error(format_args!("Tuple or struct_time argument required")));
    };
    let items = tuple::items(t);
    if items.len() != 9 {
        return Err(rt.type_error(format_args!("{name}(): illegal time tuple argument")));
    }
    let mut f = [0i64; 9];
    for i in 0..9 {
        f[i] = ops::to_index(rt, items[i])? as i64;
    }
    Ok(f)
}

fn mktime(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 1 {
        return Err(rt.type_error(format_args!("time.mktime() takes exactly one argument ({} given)", a.len())));
    }
    let f = tuple_fields(rt, a[0], "mktime")?;
    // SAFETY: an all-zero `tm` is a valid value of the plain C struct.
    let mut tm: libc::tm = unsafe { core::mem::zeroed() };
    tm.tm_year = (f[0] - 1900) as libc::c_int;
    tm.tm_mon = (f[1] - 1) as libc::c_int;
    tm.tm_mday = f[2] as libc::c_int;
    tm.tm_hour = f[3] as libc::c_int;
    tm.tm_min = f[4] as libc::c_int;
    tm.tm_sec = f[5] as libc::c_int;
    tm.tm_isdst = f[8] as libc::c_int;
    tm.tm_wday = -1;
    // SAFETY: `tm` is valid and writable for the call.
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(rt.overflow_error(format_args!("mktime argument out of range")));
    }
    float::new(rt, t as f64)
}

const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `strftime(format[, t])` for the C locale's directives.
fn strftime(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.is_empty() || a.len() > 2 {
        return Err(rt.type_error(format_args!("strftime() takes at most 2 arguments ({} given)", a.len())));
    }
    if !pstr::is_str(a[0]) {
        let tn = ops::type_name(rt, a[0]);
        return Err(rt.type_error(format_args!("strftime() argument 1 must be str, not {tn}")));
    }
    let f = if a.len() == 2 {
        tuple_fields(rt, a[1], "strftime")?
    } else {
        let t = localtime(rt, &[], &[])?;
        tuple_fields(rt, t, "strftime")?
    };
    if !(1..=12).contains(&f[1]) {
        return Err(rt.value_error(format_args!("month out of range")));
    }
    if !(0..=6).contains(&f[6]) {
        return Err(rt.value_error(format_args!("day of week out of range")));
    }
    let mut fmt: GcVec<u8> = GcVec::new();
    fmt.extend_from_slice(pstr::bytes_of(rt, a[0]).unwrap_or(b"")).or_mem(rt)?;
    let mut out: GcVec<u8> = GcVec::new();
    let mut i = 0;
    let mut w = crate::vm::GcWriter(&mut out, false);
    use core::fmt::Write as _;
    let (day, month) = (DAYS[f[6] as usize], MONTHS[(f[1] - 1) as usize]);
    while i < fmt.len() {
        let c = fmt[i];
        if c != b'%' || i + 1 == fmt.len() {
            if w.0.push(c).is_err() {
                w.1 = true;
            }
            i += 1;
            continue;
        }
        let d = fmt[i + 1];
        i += 2;
        let hour12 = if f[3] % 12 == 0 { 12 } else { f[3] % 12 };
        let _ = match d {
            b'Y' => write!(w, "{}", f[0]),
            b'y' => write!(w, "{:02}", f[0].rem_euclid(100)),
            b'm' => write!(w, "{:02}", f[1]),
            b'd' => write!(w, "{:02}", f[2]),
            b'H' => write!(w, "{:02}", f[3]),
            b'I' => write!(w, "{:02}", hour12),
            b'M' => write!(w, "{:02}", f[4]),
            b'S' => write!(w, "{:02}", f[5]),
            b'j' => write!(w, "{:03}", f[7]),
            b'w' => write!(w, "{}", (f[6] + 1) % 7),
            b'u' => write!(w, "{}", f[6] + 1),
            b'a' => w.write_str(&day[..3]),
            b'A' => w.write_str(day),
            b'b' | b'h' => w.write_str(&month[..3]),
            b'B' => w.write_str(month),
            b'p' => w.write_str(if f[3] < 12 { "AM" } else { "PM" }),
            b'e' => write!(w, "{:2}", f[2]),
            b'D' => write!(w, "{:02}/{:02}/{:02}", f[1], f[2], f[0].rem_euclid(100)),
            b'F' => write!(w, "{}-{:02}-{:02}", f[0], f[1], f[2]),
            b'T' => write!(w, "{:02}:{:02}:{:02}", f[3], f[4], f[5]),
            b'R' => write!(w, "{:02}:{:02}", f[3], f[4]),
            b'c' => write!(w, "{} {} {:2} {:02}:{:02}:{:02} {}", &day[..3], &month[..3], f[2], f[3], f[4], f[5], f[0]),
            b'x' => write!(w, "{:02}/{:02}/{:02}", f[1], f[2], f[0].rem_euclid(100)),
            b'X' => write!(w, "{:02}:{:02}:{:02}", f[3], f[4], f[5]),
            b'n' => w.write_char('\n'),
            b't' => w.write_char('\t'),
            b'%' => w.write_char('%'),
            other => {
                let _ = w.write_char('%');
                w.write_char(other as char)
            }
        };
    }
    if w.1 {
        return Err(rt.memory_error());
    }
    pstr::new(rt, &out)
}

/// `asctime([t])`: "Thu Jan  1 00:00:00 1970".
fn asctime(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() > 1 {
        return Err(rt.type_error(format_args!("asctime() takes at most 1 argument ({} given)", a.len())));
    }
    let t = match a.first() {
        Some(&t) => t,
        None => localtime(rt, &[], &[])?,
    };
    let f = tuple_fields(rt, t, "asctime")?;
    if !(1..=12).contains(&f[1]) {
        return Err(rt.value_error(format_args!("month out of range")));
    }
    let (day, month) = (DAYS[f[6].rem_euclid(7) as usize], MONTHS[(f[1] - 1) as usize]);
    let mut out: GcVec<u8> = GcVec::new();
    let mut w = crate::vm::GcWriter(&mut out, false);
    let r = core::fmt::write(
        &mut w,
        format_args!("{} {} {:2} {:02}:{:02}:{:02} {}", &day[..3], &month[..3], f[2], f[3], f[4], f[5], f[0]),
    );
    if r.is_err() {
        return Err(rt.memory_error());
    }
    pstr::new(rt, &out)
}

/// `ctime([secs])`: `asctime(localtime(secs))`.
fn ctime(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let t = localtime(rt, a, &[])?;
    asctime(rt, &[t], &[])
}

#[cfg(test)]
mod tests {
    use super::{civil, utc_fields};

    #[test]
    fn calendar() {
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(-1), (1969, 12, 31));
        assert_eq!(civil(11_016), (2000, 2, 29));
        assert_eq!(civil(-719_468), (0, 3, 1));
        assert_eq!(utc_fields(1_234_567_890), [2009, 2, 13, 23, 31, 30, 4, 44, 0]);
    }
}
