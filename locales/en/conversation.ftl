# Answering a report: questions, preview, submitting.

conversation-resuming = Continuing from the question you were answering.
conversation-draft-kept = Continuing the question you were answering; the { $count } part(s) you sent are kept.
conversation-already-submitted = Your unit's report was submitted at { $time }. You can still change any answer until the round closes; after a change, press «Submit report» again.
conversation-returned =
    The office returned { $count } question(s) for you to complete.
    The office's comment: { $comment }
conversation-all-answered = Every question has an answer. Check them, then press «Submit report».
conversation-stale-button = This button is old (it belongs to an earlier question or another round), so I did nothing. Your saved answers are unchanged. Type /report to continue.
conversation-stale-button-toast = This button is old; nothing changed.
conversation-cannot-edit = This question cannot be changed now.
conversation-changed-since-preview = The report changed after your last preview (perhaps someone else in your unit). This is the latest version; check it, then press «Submit report».
conversation-nothing-to-submit = The report is already submitted and nothing has changed.
conversation-required-no-skip = This question is required and cannot be skipped.
conversation-first-question = This is the first question.
conversation-no-last-value = There is no answer from the last period for this question.
conversation-no-current-value = This question has no answer yet.
conversation-draft-cleared = The parts you sent were cleared. Send the answer to this question again.
conversation-pick-at-least-one = Pick at least one option, then press «Done».
conversation-locked-round-closed = This reporting round is closed; answers can no longer be changed.
conversation-locked-round-not-open = This reporting round is not open yet; the office will tell you when answers are collected.
conversation-locked-accepted = The office accepted your unit's report, so it can no longer be changed. Contact the office if something must change.
conversation-preview-text = You are reviewing the report. Press «Submit report» to send it, or press a question's number (✏️) to change it.
conversation-non-text = I can only read text messages. Please type your answer (photos, stickers, voice messages and files are not stored).
conversation-non-text-buttons = I can only read text messages. Please press one of the buttons below or type your answer.
conversation-not-a-reporter = You do not report for any unit, so there are no questions for you. If you should report for a unit, ask an administrator for an invite link.
conversation-no-open-round = There is no open reporting round for your unit right now. I will message you when the office opens one.
conversation-choose = You have { $count } reports to answer. Choose one:
conversation-choose-line = { $number }. { $unit } — { $round } (due { $deadline }; { $status })
conversation-idle-hint = Type /report to answer the report's questions.
conversation-not-your-unit = You do not report for this unit, so you cannot see or change its answers. Type /report for your own unit's report.
conversation-submitted = ✅ The report of { $unit } was submitted at { $time }. Thank you! You can still change answers until the round closes (type /report).
conversation-resubmitted = ✅ The report of { $unit } was submitted again at { $time }. The office will look at what you added.
conversation-submit-refused-not-found = This report was not found. Type /report to start again.
conversation-submit-refused-round-closed = The round is closed; the report can no longer be submitted.
conversation-submit-refused-round-not-open = The round is not open yet; the report cannot be submitted.
conversation-submit-refused-accepted = The office has accepted the report.
conversation-submit-refused-already-submitted = The report is already submitted and nothing has changed.
conversation-save-refused-not-found = This report was not found; the answer was not saved. Type /report to start again.
conversation-save-refused-round-closed = The round has just closed, so this answer was not saved.
conversation-save-refused-round-not-open = The round is not open yet, so this answer was not saved.
conversation-save-refused-accepted = The office has accepted the report, so this answer was not saved.
conversation-save-refused-not-returned = The office returned only some questions; this one cannot be changed now.
conversation-saved = ✅ Question { $number } saved.
conversation-skipped = ⏭ Question { $number } skipped.
conversation-overwrote = ⚠️ While you were typing, { $name } answered this question (at { $time }). Your answer was saved in its place; { $name }'s version stays in the history.
conversation-overwritten-by = ⚠️ { $name } has just replaced your answer to question { $number } in the report of { $unit }. Your version stays in the history; type /report to review.
conversation-reopened = The report is back to «In progress». When you have finished your changes, press «Submit report» again.
conversation-edited-message = Editing a sent message does not change the saved answer. To change it, type /report, press «Review» and choose the question's number.

