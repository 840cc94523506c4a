## Deadline reminders (to a unit's reporters) and progress digests (to the office).

reminder-before =
    Reminder: please complete the { $period } report ({ $report }) for { $unit } before { $deadline } ({ $days } working days left).
    Type /report to continue.
reminder-deadline =
    Reminder: the { $period } report ({ $report }) for { $unit } is due { $deadline }. Please complete and submit it on time.
    Type /report to continue.
reminder-overdue =
    Reminder: the { $period } report ({ $report }) for { $unit } is overdue (it was due { $deadline }). Please complete and submit it soon.
    Type /report to continue.
reminder-manual =
    { $overdue ->
        [yes] The office reminds you: the { $period } report ({ $report }) for { $unit } is overdue (it was due { $deadline }). Please complete and submit it soon.
       *[no] The office reminds you: please complete the { $period } report ({ $report }) for { $unit } before { $deadline }.
    }
    Type /report to continue.
reminder-returned-note = The office returned the report for more detail; please read the comments, edit and submit it again.

reminder-digest-title = Progress of the { $period } report ({ $report }), due { $deadline }:
reminder-digest-progress = { $submitted }/{ $total } units have submitted; not yet: { $pending }.
reminder-digest-all-done = { $submitted }/{ $total } units have submitted.
reminder-digest-more = … and { $count } more
reminder-digest-unreachable = Reminders could not be delivered to: { $people }. They blocked the bot or no longer use Telegram; please contact them directly.
reminder-digest-hint = Type /remind to remind the units that have not submitted now.
