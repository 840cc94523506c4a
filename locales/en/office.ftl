## The office's desk: progress (/status), the compiled draft (/compile), review (/review), CSV export (/export), notices when units submit.

office-only = This is for the office (the secretaries) and admins. Type /help to see the commands you can use.
office-no-rounds = There is no reporting round yet. The office opens one with /newround.
office-stale-button = This button is out of date or what it pointed to is gone; nothing was changed.
office-page = Page { $page }/{ $pages }

## Progress table

office-status-title =
    📊 Progress of the { $round } report
    Deadline: { $deadline } ({ $state })
office-round-open = accepting reports
office-round-overdue = past the deadline, still accepting
office-round-closed = the round is closed
office-round-draft = the round is not open yet
office-summary = Submitted { $submitted }/{ $total } units ({ $accepted } accepted) · answering { $inProgress } · not started { $notStarted } · returned for more detail { $returned }
office-summary-unreachable = ⚠️ { $count ->
        [one] { $count } unit that has not submitted cannot be reminded
       *[other] { $count } units that have not submitted cannot be reminded
    } on Telegram (no reporter, or the reporters blocked the bot); please contact them directly.
office-no-units = No unit is part of this round yet.
office-line-not-started = { $number }. ⏳ { $unit } — not started
office-line-in-progress = { $number }. ✍️ { $unit } — answering, { $answered }/{ $total } questions, last at { $time }
office-line-returned = { $number }. 🔁 { $unit } — returned { $time } ({ $count ->
        [one] { $count } question
       *[other] { $count } questions
    }), waiting for more detail
office-line-submitted = { $number }. ✅ { $unit } — submitted { $time }
office-line-accepted = { $number }. ☑️ { $unit } — accepted { $time }
office-line-no-reporter = ⚠️ no reporter yet
office-line-unreachable = ⚠️ cannot message: { $people }
office-reporter-status-title = 📊 Your unit's reports:
office-reporter-nothing-open = There is no open reporting round for your unit at the moment.
office-reporter-round = { $round } (deadline { $deadline }):
office-reporter-hint = Type /report to answer or change your answers.

office-button-remind-all = 🔔 Remind all { $count } late units
office-button-previous = ◀️ Previous
office-button-next = Next ▶️
office-button-review = 🔍 Review reports
office-button-refresh = 🔄 Refresh
office-button-other-round = 📅 Another round
office-button-status = 📊 Progress
office-button-review-unit = 🔍 { $unit }

office-remind-unavailable = Reminders cannot be sent right now (the reminder queue is not available). Please try again later or use /remind.
office-remind-round-not-open = The round is no longer open, so no reminder was sent.
office-remind-night = It is night time, so I do not send reminders. Please press again after 6 a.m.
office-remind-nobody = Every unit has submitted; nobody needs a reminder.
office-remind-unit-nothing-owed = { $unit } has submitted; no reminder needed.
office-remind-already = These units were reminded less than a minute ago; I did not send it again.
office-remind-unit-queued = 🔔 Reminder sent to the reporters of { $unit }.
office-remind-queued = 🔔 Sending reminders to { $count ->
        [one] { $count } late unit
       *[other] { $count } late units
    }.
office-remind-skipped-recent = { $count ->
        [one] { $count } other unit was
       *[other] { $count } other units were
    } reminded less than a minute ago and not reminded again.

office-pick-round-status = Choose the round to see its progress:
office-pick-round-compile = Choose the round to compile:
office-pick-round-review = Choose the round to review:
office-pick-round-export = Choose the round to export:

## Compiled draft (.docx)

office-compile-head = 📄 Draft of the consolidated report, version { $version }.
office-compile-head-final = 📄 Final consolidated report (the round is closed), version { $version }.
office-compile-reused = Nothing changed since this version, so this is the stored file.
office-compile-included = { $included }/{ $total } units compiled.
office-compile-option-drafts = answers of units that have not submitted (drafts) included
office-compile-option-attribution = each item followed by its unit's name
office-compile-options = Options: { $options }.
office-compile-warnings = ⚠️ { $count ->
        [one] { $count } answer could not be used
       *[other] { $count } answers could not be used
    }; details in the next message.
office-compile-drafts = Drafts included ({ $count }): { $units }.
office-compile-missing = Not submitted ({ $count }): { $units }.
office-compile-all-submitted = Every unit has submitted.
office-compile-missing-below = Not submitted: { $count } units; drafts included: { $drafts }. The lists are in the next message.
office-compile-missing-title = Units that have not submitted ({ $count }):
office-compile-drafts-title = Units whose drafts are in this draft report ({ $count }):
office-compile-warnings-title = Answers that could not be used ({ $count }):
office-compile-failed = This round could not be compiled (it no longer exists). Type /status to see the rounds there are.
office-compile-unknown-option = I do not know the option “{ $word }”. Use /compile (submitted reports only), /compile drafts (also units that have not submitted), /compile attribution (each item followed by its unit), or both: /compile drafts attribution.
office-compile-working = Compiling…
office-button-with-drafts = 📝 Compile again with drafts
office-button-submitted-only = 📄 Compile again, submitted only
office-button-attribution = 🏷 Compile again with unit names
office-button-no-attribution = 🏷 Compile again without unit names

