# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_slacalc_global_optspecs
    string join \n data= color= h/help V/version
end

function __fish_slacalc_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_slacalc_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_slacalc_using_subcommand
    set -l cmd (__fish_slacalc_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c slacalc -n "__fish_slacalc_needs_command" -l data -d 'A folder with calendars/ and/or plans/ replacing the embedded data [env: SLACALC_DATA]' -r -F
complete -c slacalc -n "__fish_slacalc_needs_command" -l color -d 'Colour in tables: overdue and breached in red (auto: on a terminal, and not with NO_COLOR set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c slacalc -n "__fish_slacalc_needs_command" -s h -l help -d 'Print help'
complete -c slacalc -n "__fish_slacalc_needs_command" -s V -l version -d 'Print version'
complete -c slacalc -n "__fish_slacalc_needs_command" -f -a "deadline" -d 'When is a ticket\'s response due (and, for P1, the priority notification)'
complete -c slacalc -n "__fish_slacalc_needs_command" -f -a "escalate" -d 'Who must the ticket be escalated to, and when is the next step'
complete -c slacalc -n "__fish_slacalc_needs_command" -f -a "renew" -d 'When does a renewal start and end, is it late, and what fee years are due'
complete -c slacalc -n "__fish_slacalc_needs_command" -f -a "eol" -d 'End of support and end of life of products, soonest first'
complete -c slacalc -n "__fish_slacalc_needs_command" -f -a "coverage" -d 'What each plan includes, and whether a desk serves a plan now'
complete -c slacalc -n "__fish_slacalc_needs_command" -f -a "holidays" -d 'A desk\'s holidays for a year, with their names'
complete -c slacalc -n "__fish_slacalc_needs_command" -f -a "clock" -d 'Add business time to an instant, or measure it between two instants'
complete -c slacalc -n "__fish_slacalc_needs_command" -f -a "audit" -d 'Met or breached: audit first-response times of an export'
complete -c slacalc -n "__fish_slacalc_needs_command" -f -a "queue" -d 'Which open tickets breach next: the live queue'
complete -c slacalc -n "__fish_slacalc_needs_command" -f -a "check" -d 'Validate calendars/ and plans/ (the embedded ones without --data)'
complete -c slacalc -n "__fish_slacalc_needs_command" -f -a "schema" -d 'Print the JSON Schema of a subcommand\'s `--format json` output'
complete -c slacalc -n "__fish_slacalc_needs_command" -f -a "completions" -d 'Print shell completions (bash, zsh, fish, powershell, elvish)'
complete -c slacalc -n "__fish_slacalc_needs_command" -f -a "man" -d 'Print a man page (roff): slacalc(1), or a subcommand\'s slacalc-SUB(1)'
complete -c slacalc -n "__fish_slacalc_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c slacalc -n "__fish_slacalc_using_subcommand deadline" -l format -d 'Output format [default: table]' -r -f -a "table\t'A table for people'
json\t'One JSON document for scripts'
ics\t'iCalendar'
csv\t'Comma-separated values'"
complete -c slacalc -n "__fish_slacalc_using_subcommand deadline" -l plan -d 'Support plan: basic, gold or platinum' -r -f -a "basic\t''
gold\t''
platinum\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand deadline" -l priority -d 'Priority: P1 (critical) to P4 (low)' -r -f -a "P1\t''
P2\t''
P3\t''
P4\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand deadline" -l event -d 'A proactive-support event (see `coverage --events`): its priority applies' -r -f -a "voip-crash\t''
application-crash\t''
ha-replication\t''
disk-low\t''
disk-almost-full\t''
database-low\t''
database-almost-full\t''
recording-channels-exhausted\t''
queueing-licences-exhausted\t''
attendant-licences-exhausted\t''
cloud-connection-failure\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand deadline" -l release -d 'The suite release, for proactive-support eligibility (e.g. "Winter \'20")' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand deadline" -l desk -d 'Support desk: americas, europe, middle-east or uae' -r -f -a "americas\t''
europe\t''
middle-east\t''
uae\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand deadline" -l opened -d 'When the ticket was opened: RFC 3339, a local time at the desk, or now' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand deadline" -l pause -d 'Waiting time that does not count, START/END (repeatable)' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand deadline" -l priority-change -d 'From TIME on the ticket has priority PR (repeatable); targets are still measured from the opening' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand deadline" -l input -d 'Batch mode: tickets from a JSON Lines or CSV file (- for stdin), one JSON object out per line' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand deadline" -l map -d 'The export\'s own column (or key) for a field, FIELD=COLUMN (repeatable), e.g. opened="Created at"' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand deadline" -l input-format -d 'Format of --input (default: from the extension; else told from the first character: a letter starts a CSV header, else JSON Lines)' -r -f -a "jsonl\t'One JSON object per line'
csv\t'A header row, then one ticket per row'"
complete -c slacalc -n "__fish_slacalc_using_subcommand deadline" -l jobs -d 'Workers reading --input, output still in input order (default: the number of cores)' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand deadline" -l data -d 'A folder with calendars/ and/or plans/ replacing the embedded data [env: SLACALC_DATA]' -r -F
complete -c slacalc -n "__fish_slacalc_using_subcommand deadline" -l color -d 'Colour in tables: overdue and breached in red (auto: on a terminal, and not with NO_COLOR set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand deadline" -l explain -d 'List every counted window with its length'
complete -c slacalc -n "__fish_slacalc_using_subcommand deadline" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slacalc -n "__fish_slacalc_using_subcommand escalate" -l format -d 'Output format [default: table]' -r -f -a "table\t'A table for people'
json\t'One JSON document (batch: one object a line) for scripts'
csv\t'Comma-separated values'"
complete -c slacalc -n "__fish_slacalc_using_subcommand escalate" -l plan -d 'Support plan: basic, gold or platinum' -r -f -a "basic\t''
gold\t''
platinum\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand escalate" -l priority -d 'Priority: P1 (critical) to P4 (low)' -r -f -a "P1\t''
P2\t''
P3\t''
P4\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand escalate" -l event -d 'A proactive-support event (see `coverage --events`): its priority applies' -r -f -a "voip-crash\t''
application-crash\t''
ha-replication\t''
disk-low\t''
disk-almost-full\t''
database-low\t''
database-almost-full\t''
recording-channels-exhausted\t''
queueing-licences-exhausted\t''
attendant-licences-exhausted\t''
cloud-connection-failure\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand escalate" -l release -d 'The suite release, for proactive-support eligibility (e.g. "Winter \'20")' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand escalate" -l desk -d 'Support desk: americas, europe, middle-east or uae' -r -f -a "americas\t''
europe\t''
middle-east\t''
uae\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand escalate" -l opened -d 'When the ticket was opened: RFC 3339, a local time at the desk, or now' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand escalate" -l pause -d 'Waiting time that does not count, START/END (repeatable)' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand escalate" -l priority-change -d 'From TIME on the ticket has priority PR (repeatable); targets are still measured from the opening' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand escalate" -l input -d 'Batch mode: tickets from a JSON Lines or CSV file (- for stdin), one JSON object out per line' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand escalate" -l map -d 'The export\'s own column (or key) for a field, FIELD=COLUMN (repeatable), e.g. opened="Created at"' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand escalate" -l input-format -d 'Format of --input (default: from the extension; else told from the first character: a letter starts a CSV header, else JSON Lines)' -r -f -a "jsonl\t'One JSON object per line'
csv\t'A header row, then one ticket per row'"
complete -c slacalc -n "__fish_slacalc_using_subcommand escalate" -l jobs -d 'Workers reading --input, output still in input order (default: the number of cores)' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand escalate" -l at -d 'The moment to ask about: RFC 3339, a local time at the desk, or now' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand escalate" -l data -d 'A folder with calendars/ and/or plans/ replacing the embedded data [env: SLACALC_DATA]' -r -F
complete -c slacalc -n "__fish_slacalc_using_subcommand escalate" -l color -d 'Colour in tables: overdue and breached in red (auto: on a terminal, and not with NO_COLOR set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand escalate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slacalc -n "__fish_slacalc_using_subcommand renew" -l format -d 'Output format [default: table]' -r -f -a "table\t'A table for people'
json\t'One JSON document for scripts'"
complete -c slacalc -n "__fish_slacalc_using_subcommand renew" -l expires -d 'The current term\'s end (its first day without coverage)' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand renew" -l ordered -d 'The renewal order\'s date' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand renew" -l years -d 'Length of the new term in years' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand renew" -l plan -d 'The plan renewed (basic, gold, platinum)' -r -f -a "basic\t''
gold\t''
platinum\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand renew" -l eos -d 'The product\'s end of support: the term ends there if that is sooner' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand renew" -l base-expires -d 'For an add-on (client, redundancy licence, module, customisation): the base product\'s term end, with which it co-terminates' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand renew" -l registered -d 'A newly registered product: its included first period' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand renew" -l catalog -d 'Product catalogue (TOML) with end-of-support and end-of-life dates' -r -F
complete -c slacalc -n "__fish_slacalc_using_subcommand renew" -l product -d 'The product, looked up in --catalog' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand renew" -l data -d 'A folder with calendars/ and/or plans/ replacing the embedded data [env: SLACALC_DATA]' -r -F
complete -c slacalc -n "__fish_slacalc_using_subcommand renew" -l color -d 'Colour in tables: overdue and breached in red (auto: on a terminal, and not with NO_COLOR set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand renew" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slacalc -n "__fish_slacalc_using_subcommand eol" -l format -d 'Output format [default: table]' -r -f -a "table\t'A table for people'
json\t'One JSON document for scripts'"
complete -c slacalc -n "__fish_slacalc_using_subcommand eol" -l catalog -d 'Product catalogue (TOML): [[product]] name, eos, eol, replacement, notes' -r -F
complete -c slacalc -n "__fish_slacalc_using_subcommand eol" -l product -d 'Only this product' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand eol" -l on -d 'The date to judge on (default: today)' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand eol" -l data -d 'A folder with calendars/ and/or plans/ replacing the embedded data [env: SLACALC_DATA]' -r -F
complete -c slacalc -n "__fish_slacalc_using_subcommand eol" -l color -d 'Colour in tables: overdue and breached in red (auto: on a terminal, and not with NO_COLOR set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand eol" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slacalc -n "__fish_slacalc_using_subcommand coverage" -l format -d 'Output format [default: table]' -r -f -a "table\t'A table for people'
json\t'One JSON document for scripts'"
complete -c slacalc -n "__fish_slacalc_using_subcommand coverage" -l plan -d 'One plan only' -r -f -a "basic\t''
gold\t''
platinum\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand coverage" -l desk -d 'A desk: is it serving the plan at --at?' -r -f -a "americas\t''
europe\t''
middle-east\t''
uae\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand coverage" -l at -d 'The instant to ask about: RFC 3339, a local time at the desk, or now' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand coverage" -l data -d 'A folder with calendars/ and/or plans/ replacing the embedded data [env: SLACALC_DATA]' -r -F
complete -c slacalc -n "__fish_slacalc_using_subcommand coverage" -l color -d 'Colour in tables: overdue and breached in red (auto: on a terminal, and not with NO_COLOR set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand coverage" -l week -d 'The desk\'s hours for each plan over the 7 days from --at'
complete -c slacalc -n "__fish_slacalc_using_subcommand coverage" -l events -d 'List the proactive-support events and their priorities'
complete -c slacalc -n "__fish_slacalc_using_subcommand coverage" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slacalc -n "__fish_slacalc_using_subcommand holidays" -l format -d 'Output format [default: table]' -r -f -a "table\t'A table for people'
json\t'One JSON document for scripts'
ics\t'iCalendar events'"
complete -c slacalc -n "__fish_slacalc_using_subcommand holidays" -l desk -d 'Support desk' -r -f -a "americas\t''
europe\t''
middle-east\t''
uae\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand holidays" -l year -d 'The year (1900 to 2200)' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand holidays" -l data -d 'A folder with calendars/ and/or plans/ replacing the embedded data [env: SLACALC_DATA]' -r -F
complete -c slacalc -n "__fish_slacalc_using_subcommand holidays" -l color -d 'Colour in tables: overdue and breached in red (auto: on a terminal, and not with NO_COLOR set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand holidays" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slacalc -n "__fish_slacalc_using_subcommand clock" -l format -d 'Output format [default: table]' -r -f -a "table\t'A table for people'
json\t'One JSON document for scripts'"
complete -c slacalc -n "__fish_slacalc_using_subcommand clock" -l desk -d 'Desk whose calendar to use' -r -f -a "americas\t''
europe\t''
middle-east\t''
uae\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand clock" -l clock -d 'Clock: standard, extended (the default) or 24x7' -r -f -a "standard\t''
extended\t''
24x7\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand clock" -l from -d 'Start: RFC 3339, a local time at the desk, or now' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand clock" -l add -d 'Business time to add: 90s, 45m, 5h30m or PT5H30M' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand clock" -l before -d 'Business time to count back from --from (a reminder before a deadline): the latest instant with that much clock time before it' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand clock" -l business-days -d 'Close of standard hours on the N-th business day after the start\'s date' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand clock" -l until -d 'Measure the clock time from --from until this instant' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand clock" -l pause -d 'Waiting time that does not count, START/END (repeatable)' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand clock" -l data -d 'A folder with calendars/ and/or plans/ replacing the embedded data [env: SLACALC_DATA]' -r -F
complete -c slacalc -n "__fish_slacalc_using_subcommand clock" -l color -d 'Colour in tables: overdue and breached in red (auto: on a terminal, and not with NO_COLOR set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand clock" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slacalc -n "__fish_slacalc_using_subcommand audit" -l format -d 'Output format [default: table]' -r -f -a "table\t'A table for people'
json\t'One JSON document (batch: one object a line) for scripts'
csv\t'Comma-separated values'"
complete -c slacalc -n "__fish_slacalc_using_subcommand audit" -l events -d 'An event log instead (SPEC §9): opened, status, priority, notified, responded, escalated and closed events of interleaved tickets' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand audit" -l by -d 'With --events: group the summary by this column of the opened event (e.g. agent), or by opened:day, opened:week or opened:month' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand audit" -l waiting -d 'Statuses that pause every clock, comma-separated (replacing waiting, pending, on-hold)' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand audit" -l closing -d 'Statuses that close a ticket, comma-separated (replacing closed, solved, resolved)' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand audit" -l map -d 'The export\'s own column (or key) for a field, FIELD=COLUMN (repeatable), e.g. opened="Created at"' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand audit" -l input-format -d 'Format of FILE (default: from the extension; else told from the first character: a letter starts a CSV header, else JSON Lines)' -r -f -a "jsonl\t'One JSON object per line'
csv\t'A header row, then one ticket per row'"
complete -c slacalc -n "__fish_slacalc_using_subcommand audit" -l jobs -d 'Workers reading and judging the tickets or the event log (default: the number of cores)' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand audit" -l as-of -d 'Judge unanswered tickets as of this instant: RFC 3339, a local time at each ticket\'s desk (with --events: in UTC), or now; events after it are ignored' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand audit" -l data -d 'A folder with calendars/ and/or plans/ replacing the embedded data [env: SLACALC_DATA]' -r -F
complete -c slacalc -n "__fish_slacalc_using_subcommand audit" -l color -d 'Colour in tables: overdue and breached in red (auto: on a terminal, and not with NO_COLOR set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand audit" -l tickets -d 'One row per ticket instead of the summary'
complete -c slacalc -n "__fish_slacalc_using_subcommand audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slacalc -n "__fish_slacalc_using_subcommand queue" -l format -d 'Output format [default: table]' -r -f -a "table\t'A table for people'
json\t'One JSON document (batch: one object a line) for scripts'
csv\t'Comma-separated values'"
complete -c slacalc -n "__fish_slacalc_using_subcommand queue" -l events -d 'An event log (SPEC §9): JSON Lines or CSV (- for stdin)' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand queue" -l input -d 'Ticket rows instead: plan, priority, desk, opened, pauses, priority changes, responded, closed, id' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand queue" -l at -d 'The moment to look at: RFC 3339, a local time in UTC, or now' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand queue" -l warn -d 'The percentages of a target\'s clock time used from which a ticket is on watch, at risk and critical' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand queue" -l map -d 'The export\'s own column (or key) for a field, FIELD=COLUMN (repeatable), e.g. opened="Created at"' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand queue" -l input-format -d 'Format of the file (default: from the extension; else told from the first character: a letter starts a CSV header, else JSON Lines)' -r -f -a "jsonl\t'One JSON object per line'
csv\t'A header row, then one ticket per row'"
complete -c slacalc -n "__fish_slacalc_using_subcommand queue" -l jobs -d 'Workers reading an event log (default: the number of cores)' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand queue" -l waiting -d 'Statuses that pause every clock, comma-separated (replacing waiting, pending, on-hold)' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand queue" -l closing -d 'Statuses that close a ticket, comma-separated (replacing closed, solved, resolved)' -r
complete -c slacalc -n "__fish_slacalc_using_subcommand queue" -l data -d 'A folder with calendars/ and/or plans/ replacing the embedded data [env: SLACALC_DATA]' -r -F
complete -c slacalc -n "__fish_slacalc_using_subcommand queue" -l color -d 'Colour in tables: overdue and breached in red (auto: on a terminal, and not with NO_COLOR set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand queue" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slacalc -n "__fish_slacalc_using_subcommand check" -l format -d 'Output format [default: table]' -r -f -a "table\t'A table for people'
json\t'One JSON document for scripts'"
complete -c slacalc -n "__fish_slacalc_using_subcommand check" -l data -d 'A folder with calendars/ and/or plans/ replacing the embedded data [env: SLACALC_DATA]' -r -F
complete -c slacalc -n "__fish_slacalc_using_subcommand check" -l color -d 'Colour in tables: overdue and breached in red (auto: on a terminal, and not with NO_COLOR set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slacalc -n "__fish_slacalc_using_subcommand schema" -l data -d 'A folder with calendars/ and/or plans/ replacing the embedded data [env: SLACALC_DATA]' -r -F
complete -c slacalc -n "__fish_slacalc_using_subcommand schema" -l color -d 'Colour in tables: overdue and breached in red (auto: on a terminal, and not with NO_COLOR set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand schema" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slacalc -n "__fish_slacalc_using_subcommand completions" -l data -d 'A folder with calendars/ and/or plans/ replacing the embedded data [env: SLACALC_DATA]' -r -F
complete -c slacalc -n "__fish_slacalc_using_subcommand completions" -l color -d 'Colour in tables: overdue and breached in red (auto: on a terminal, and not with NO_COLOR set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand completions" -s h -l help -d 'Print help'
complete -c slacalc -n "__fish_slacalc_using_subcommand man" -l data -d 'A folder with calendars/ and/or plans/ replacing the embedded data [env: SLACALC_DATA]' -r -F
complete -c slacalc -n "__fish_slacalc_using_subcommand man" -l color -d 'Colour in tables: overdue and breached in red (auto: on a terminal, and not with NO_COLOR set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c slacalc -n "__fish_slacalc_using_subcommand man" -s h -l help -d 'Print help'
complete -c slacalc -n "__fish_slacalc_using_subcommand help; and not __fish_seen_subcommand_from deadline escalate renew eol coverage holidays clock audit queue check schema completions man help" -f -a "deadline" -d 'When is a ticket\'s response due (and, for P1, the priority notification)'
complete -c slacalc -n "__fish_slacalc_using_subcommand help; and not __fish_seen_subcommand_from deadline escalate renew eol coverage holidays clock audit queue check schema completions man help" -f -a "escalate" -d 'Who must the ticket be escalated to, and when is the next step'
complete -c slacalc -n "__fish_slacalc_using_subcommand help; and not __fish_seen_subcommand_from deadline escalate renew eol coverage holidays clock audit queue check schema completions man help" -f -a "renew" -d 'When does a renewal start and end, is it late, and what fee years are due'
complete -c slacalc -n "__fish_slacalc_using_subcommand help; and not __fish_seen_subcommand_from deadline escalate renew eol coverage holidays clock audit queue check schema completions man help" -f -a "eol" -d 'End of support and end of life of products, soonest first'
complete -c slacalc -n "__fish_slacalc_using_subcommand help; and not __fish_seen_subcommand_from deadline escalate renew eol coverage holidays clock audit queue check schema completions man help" -f -a "coverage" -d 'What each plan includes, and whether a desk serves a plan now'
complete -c slacalc -n "__fish_slacalc_using_subcommand help; and not __fish_seen_subcommand_from deadline escalate renew eol coverage holidays clock audit queue check schema completions man help" -f -a "holidays" -d 'A desk\'s holidays for a year, with their names'
complete -c slacalc -n "__fish_slacalc_using_subcommand help; and not __fish_seen_subcommand_from deadline escalate renew eol coverage holidays clock audit queue check schema completions man help" -f -a "clock" -d 'Add business time to an instant, or measure it between two instants'
complete -c slacalc -n "__fish_slacalc_using_subcommand help; and not __fish_seen_subcommand_from deadline escalate renew eol coverage holidays clock audit queue check schema completions man help" -f -a "audit" -d 'Met or breached: audit first-response times of an export'
complete -c slacalc -n "__fish_slacalc_using_subcommand help; and not __fish_seen_subcommand_from deadline escalate renew eol coverage holidays clock audit queue check schema completions man help" -f -a "queue" -d 'Which open tickets breach next: the live queue'
complete -c slacalc -n "__fish_slacalc_using_subcommand help; and not __fish_seen_subcommand_from deadline escalate renew eol coverage holidays clock audit queue check schema completions man help" -f -a "check" -d 'Validate calendars/ and plans/ (the embedded ones without --data)'
complete -c slacalc -n "__fish_slacalc_using_subcommand help; and not __fish_seen_subcommand_from deadline escalate renew eol coverage holidays clock audit queue check schema completions man help" -f -a "schema" -d 'Print the JSON Schema of a subcommand\'s `--format json` output'
complete -c slacalc -n "__fish_slacalc_using_subcommand help; and not __fish_seen_subcommand_from deadline escalate renew eol coverage holidays clock audit queue check schema completions man help" -f -a "completions" -d 'Print shell completions (bash, zsh, fish, powershell, elvish)'
complete -c slacalc -n "__fish_slacalc_using_subcommand help; and not __fish_seen_subcommand_from deadline escalate renew eol coverage holidays clock audit queue check schema completions man help" -f -a "man" -d 'Print a man page (roff): slacalc(1), or a subcommand\'s slacalc-SUB(1)'
complete -c slacalc -n "__fish_slacalc_using_subcommand help; and not __fish_seen_subcommand_from deadline escalate renew eol coverage holidays clock audit queue check schema completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
