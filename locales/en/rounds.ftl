## Reporting rounds: open a new one (/newround), list and manage them (/rounds), remind the units that have not submitted now (/remind).

## Opening a new round

newround-no-organisation = The organisation is not set up yet. An admin first imports the organisation and its units («npm run import -- org.yaml»); then you can open a round.
newround-pick-template =
    🆕 New reporting round
    Step 1. Choose the report:
newround-pick-kind =
    🆕 New reporting round — { $template }
    Step 2. Choose the kind of period:
newround-kind-month = Month
newround-kind-quarter = Quarter
newround-kind-half-year = 6 months
newround-kind-nine-months = 9 months
newround-kind-year = Year
newround-pick-period =
    🆕 New reporting round — { $template }
    Step 2. Kind of period: { $kind }. Choose a suggested period below or press «Other period».
newround-button-other-period = 📅 Other period…
newround-pick-number =
    🆕 New reporting round — { $template }
    Step 2. Choose the period ({ $kind }):
newround-pick-year =
    🆕 New reporting round — { $template }
    Step 2. Choose the year of the period:
newround-ask-deadline =
    🆕 Round for { $period } — { $template }
    Step 3. Type the deadline as day/month/year, e.g. 10/10/2024 (the deadline is 17:00 that day), or with a time, e.g. 10/10/2024 16:30.
    Type /cancel to stop.
newround-ask-request =
    Deadline: { $deadline }.
    Step 4. Type the document requesting the report, e.g. Công văn số 09-CV/BCĐ ngày 10/9/2024 của Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở.
    If there is none, press the button below.
newround-button-no-request = ⏭ No document, skip
newround-request-empty = The request document is empty. Type it again, or press «No document, skip» above.
newround-request-too-long = The request document is { $length } characters long, over the limit of { $max }. The number, date and issuer are enough.
newround-ask-recipients =
    Step 5. The report is addressed («Kính gửi») by default to:
    { $recipients }
    Press «Keep», or type another list, one recipient a line (at most { $max } lines).
newround-ask-recipients-none =
    Step 5. Neither the report nor the organisation has default recipients («Kính gửi»).
    Type the recipients, one a line (at most { $max } lines).
newround-button-keep-recipients = ✅ Keep
newround-recipients-empty = The list of recipients is empty. Type one recipient a line.
newround-recipients-too-many = The list has { $length } recipients, more than the { $max } allowed. Type a shorter list.
newround-recipients-too-long = One recipient is { $length } characters long, over the limit of { $max }. Type it again.
newround-summary =
    Step 6. Please check before the round opens:
    • Report: { $template }
    • Period: { $period }
    • Deadline: { $deadline }
    • Request document: { $request }
    • Addressed to:
    { $recipients }
    • Units asked: { $units }
newround-summary-no-request = (none)
newround-summary-no-recipients = (none yet)
newround-summary-no-reporter = ⚠️ { $count ->
        [one] { $count } unit has
       *[other] { $count } units have
    } no reporter yet: { $units }. The round can still open; an admin can invite them with /invite.
newround-button-confirm = ✅ Open the round
newround-button-cancel = ✖️ Cancel
newround-cancelled = Cancelled; no round was opened.
newround-nothing-to-cancel = No round is being prepared.
newround-stale-button = This button is out of date (that step is over or was cancelled); nothing was changed. Type /newround to start again.
newround-use-buttons = Please choose with the buttons above (or type /cancel to stop).
newround-deadline-passed-meanwhile = The deadline { $deadline } passed while waiting for the confirmation. Type a new deadline; everything else is kept.
newround-duplicate = The round { $round } is already open, so I did not open another one. Use /rounds to move its deadline, close or reopen it.
newround-no-units = This report asks no active unit anything, so no round was opened. Check the units (/units) and their kinds.
newround-opened =
    ✅ The round { $round } is open.
    Deadline: { $deadline }.
    Reports created for { $units ->
        [one] { $units } unit
       *[other] { $units } units
    }.
newround-opened-prompted = 📣 Invited { $count ->
        [one] { $count } reporter
       *[other] { $count } reporters
    } to answer.