## CSV export

office-export-caption = Answers of { $units } units ({ $rows } rows, one per question of each unit). UTF-8 CSV, opens in Excel.
office-csv-yes = Yes
office-csv-no = No
office-csv-unit-order = Unit no.
office-csv-unit-code = Unit code
office-csv-unit-name = Unit
office-csv-status = Status
office-csv-question-number = Question no.
office-csv-question-key = Question key
office-csv-question = Question
office-csv-answer = Answer
office-csv-value-json = Value (JSON)
office-csv-skipped = Skipped
office-csv-revision = Revision
office-csv-author = Answered by
office-csv-updated-at = Updated at
office-status-not-started = Not started
office-status-in-progress = Answering
office-status-submitted = Submitted
office-status-returned = Returned for more detail
office-status-accepted = Accepted

## Notices to the office when units submit

office-notice-title = 📥 { $round } report: { $count ->
        [one] { $count } unit just sent
       *[other] { $count } units just sent
    }
office-notice-submitted = • { $unit } — submitted at { $time }
office-notice-resubmitted = • { $unit } — changed and submitted again at { $time }
office-notice-answered-return = • { $unit } — added what the office asked for and submitted again at { $time }
office-notice-progress = { $submitted }/{ $total } units have submitted so far.

## Review

office-review-list-title = 🔍 Review of the { $round } reports
office-review-list-waiting = Waiting for the office: { $count }. Choose a unit to read its answers:
office-review-list-empty = No unit has answered in this round yet.
office-review-title = 📄 { $unit } — { $round } report
office-review-status = Status: { $status }
office-review-submitted-at = Last submitted: { $time }
office-review-last-return = Last returned ({ $time }): { $comment }
office-review-unanswered = (not answered)
office-review-skipped = (skipped)
office-review-locked-accepted = The report is accepted and locked; press “Return” if the unit must add something.
office-review-locked-closed = The round is closed; answers can no longer change.
office-review-not-submitted = The unit has not submitted this report, so it cannot be accepted or returned yet.
office-button-accept = ✅ Accept
office-button-return = 🔁 Return for more detail…
office-button-back-to-list = ↩️ Units
office-button-return-continue = ➡️ Continue ({ $count })
office-button-cancel = ✖️ Cancel
office-return-pick = Choose the questions { $unit } should answer again (press to select or unselect), then press “Continue”.
office-return-pick-one = Please choose at least one question.
office-return-cancelled = Cancelled; the report is unchanged.
office-return-ask-comment = Type your comment to { $unit } about questions { $numbers } (at most { $max } characters), e.g. “Please give the figures and the date of the meeting”. Type /cancel to stop.
office-return-comment-not-text = Please type the comment as text (photos, stickers and voice messages are not kept). Type /cancel to stop.
office-review-refused-not-found = This report no longer exists.
office-review-refused-version-changed = The report changed after you opened it; this is the latest version, please look again.
office-review-refused-not-allowed = The report's status does not allow this (only submitted reports can be accepted; reports can be returned only while the round is open).
office-review-refused-no-questions = Please choose at least one question.
office-review-refused-unknown-question = A chosen question is not part of this unit's report.
office-review-refused-empty-comment = The comment must not be empty. Please type your comment to the unit (at most { $max } characters).
office-review-refused-comment-too-long = The comment is { $length } characters long, more than { $max }. Please shorten it and send it again.
office-accepted-toast = Accepted.
office-accepted = ✅ { $unit }'s report is accepted. The unit was told, and the report is locked unless the office returns it.
office-accepted-reporter = ✅ The office accepted { $unit }'s { $round } report. Thank you! The report is now locked; if something must change, please contact the office.
office-returned = 🔁 Returned { $count } questions to { $unit } and told { $sent } reporters. I will tell you when the unit submits again.
office-returned-nobody-told = 🔁 Returned { $count } questions to { $unit }, but none of its reporters could be messaged (no reporter yet, or they blocked the bot). Please contact them directly.
office-returned-reporter-question = • Question { $number }: { $question }
office-returned-reporter =
    🔁 The office asks { $unit } for more detail in the { $round } report, questions:
    { $questions }
    The office's comment: { $comment }
    Press the button below (or type /report) to answer these questions again, then submit the report again.
office-button-answer-again = ✏️ Answer now