answer-error-empty = I did not receive any text. Please type your answer.
answer-error-too-long = The answer is { $length } characters long, over this question's limit of { $max }. Please shorten it (at most { $max } characters) and send it again.
answer-error-draft-too-long = With the part you just sent the answer would be { $length } characters, over the limit of { $max }. That part was not kept; the earlier parts are. Send a shorter part or press «Done».
answer-error-draft-empty = You have not sent anything for this question yet. Type your answer, then press «Done».
answer-error-not-a-number = «{ $text }» is not a number. Type a number such as 12, 1.234 or 1,5 (type «không» or «none» for 0).
answer-error-number-below-min = This number is below the allowed minimum. Type a number of { $min } or more.
answer-error-number-above-max = This number is above the allowed maximum. Type a number of at most { $max }.
answer-error-number-not-integer = This question needs a whole number (no decimals), e.g. 12.
answer-error-not-a-date = «{ $text }» is not a date. Type it as day/month/year, e.g. 05/3/2025.
answer-error-impossible-date = The date «{ $text }» does not exist (invalid day or month). Please check it, e.g. 05/3/2025.
answer-error-not-yes-no = Press «Yes» or «No» (or type yes/no).
answer-error-unknown-option = There is no option «{ $text }». Press one of the buttons below or type the option's number.
answer-error-too-many-items = The list has { $count } items, more than the maximum of { $max }. Combine some and send it again.
answer-error-item-too-long = Item { $item } is { $length } characters long, over the limit of { $max } per item. Shorten it and send it again.
answer-error-too-many-options = You can pick at most { $max } options.

question-header = Question { $number }/{ $total } · { $unit }
question-help = ℹ️ { $help }
question-example = ✏️ Example: { $example }
question-returned = 🔁 The office asks you to complete this: { $comment }
question-current =
    💾 Current answer ({ $author }, { $time }):
    { $answer }
question-current-skipped = 💾 This question was skipped ({ $author }, { $time }).
question-last-period =
    🕘 Your unit's answer last period:
    { $answer }
question-hint-short-text = 👉 Type a short answer (at most { $max } characters).
question-hint-long-text = 👉 Type your answer; you may send several messages (at most { $max } characters in all), then press «Done» or type «done».
question-hint-list = 👉 Send one item per line or one item per message (at most { $maxItems } items), then press «Done» or type «done».
question-hint-number = 👉 Type a number, e.g. 12, 1.234 or 1,5 (type «none» for 0).
question-hint-yes-no = 👉 Press «Yes» or «No».
question-hint-single-choice = 👉 Press one of the options below (or type its number).
question-hint-multiple-choice = 👉 Press options to tick or untick them (at most { $maxItems }), then press «Done».
question-hint-date = 👉 Type the date as day/month/year, e.g. 05/3/2025.
question-hint-document-ref = 👉 Type the document's name, number, date and issuer, e.g.: Công văn số 09-CV/BCĐ ngày 10/9/2024 của Ban Chỉ đạo (at most { $max } characters).
question-optional = This question is optional; you may press «Skip».
question-selected = Selected: { $count }.
draft-status-list = { $count } item(s) received (at most { $maxItems }).
draft-status-text = { $parts } part(s) received, { $length }/{ $max } characters.
draft-how-to-finish = Send more if there is more, or press «Done» (type «done») to save the answer.

button-yes = Yes
button-no = No
button-done = ✅ Done
button-done-selected = ✅ Done ({ $count } selected)
button-clear = 🗑 Clear and restart
button-keep-last = 🕘 Keep last period's answer
button-keep-current = ➡️ Keep the current answer
button-skip = ⏭ Skip
button-back = ⬅️ Previous
button-preview = 📋 Review
button-submit = 📤 Submit report
button-continue = ▶️ Continue answering
button-start-answering = ▶️ Start answering
button-forged = This button is not valid or is old, so I did nothing; nothing changed. Type /report to continue.

value-yes = Yes
value-no = No

preview-title = 📋 Review of the report of { $unit }
preview-round = Round: { $round } · Due: { $deadline }
preview-status = Status: { $status }
preview-returned-comment = The office's comment: { $comment }
preview-missing-required = ⚠️ Not answered (required)
preview-missing = — Not answered
preview-skipped = — Skipped
preview-locked = The office accepted the report; it can no longer be changed.
preview-missing-list = { $count } required question(s) still unanswered: { $numbers }. Answer them before submitting.
preview-submitted = The report was submitted at { $time }.
preview-ready = Every required question has an answer. Press «Submit report» to send it to the office.
preview-edit-hint = To change an answer, press its question's number (✏️).

status-not-started = Not started
status-in-progress = In progress
status-submitted = Submitted
status-returned = Returned for more detail
status-accepted = Accepted

prompt-round-open =
    📣 The reporting round { $round } is open.
    Unit: { $unit } — { $count } questions.
    Due: { $deadline }.
    Press «Start answering» (or type /report). You can stop at any point and continue later; every answer is saved at once.

