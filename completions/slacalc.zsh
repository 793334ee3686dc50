#compdef slacalc

autoload -U is-at-least

_slacalc() {
    typeset -A opt_args
    typeset -a _arguments_options
    local ret=1

    if is-at-least 5.2; then
        _arguments_options=(-s -S -C)
    else
        _arguments_options=(-s -C)
    fi

    local context curcontext="$curcontext" state line
    _arguments "${_arguments_options[@]}" : \
'--data=[A folder with calendars/ and/or plans/ replacing the embedded data \[env\: SLACALC_DATA\]]:DIR:_files' \
'--color=[Colour in tables\: overdue and breached in red (auto\: on a terminal, and not with NO_COLOR set)]:COLOR:(auto always never)' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_slacalc_commands" \
"*::: :->slacalc" \
&& ret=0
    case $state in
    (slacalc)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:slacalc-command-$line[1]:"
        case $line[1] in
            (deadline)
_arguments "${_arguments_options[@]}" : \
'--format=[Output format \[default\: table\]]:FORMAT:((table\:"A table for people"
json\:"One JSON document for scripts"
ics\:"iCalendar"
csv\:"Comma-separated values"))' \
'--plan=[Support plan\: basic, gold or platinum]:PLAN:(basic gold platinum)' \
'(--event)--priority=[Priority\: P1 (critical) to P4 (low)]:PRIORITY:(P1 P2 P3 P4)' \
'--event=[A proactive-support event (see \`coverage --events\`)\: its priority applies]:ID:(voip-crash application-crash ha-replication disk-low disk-almost-full database-low database-almost-full recording-channels-exhausted queueing-licences-exhausted attendant-licences-exhausted cloud-connection-failure)' \
'--release=[The suite release, for proactive-support eligibility (e.g. "Winter '\''20")]:RELEASE:_default' \
'--desk=[Support desk\: americas, europe, middle-east or uae]:DESK:(americas europe middle-east uae)' \
'--opened=[When the ticket was opened\: RFC 3339, a local time at the desk, or now]:TIME:_default' \
'*--pause=[Waiting time that does not count, START/END (repeatable)]:START/END:_default' \
'*--priority-change=[From TIME on the ticket has priority PR (repeatable); targets are still measured from the opening]:TIME=PR:_default' \
'(--plan --priority --desk --event)--input=[Batch mode\: tickets from a JSON Lines or CSV file (- for stdin), one JSON object out per line]:FILE:_default' \
'*--map=[The export'\''s own column (or key) for a field, FIELD=COLUMN (repeatable), e.g. opened="Created at"]:FIELD=COLUMN:_default' \
'--input-format=[Format of --input (default\: from the extension; else told from the first character\: a letter starts a CSV header, else JSON Lines)]:INPUT_FORMAT:((jsonl\:"One JSON object per line"
csv\:"A header row, then one ticket per row"))' \
'--jobs=[Workers reading --input, output still in input order (default\: the number of cores)]:N:_default' \
'--data=[A folder with calendars/ and/or plans/ replacing the embedded data \[env\: SLACALC_DATA\]]:DIR:_files' \
'--color=[Colour in tables\: overdue and breached in red (auto\: on a terminal, and not with NO_COLOR set)]:COLOR:(auto always never)' \
'--explain[List every counted window with its length]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(escalate)
_arguments "${_arguments_options[@]}" : \
'--format=[Output format \[default\: table\]]:FORMAT:((table\:"A table for people"
json\:"One JSON document (batch\: one object a line) for scripts"
csv\:"Comma-separated values"))' \
'--plan=[Support plan\: basic, gold or platinum]:PLAN:(basic gold platinum)' \
'(--event)--priority=[Priority\: P1 (critical) to P4 (low)]:PRIORITY:(P1 P2 P3 P4)' \
'--event=[A proactive-support event (see \`coverage --events\`)\: its priority applies]:ID:(voip-crash application-crash ha-replication disk-low disk-almost-full database-low database-almost-full recording-channels-exhausted queueing-licences-exhausted attendant-licences-exhausted cloud-connection-failure)' \
'--release=[The suite release, for proactive-support eligibility (e.g. "Winter '\''20")]:RELEASE:_default' \
'--desk=[Support desk\: americas, europe, middle-east or uae]:DESK:(americas europe middle-east uae)' \
'--opened=[When the ticket was opened\: RFC 3339, a local time at the desk, or now]:TIME:_default' \
'*--pause=[Waiting time that does not count, START/END (repeatable)]:START/END:_default' \
'*--priority-change=[From TIME on the ticket has priority PR (repeatable); targets are still measured from the opening]:TIME=PR:_default' \
'(--plan --priority --desk --event)--input=[Batch mode\: tickets from a JSON Lines or CSV file (- for stdin), one JSON object out per line]:FILE:_default' \
'*--map=[The export'\''s own column (or key) for a field, FIELD=COLUMN (repeatable), e.g. opened="Created at"]:FIELD=COLUMN:_default' \
'--input-format=[Format of --input (default\: from the extension; else told from the first character\: a letter starts a CSV header, else JSON Lines)]:INPUT_FORMAT:((jsonl\:"One JSON object per line"
csv\:"A header row, then one ticket per row"))' \
'--jobs=[Workers reading --input, output still in input order (default\: the number of cores)]:N:_default' \
'--at=[The moment to ask about\: RFC 3339, a local time at the desk, or now]:TIME:_default' \
'--data=[A folder with calendars/ and/or plans/ replacing the embedded data \[env\: SLACALC_DATA\]]:DIR:_files' \
'--color=[Colour in tables\: overdue and breached in red (auto\: on a terminal, and not with NO_COLOR set)]:COLOR:(auto always never)' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(renew)
_arguments "${_arguments_options[@]}" : \
'--format=[Output format \[default\: table\]]:FORMAT:((table\:"A table for people"
json\:"One JSON document for scripts"))' \
'(--registered)--expires=[The current term'\''s end (its first day without coverage)]:DATE:_default' \
'--ordered=[The renewal order'\''s date]:DATE:_default' \
'--years=[Length of the new term in years]:YEARS:_default' \
'--plan=[The plan renewed (basic, gold, platinum)]:PLAN:(basic gold platinum)' \
'--eos=[The product'\''s end of support\: the term ends there if that is sooner]:DATE:_default' \
'--base-expires=[For an add-on (client, redundancy licence, module, customisation)\: the base product'\''s term end, with which it co-terminates]:DATE:_default' \
'--registered=[A newly registered product\: its included first period]:DATE:_default' \
'--catalog=[Product catalogue (TOML) with end-of-support and end-of-life dates]:FILE:_files' \
'--product=[The product, looked up in --catalog]:PRODUCT:_default' \
'--data=[A folder with calendars/ and/or plans/ replacing the embedded data \[env\: SLACALC_DATA\]]:DIR:_files' \
'--color=[Colour in tables\: overdue and breached in red (auto\: on a terminal, and not with NO_COLOR set)]:COLOR:(auto always never)' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(eol)
_arguments "${_arguments_options[@]}" : \
'--format=[Output format \[default\: table\]]:FORMAT:((table\:"A table for people"
json\:"One JSON document for scripts"))' \
'--catalog=[Product catalogue (TOML)\: \[\[product\]\] name, eos, eol, replacement, notes]:FILE:_files' \
'--product=[Only this product]:PRODUCT:_default' \
'--on=[The date to judge on (default\: today)]:DATE:_default' \
'--data=[A folder with calendars/ and/or plans/ replacing the embedded data \[env\: SLACALC_DATA\]]:DIR:_files' \
'--color=[Colour in tables\: overdue and breached in red (auto\: on a terminal, and not with NO_COLOR set)]:COLOR:(auto always never)' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(coverage)
_arguments "${_arguments_options[@]}" : \
'--format=[Output format \[default\: table\]]:FORMAT:((table\:"A table for people"
json\:"One JSON document for scripts"))' \
'--plan=[One plan only]:PLAN:(basic gold platinum)' \
'--desk=[A desk\: is it serving the plan at --at?]:DESK:(americas europe middle-east uae)' \
'--at=[The instant to ask about\: RFC 3339, a local time at the desk, or now]:TIME:_default' \
'--data=[A folder with calendars/ and/or plans/ replacing the embedded data \[env\: SLACALC_DATA\]]:DIR:_files' \
'--color=[Colour in tables\: overdue and breached in red (auto\: on a terminal, and not with NO_COLOR set)]:COLOR:(auto always never)' \
'--week[The desk'\''s hours for each plan over the 7 days from --at]' \
'(--desk --week)--events[List the proactive-support events and their priorities]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(holidays)
_arguments "${_arguments_options[@]}" : \
'--format=[Output format \[default\: table\]]:FORMAT:((table\:"A table for people"
json\:"One JSON document for scripts"
ics\:"iCalendar events"))' \
'--desk=[Support desk]:DESK:(americas europe middle-east uae)' \
'--year=[The year (1900 to 2200)]:YEAR:_default' \
'--data=[A folder with calendars/ and/or plans/ replacing the embedded data \[env\: SLACALC_DATA\]]:DIR:_files' \
'--color=[Colour in tables\: overdue and breached in red (auto\: on a terminal, and not with NO_COLOR set)]:COLOR:(auto always never)' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(clock)
_arguments "${_arguments_options[@]}" : \
'--format=[Output format \[default\: table\]]:FORMAT:((table\:"A table for people"
json\:"One JSON document for scripts"))' \
'--desk=[Desk whose calendar to use]:DESK:(americas europe middle-east uae)' \
'--clock=[Clock\: standard, extended (the default) or 24x7]:CLOCK:(standard extended 24x7)' \
'--from=[Start\: RFC 3339, a local time at the desk, or now]:TIME:_default' \
'--add=[Business time to add\: 90s, 45m, 5h30m or PT5H30M]:DURATION:_default' \
'--before=[Business time to count back from --from (a reminder before a deadline)\: the latest instant with that much clock time before it]:DURATION:_default' \
'--business-days=[Close of standard hours on the N-th business day after the start'\''s date]:N:_default' \
'--until=[Measure the clock time from --from until this instant]:TIME:_default' \
'*--pause=[Waiting time that does not count, START/END (repeatable)]:START/END:_default' \
'--data=[A folder with calendars/ and/or plans/ replacing the embedded data \[env\: SLACALC_DATA\]]:DIR:_files' \
'--color=[Colour in tables\: overdue and breached in red (auto\: on a terminal, and not with NO_COLOR set)]:COLOR:(auto always never)' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(audit)
_arguments "${_arguments_options[@]}" : \
'--format=[Output format \[default\: table\]]:FORMAT:((table\:"A table for people"
json\:"One JSON document (batch\: one object a line) for scripts"
csv\:"Comma-separated values"))' \
'--events=[An event log instead (SPEC §9)\: opened, status, priority, notified, responded, escalated and closed events of interleaved tickets]:FILE:_default' \
'--by=[With --events\: group the summary by this column of the opened event (e.g. agent), or by opened\:day, opened\:week or opened\:month]:FIELD:_default' \
'*--waiting=[Statuses that pause every clock, comma-separated (replacing waiting, pending, on-hold)]:STATUS,...:_default' \
'*--closing=[Statuses that close a ticket, comma-separated (replacing closed, solved, resolved)]:STATUS,...:_default' \
'*--map=[The export'\''s own column (or key) for a field, FIELD=COLUMN (repeatable), e.g. opened="Created at"]:FIELD=COLUMN:_default' \
'--input-format=[Format of FILE (default\: from the extension; else told from the first character\: a letter starts a CSV header, else JSON Lines)]:INPUT_FORMAT:((jsonl\:"One JSON object per line"
csv\:"A header row, then one ticket per row"))' \
'--jobs=[Workers reading and judging the tickets or the event log (default\: the number of cores)]:N:_default' \
'--as-of=[Judge unanswered tickets as of this instant\: RFC 3339, a local time at each ticket'\''s desk (with --events\: in UTC), or now; events after it are ignored]:TIME:_default' \
'--data=[A folder with calendars/ and/or plans/ replacing the embedded data \[env\: SLACALC_DATA\]]:DIR:_files' \
'--color=[Colour in tables\: overdue and breached in red (auto\: on a terminal, and not with NO_COLOR set)]:COLOR:(auto always never)' \
'--tickets[One row per ticket instead of the summary]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'::file -- The export of ticket rows\: JSON Lines or CSV with a header (- for stdin):_default' \
&& ret=0
;;
(queue)
_arguments "${_arguments_options[@]}" : \
'--format=[Output format \[default\: table\]]:FORMAT:((table\:"A table for people"
json\:"One JSON document (batch\: one object a line) for scripts"
csv\:"Comma-separated values"))' \
'--events=[An event log (SPEC §9)\: JSON Lines or CSV (- for stdin)]:FILE:_default' \
'--input=[Ticket rows instead\: plan, priority, desk, opened, pauses, priority changes, responded, closed, id]:FILE:_default' \
'--at=[The moment to look at\: RFC 3339, a local time in UTC, or now]:TIME:_default' \
'--warn=[The percentages of a target'\''s clock time used from which a ticket is on watch, at risk and critical]:WATCH,AT_RISK,CRITICAL:_default' \
'*--map=[The export'\''s own column (or key) for a field, FIELD=COLUMN (repeatable), e.g. opened="Created at"]:FIELD=COLUMN:_default' \
'--input-format=[Format of the file (default\: from the extension; else told from the first character\: a letter starts a CSV header, else JSON Lines)]:INPUT_FORMAT:((jsonl\:"One JSON object per line"
csv\:"A header row, then one ticket per row"))' \
'--jobs=[Workers reading an event log (default\: the number of cores)]:N:_default' \
'*--waiting=[Statuses that pause every clock, comma-separated (replacing waiting, pending, on-hold)]:STATUS,...:_default' \
'*--closing=[Statuses that close a ticket, comma-separated (replacing closed, solved, resolved)]:STATUS,...:_default' \
'--data=[A folder with calendars/ and/or plans/ replacing the embedded data \[env\: SLACALC_DATA\]]:DIR:_files' \
'--color=[Colour in tables\: overdue and breached in red (auto\: on a terminal, and not with NO_COLOR set)]:COLOR:(auto always never)' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(check)
_arguments "${_arguments_options[@]}" : \
'--format=[Output format \[default\: table\]]:FORMAT:((table\:"A table for people"
json\:"One JSON document for scripts"))' \
'--data=[A folder with calendars/ and/or plans/ replacing the embedded data \[env\: SLACALC_DATA\]]:DIR:_files' \
'--color=[Colour in tables\: overdue and breached in red (auto\: on a terminal, and not with NO_COLOR set)]:COLOR:(auto always never)' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(schema)
_arguments "${_arguments_options[@]}" : \
'--data=[A folder with calendars/ and/or plans/ replacing the embedded data \[env\: SLACALC_DATA\]]:DIR:_files' \
'--color=[Colour in tables\: overdue and breached in red (auto\: on a terminal, and not with NO_COLOR set)]:COLOR:(auto always never)' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':subcommand -- The subcommand:((deadline\:""
escalate\:""
renew\:""
eol\:""
clock\:""
holidays\:""
coverage\:""
audit\:""
audit-events\:"\`audit --events\`\: the summary, a judged ticket or a failed one"
queue\:""
check\:""))' \
&& ret=0
;;
(completions)
_arguments "${_arguments_options[@]}" : \
'--data=[A folder with calendars/ and/or plans/ replacing the embedded data \[env\: SLACALC_DATA\]]:DIR:_files' \
'--color=[Colour in tables\: overdue and breached in red (auto\: on a terminal, and not with NO_COLOR set)]:COLOR:(auto always never)' \
'-h[Print help]' \
'--help[Print help]' \
':shell:(bash elvish fish powershell zsh)' \
&& ret=0
;;
(man)
_arguments "${_arguments_options[@]}" : \
'--data=[A folder with calendars/ and/or plans/ replacing the embedded data \[env\: SLACALC_DATA\]]:DIR:_files' \
'--color=[Colour in tables\: overdue and breached in red (auto\: on a terminal, and not with NO_COLOR set)]:COLOR:(auto always never)' \
'-h[Print help]' \
'--help[Print help]' \
'::subcommand -- The subcommand whose page to print:_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_slacalc__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:slacalc-help-command-$line[1]:"
        case $line[1] in
            (deadline)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(escalate)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(renew)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(eol)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(coverage)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(holidays)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(clock)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(audit)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(queue)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(check)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(schema)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(completions)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(man)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
}

(( $+functions[_slacalc_commands] )) ||
_slacalc_commands() {
    local commands; commands=(
'deadline:When is a ticket'\''s response due (and, for P1, the priority notification)' \
'escalate:Who must the ticket be escalated to, and when is the next step' \
'renew:When does a renewal start and end, is it late, and what fee years are due' \
'eol:End of support and end of life of products, soonest first' \
'coverage:What each plan includes, and whether a desk serves a plan now' \
'holidays:A desk'\''s holidays for a year, with their names' \
'clock:Add business time to an instant, or measure it between two instants' \
'audit:Met or breached\: audit first-response times of an export' \
'queue:Which open tickets breach next\: the live queue' \
'check:Validate calendars/ and plans/ (the embedded ones without --data)' \
'schema:Print the JSON Schema of a subcommand'\''s \`--format json\` output' \
'completions:Print shell completions (bash, zsh, fish, powershell, elvish)' \
'man:Print a man page (roff)\: slacalc(1), or a subcommand'\''s slacalc-SUB(1)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'slacalc commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__audit_commands] )) ||
_slacalc__subcmd__audit_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc audit commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__check_commands] )) ||
_slacalc__subcmd__check_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc check commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__clock_commands] )) ||
_slacalc__subcmd__clock_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc clock commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__completions_commands] )) ||
_slacalc__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc completions commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__coverage_commands] )) ||
_slacalc__subcmd__coverage_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc coverage commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__deadline_commands] )) ||
_slacalc__subcmd__deadline_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc deadline commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__eol_commands] )) ||
_slacalc__subcmd__eol_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc eol commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__escalate_commands] )) ||
_slacalc__subcmd__escalate_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc escalate commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__help_commands] )) ||
_slacalc__subcmd__help_commands() {
    local commands; commands=(
'deadline:When is a ticket'\''s response due (and, for P1, the priority notification)' \
'escalate:Who must the ticket be escalated to, and when is the next step' \
'renew:When does a renewal start and end, is it late, and what fee years are due' \
'eol:End of support and end of life of products, soonest first' \
'coverage:What each plan includes, and whether a desk serves a plan now' \
'holidays:A desk'\''s holidays for a year, with their names' \
'clock:Add business time to an instant, or measure it between two instants' \
'audit:Met or breached\: audit first-response times of an export' \
'queue:Which open tickets breach next\: the live queue' \
'check:Validate calendars/ and plans/ (the embedded ones without --data)' \
'schema:Print the JSON Schema of a subcommand'\''s \`--format json\` output' \
'completions:Print shell completions (bash, zsh, fish, powershell, elvish)' \
'man:Print a man page (roff)\: slacalc(1), or a subcommand'\''s slacalc-SUB(1)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'slacalc help commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__help__subcmd__audit_commands] )) ||
_slacalc__subcmd__help__subcmd__audit_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc help audit commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__help__subcmd__check_commands] )) ||
_slacalc__subcmd__help__subcmd__check_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc help check commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__help__subcmd__clock_commands] )) ||
_slacalc__subcmd__help__subcmd__clock_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc help clock commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__help__subcmd__completions_commands] )) ||
_slacalc__subcmd__help__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc help completions commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__help__subcmd__coverage_commands] )) ||
_slacalc__subcmd__help__subcmd__coverage_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc help coverage commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__help__subcmd__deadline_commands] )) ||
_slacalc__subcmd__help__subcmd__deadline_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc help deadline commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__help__subcmd__eol_commands] )) ||
_slacalc__subcmd__help__subcmd__eol_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc help eol commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__help__subcmd__escalate_commands] )) ||
_slacalc__subcmd__help__subcmd__escalate_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc help escalate commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__help__subcmd__help_commands] )) ||
_slacalc__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc help help commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__help__subcmd__holidays_commands] )) ||
_slacalc__subcmd__help__subcmd__holidays_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc help holidays commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__help__subcmd__man_commands] )) ||
_slacalc__subcmd__help__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc help man commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__help__subcmd__queue_commands] )) ||
_slacalc__subcmd__help__subcmd__queue_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc help queue commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__help__subcmd__renew_commands] )) ||
_slacalc__subcmd__help__subcmd__renew_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc help renew commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__help__subcmd__schema_commands] )) ||
_slacalc__subcmd__help__subcmd__schema_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc help schema commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__holidays_commands] )) ||
_slacalc__subcmd__holidays_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc holidays commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__man_commands] )) ||
_slacalc__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc man commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__queue_commands] )) ||
_slacalc__subcmd__queue_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc queue commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__renew_commands] )) ||
_slacalc__subcmd__renew_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc renew commands' commands "$@"
}
(( $+functions[_slacalc__subcmd__schema_commands] )) ||
_slacalc__subcmd__schema_commands() {
    local commands; commands=()
    _describe -t commands 'slacalc schema commands' commands "$@"
}

if [ "$funcstack[1]" = "_slacalc" ]; then
    _slacalc "$@"
else
    compdef _slacalc slacalc
fi