newround-opened-no-reporter = ⚠️ { $count ->
        [one] { $count } unit has
       *[other] { $count } units have
    } no reporter yet: { $units }. An admin can invite them with /invite.
newround-opened-unreachable = ⚠️ Could not message { $count ->
        [one] { $count } person
       *[other] { $count } people
    } (they blocked the bot or left Telegram); please contact them directly.
newround-opened-failed = ⚠️ The invitation did not reach { $count ->
        [one] { $count } person
       *[other] { $count } people
    } yet; they still get the scheduled reminders.
newround-opened-prompt-error = ⚠️ The invitations could not be sent just now; the reporters still get the scheduled reminders and can type /report to answer.
newround-opened-reminders = 🔔 Scheduled { $count ->
        [one] { $count } reminder
       *[other] { $count } reminders
    } for the units that have not submitted and for the office.

## Typed deadlines (new round, moving a deadline)

rounds-deadline-empty = Type the deadline as day/month/year, e.g. 10/10/2024.
rounds-deadline-not-a-date = I could not read «{ $text }» as a date. Type it as day/month/year, e.g. 10/10/2024 or 10/10/2024 16:30.
rounds-deadline-impossible-date = «{ $text }» is not a day of the calendar. Please check the day and the month.
rounds-deadline-bad-time = The time in «{ $text }» is not valid (hours 0 to 23, minutes 0 to 59). Type it again, e.g. 10/10/2024 16:30.
rounds-deadline-past = The deadline { $deadline } is already over (it is now { $now }). Type a time after now.

## Listing and managing rounds

rounds-title = 📅 Reporting rounds
rounds-empty = There is no reporting round yet. Type /newround to open the first one.
rounds-line =
    { $number }. { $mark } { $round }
    { $state } · deadline { $deadline } · submitted { $submitted }/{ $total } units
rounds-state-open = accepting reports
rounds-state-overdue = past the deadline, still accepting
rounds-state-closed = closed
rounds-state-draft = not open yet
rounds-button-move = { $number }. ⏰ Move deadline
rounds-button-close = { $number }. 🔒 Close
rounds-button-reopen = { $number }. 🔓 Reopen
rounds-button-refresh = 🔄 Refresh
rounds-ask-deadline =
    ⏰ Round { $round }, current deadline { $deadline }.
    Type the new deadline as day/month/year (17:00 that day) or with a time, e.g. 25/10/2024 16:30. Type /cancel to stop.
rounds-deadline-moved = ⏰ The deadline of { $round } moved from { $from } to { $to }. The reminders follow the new deadline.
rounds-confirm-close =
    Close the round { $round }? Submitted { $submitted }/{ $total } units.
    Once closed, units can no longer change or submit answers and get no more reminders. You can reopen it later.
rounds-button-confirm-close = 🔒 Close the round
rounds-button-keep-open = Keep it open
rounds-closed = 🔒 The round { $round } is closed; { $removed ->
        [one] { $removed } pending reminder was
       *[other] { $removed } pending reminders were
    } dropped. Type /compile for the final compiled report.
rounds-reopened = 🔓 The round { $round } is open again, deadline { $deadline }. Units that have not submitted can go on answering; { $planned ->
        [one] { $planned } reminder is
       *[other] { $planned } reminders are
    } scheduled.
rounds-reopened-past-deadline = The deadline is over; press «Move deadline» to give the units more time.
rounds-refused-not-found = This round no longer exists; nothing was changed.
rounds-refused-not-open = This round is no longer open; nothing was changed.
rounds-refused-not-closed = This round is open; nothing was changed.
rounds-refused-deadline-past = The new deadline is already over. Type a time after now.
rounds-not-text = Please type it as text (or type /cancel to stop).

## Remind now (/remind)

remind-no-open-round = No reporting round is open, so there is nobody to remind.
remind-pick-round = Several rounds are open. Choose the round whose late units should be reminded:
remind-round = Round { $round }:
remind-unavailable = Reminders cannot be sent just now (the reminder queue is not ready). Please try again in a few minutes.
