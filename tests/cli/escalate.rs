//! `slacalc escalate`: the command-line contract of the hand-worked
//! escalation table. The table itself (SPEC.md §2, §3, §5, §8, reasoning
//! beside each case) is computed by the library in `engine::escalation`;
//! here a few of its cases run through the binary, so that the JSON fields
//! (`steps[].step`, `.at`, `.holder`, `holder`, `next`), `--at`, `--pause`
//! and the offsets of the output stay what the table was checked against.

use serde_json::Value;

use crate::engine::escalation::{holders, Case, CASES};
use crate::support::{assert_table, Test};

/// Runs `slacalc escalate` for one case and parses its JSON output.
fn run(case: &Case) -> Result<Value, String> {
    let mut test = Test::escalate(case.plan, case.priority, case.desk)
        .opened(case.opened)
        .args(["--at", case.at]);
    for pause in case.pauses {
        test = test.args(["--pause", pause]);
    }
    test.format("json").try_json()
}

/// Every difference between the hand-worked case and the tool's answer.
fn mismatches(case: &Case, json: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let expected_holders = holders(case.priority);
    match json["steps"].as_array() {
        Some(steps) if steps.len() == 5 => {
            for (i, step) in steps.iter().enumerate() {
                let n = i + 1;
                if step["step"].as_u64() != u64::try_from(n).ok() {
                    out.push(format!("steps[{i}].step = {}, want {n}", step["step"]));
                }
                if step["at"].as_str() != Some(case.steps[i]) {
                    out.push(format!(
                        "step {n} at = {}, want {}",
                        step["at"], case.steps[i]
                    ));
                }
                if step["holder"].as_str() != Some(expected_holders[i]) {
                    out.push(format!(
                        "step {n} holder = {}, want {}",
                        step["holder"], expected_holders[i]
                    ));
                }
            }
        }
        _ => out.push(format!("steps is not a list of 5: {}", json["steps"])),
    }
    if json["holder"].as_str() != Some(case.holder) {
        out.push(format!("holder = {}, want {}", json["holder"], case.holder));
    }
    match case.next_step {
        None => {
            if json.get("next") != Some(&Value::Null) {
                out.push(format!("next = {:?}, want null", json.get("next")));
            }
        }
        Some(n) => {
            let next = &json["next"];
            if next["step"].as_u64() != Some(n) {
                out.push(format!("next.step = {}, want {n}", next["step"]));
            }
            let i = usize::try_from(n - 1).unwrap_or(0);
            if next["at"].as_str() != Some(case.steps[i]) {
                out.push(format!("next.at = {}, want {}", next["at"], case.steps[i]));
            }
            if next["holder"].as_str() != Some(expected_holders[i]) {
                out.push(format!(
                    "next.holder = {}, want {}",
                    next["holder"], expected_holders[i]
                ));
            }
        }
    }
    out
}

/// Cases of the table by name: basic on business days with a holiday,
/// exactly at a step, a pause over closing time, a DST change, and every
/// step passed (`next` null).
const CLI_CASES: [&str; 5] = [
    "basic P1 americas, Columbus Day inside step 5",
    "basic P2 europe, exactly at step 4",
    "platinum P2 europe, pause over closing time",
    "platinum P4 americas, autumn DST",
    "platinum P1 uae, pause over closing time, all passed",
];

#[test]
fn hand_worked_escalations_through_the_binary() {
    let case = |name: &str| {
        CASES
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no case {name:?}"))
    };
    assert_table(
        "escalation cases through the binary",
        CLI_CASES.map(|name| (name.to_string(), case(name))),
        |case| match run(case) {
            Ok(json) => mismatches(case, &json),
            Err(e) => vec![e],
        },
    );
}
