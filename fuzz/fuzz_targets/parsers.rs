//! The parsers of typed values: instants, pauses, durations, dates and suite
//! releases, in a time zone picked by the first byte. An instant or pause
//! that parses is also formatted back, as the CLI does.
#![no_main]

use chrono::{DateTime, Utc};
use chrono_tz::{Tz, TZ_VARIANTS};
use libfuzzer_sys::fuzz_target;
use slacalc::input;

fuzz_target!(|bytes: &[u8]| {
    let Some((&zone_byte, rest)) = bytes.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    // A few zones with DST and odd offsets first, then all the others.
    const FAVOURITES: [Tz; 8] = [
        Tz::Europe__Rome,
        Tz::America__New_York,
        Tz::Asia__Dubai,
        Tz::Australia__Lord_Howe,
        Tz::Pacific__Apia,
        Tz::America__Sao_Paulo,
        Tz::Asia__Kathmandu,
        Tz::UTC,
    ];
    let zone = if (zone_byte as usize) < FAVOURITES.len() * 16 {
        FAVOURITES[zone_byte as usize % FAVOURITES.len()]
    } else {
        TZ_VARIANTS[zone_byte as usize * 7 % TZ_VARIANTS.len()]
    };
    let now = DateTime::<Utc>::from_timestamp(1_795_710_600, 0).expect("instant");

    if let Ok(t) = input::instant(text, zone, now) {
        let _ = t.with_timezone(&zone).to_rfc3339();
    }
    // A pause as typed may have any length (SPEC §3: zero pauses nothing,
    // reversed is refused when pauses are made): their union is sorted,
    // disjoint, and every part has a length.
    if let Ok(p) = input::pause(text, zone, now) {
        let _ = p.length();
    }
    if let Ok(pauses) = input::pauses(&[text, text], zone, now) {
        let parts = pauses.as_slice();
        assert!(parts.iter().all(|p| p.end > p.start), "empty part from {text:?}");
        assert!(parts.windows(2).all(|w| w[0].end < w[1].start), "overlap from {text:?}");
    }
    if let Ok(d) = input::duration(text) {
        assert!(d >= chrono::TimeDelta::zero(), "negative duration from {text:?}");
    }
    if let Ok(d) = input::date(text, zone, now) {
        let _ = d.to_string();
    }
    if let Ok(r) = slacalc::proactive::Release::parse(text) {
        let _ = r.to_string();
    }
});
