//! Opening windows of a day in local wall-clock time, such as `09:00-18:00`
//! or `22:00-06:00` (crossing midnight into the next day).

use std::fmt;

pub const DAY_SECONDS: u32 = 86_400;

/// A local window on one day. `end <= start` means it ends the next day (a
/// window written across midnight, like `22:00-06:00`). A window merged
/// from overlapping ones may also end after 24:00 with `end > start`: then
/// `end` counts from this day's midnight (`26:00` is 02:00 the next day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// Seconds after local midnight.
    pub start: u32,
    /// Seconds after local midnight; `86_400` is written `24:00`.
    pub end: u32,
}

impl Window {
    /// The window from `start` to `end`, both in seconds after this day's
    /// midnight (`end` after `start`, and past 24:00 for a window that
    /// ends the next day).
    pub fn spanning(start: u32, end: u32) -> Window {
        Window { start, end }
    }

    /// Written across midnight: `end <= start`.
    pub fn crosses_midnight(self) -> bool {
        self.end <= self.start
    }

    /// Ends after this day's midnight, however it is written: the next
    /// day's first hours may be open because of it.
    pub fn ends_next_day(self) -> bool {
        self.end_offset() > DAY_SECONDS
    }

    /// Nominal length in seconds, ignoring DST.
    pub fn length(self) -> u32 {
        if self.crosses_midnight() {
            DAY_SECONDS - self.start + self.end
        } else {
            self.end - self.start
        }
    }

    /// The end in seconds after this day's midnight (past 86 400 when the
    /// window ends the next day).
    pub fn end_offset(self) -> u32 {
        self.start + self.length()
    }

    pub fn parse(text: &str) -> Result<Window, String> {
        let (a, b) = text
            .split_once('-')
            .ok_or_else(|| format!("'{text}' is not a window like \"09:00-18:00\""))?;
        let start = parse_time_of_day(a.trim(), false)
            .ok_or_else(|| format!("'{a}' in window '{text}' is not a time like 09:00"))?;
        let end = parse_time_of_day(b.trim(), true)
            .ok_or_else(|| format!("'{b}' in window '{text}' is not a time like 18:00"))?;
        if start == end {
            return Err(format!("window '{text}' is empty: it ends when it starts"));
        }
        // An end before the start is read as crossing midnight only for a
        // night window (starts after noon, ends by noon); `10:00-09:00` is a
        // typo far more often than a 23-hour shift.
        if end < start && !(start >= NOON && end <= NOON) {
            return Err(format!(
                "window '{text}' ends before it starts; a window across midnight starts after 12:00 and ends by 12:00 (like 22:00-06:00)"
            ));
        }
        Ok(Window { start, end })
    }
}

const NOON: u32 = 12 * 3600;

/// `HH:MM` or `HH:MM:SS`; `24:00` only as an end.
fn parse_time_of_day(text: &str, is_end: bool) -> Option<u32> {
    let mut parts = text.split(':');
    let hours: u32 = parts.next()?.parse().ok()?;
    let minutes: u32 = parts.next()?.parse().ok()?;
    let seconds: u32 = match parts.next() {
        Some(s) => s.parse().ok()?,
        None => 0,
    };
    if parts.next().is_some() || hours > 24 || minutes > 59 || seconds > 59 {
        return None;
    }
    let total = hours * 3600 + minutes * 60 + seconds;
    match total.cmp(&DAY_SECONDS) {
        std::cmp::Ordering::Less => Some(total),
        std::cmp::Ordering::Equal if is_end => Some(total),
        _ => None,
    }
}

impl fmt::Display for Window {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hm = |s: u32| {
            if s.is_multiple_of(60) {
                format!("{:02}:{:02}", s / 3600, s / 60 % 60)
            } else {
                format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
            }
        };
        write!(f, "{}-{}", hm(self.start), hm(self.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_parse_and_refuse() {
        assert_eq!(
            Window::parse("09:00-18:00"),
            Ok(Window {
                start: 9 * 3600,
                end: 18 * 3600
            })
        );
        assert_eq!(
            Window::parse("22:00-06:00"),
            Ok(Window {
                start: 22 * 3600,
                end: 6 * 3600
            })
        );
        assert_eq!(
            Window::parse("00:00-24:00"),
            Ok(Window {
                start: 0,
                end: DAY_SECONDS
            })
        );
        // Found by fuzzing: an hour count this large overflowed the seconds.
        for bad in [
            "09:00-188888888:00",
            "00:45-004294967295:15",
            "4294967295:00-01:00",
            "10:00-09:00",
            "09:00-09:00",
            "24:00-01:00",
            "9-18",
        ] {
            assert!(Window::parse(bad).is_err(), "{bad} should be refused");
        }
    }
}
