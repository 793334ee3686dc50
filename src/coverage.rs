//! Is a desk serving a plan at an instant, and the desk's hours over days:
//! "can my gold customer in Dubai call now, and if not, when?"

use chrono::{DateTime, Days, NaiveDate, Utc};

use crate::calendar::Calendar;
use crate::clock::{Clock, ClockKind, Interval, Pauses};
use crate::error::{Error, Result};
use crate::plan::Plan;
use crate::time::window_edge;

#[derive(Debug, Clone)]
pub struct DeskStatus {
    /// Someone answers: business hours, or the on-call service.
    pub open: bool,
    pub clock: ClockKind,
    /// Only the on-call service answers (outside business hours).
    pub on_call: bool,
    /// The business window `at` lies in.
    pub window: Option<Interval>,
    /// The next business opening, when outside business hours.
    pub next_open: Option<DateTime<Utc>>,
}

pub fn status(plan: &Plan, desk: &Calendar, at: DateTime<Utc>) -> Result<DeskStatus> {
    let business = Clock::new(desk, plan.business_clock);
    if let Some(window) = business.window_at(at)? {
        return Ok(DeskStatus {
            open: true,
            clock: plan.business_clock,
            on_call: false,
            window: Some(window),
            next_open: None,
        });
    }
    let next_open = Some(business.next_open(at)?);
    let on_call = plan.has_on_call();
    Ok(DeskStatus {
        open: on_call,
        clock: if on_call {
            ClockKind::AllDay
        } else {
            plan.business_clock
        },
        on_call,
        window: None,
        next_open,
    })
}

/// A local day at a desk: its holiday or special-day name and each plan's
/// open windows.
#[derive(Debug, Clone)]
pub struct DayHours {
    pub date: NaiveDate,
    pub holiday: Option<String>,
    pub special: bool,
    /// Per plan (in the order given): its business clock's windows that day.
    pub windows: Vec<Vec<Interval>>,
}

pub fn days(
    plans: &[&Plan],
    desk: &Calendar,
    first: NaiveDate,
    count: u64,
) -> Result<Vec<DayHours>> {
    let mut out = Vec::new();
    for offset in 0..count {
        let date = first
            .checked_add_days(Days::new(offset))
            .ok_or_else(|| Error::OutOfRange(format!("{first} + {offset} days")))?;
        let edge = |d: NaiveDate| d.and_hms_opt(0, 0, 0).map(|t| window_edge(desk.zone, t));
        let (Some(start), Some(end)) = (edge(date), date.succ_opt().and_then(edge)) else {
            return Err(Error::OutOfRange(date.to_string()));
        };
        let windows = plans
            .iter()
            .map(|plan| {
                Clock::new(desk, plan.business_clock).windows_between(start, end, &Pauses::none())
            })
            .collect::<Result<Vec<_>>>()?;
        out.push(DayHours {
            date,
            holiday: desk.holiday(date)?,
            special: desk.is_special(date),
            windows,
        });
    }
    Ok(out)
}
