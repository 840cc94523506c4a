### ── admin ──

# Administration: units (/units), invites (/invite) and people (/people).

admin-only = Sorry, only an administrator can use this.

units-title = Units ({ $count }):
units-line = { $number }. { $name } — { $kind } · code { $code }
units-line-inactive = { $number }. ⏸ { $name } — { $kind } · code { $code } (inactive)
units-empty = There are no units yet. An administrator can import them with “npm run import -- org.yaml” or press “Add unit”.
units-button-add = ➕ Add unit
units-button-rename = ✏️ Rename
units-button-toggle = ⏯ Deactivate / reactivate
units-ask-name = Send the new unit's name (at most { $max } characters). Type /cancel to stop.
units-ask-kind = Choose the kind of unit for “{ $name }”:
units-pick-kind-first = Choose a kind of unit in the message above (press it or type its number), or type /cancel to stop.
units-pick-rename = Choose the unit to rename:
units-pick-toggle = Choose the unit to deactivate or reactivate:
units-ask-new-name = Send the new name for “{ $name }” (at most { $max } characters). Type /cancel to stop.
units-name-invalid = A unit's name must be 1 to { $max } characters long (the one you sent is { $length }). Please send it again.
units-name-not-text = Please type the unit's name as text (or type /cancel to stop).
units-added = ✅ Unit “{ $name }” added (code { $code }).
units-renamed = ✅ Renamed to “{ $name }”.
units-activated = ✅ Unit “{ $name }” is active again.
units-deactivated = ⏸ Unit “{ $name }” is now inactive: it is not asked in new rounds and gets no new invites; its earlier answers are kept.
units-no-organisation = The organisation is not set up yet. An administrator must first run “npm run import -- org.yaml”.

unit-kind-department = department
unit-kind-affiliated = affiliated unit
unit-kind-trade-union = trade union
unit-kind-youth-union = youth union
unit-kind-party-cell = party cell
unit-kind-other = other
unit-kind-office = office

invite-choose-role = Whom do you want to invite?
invite-button-reporter = 👤 A unit's reporter
invite-button-secretary = 🗂 The office (report secretary)
invite-pick-unit = Choose the reporter's unit:
invite-unit-unavailable = This unit is inactive or no longer exists. Type /invite to choose again.
invite-link-reporter =
    Invite link for the reporter of { $unit } (single use, expires at { $until }):
    { $link }
    Send it to the right person; when they open it, I will register them with the unit.
invite-link-secretary =
    Invite link for the office (single use, expires at { $until }):
    { $link }
    Send it to the right person.

admin-page = Page { $page }/{ $pages }
admin-button-previous = ◀️ Previous page
admin-button-next = Next page ▶️
units-reporters = Reporters: { $names }
units-no-reporter = ⚠️ no reporter yet

invite-button-reporter-via = 👤 Reporter · { $via ->
        [zalo] Zalo code
       *[other] Telegram link
    }
invite-button-secretary-via = 🗂 Office (secretary) · { $via ->
        [zalo] Zalo code
       *[other] Telegram link
    }
invite-button-cancel = ✖️ Cancel
invite-cancelled = Cancelled; no invite was made.
invite-no-channel = No invite can be made: no messaging channel is connected yet. Please contact whoever runs the server.
invite-kinds-explained =
    • Telegram link: the invited person opens the link in Telegram and is in.
    • Zalo code: the invited person follows the organisation's Official Account on Zalo, then sends it the code.
invite-role-reporter = reporter of { $unit }
invite-role-secretary = the office (report secretary)
invite-code-made = Zalo invite code made for the { $who }. Pass the message below on, as it is, to the right person; the code works once.
invite-code-message =
    You are invited to join the Tổng hợp reporting system of { $org } as { $who }. To join on Zalo:
    1. Open { $link } and press “Follow” (Quan tâm) to follow the Official Account.
    2. Send this code in the chat with the Official Account:
    { $code }
    The code works once and expires at { $until }.

people-title = People by role ({ $count } roles):
people-group-admins = Administrators:
people-group-office = The office (report secretaries):
people-nobody = nobody yet
people-hint = Choose “✖️ …” below to remove a role; I will ask before removing it.
people-button-revoke = ✖️ { $name } — { $role }
people-role = { $role ->
        [ADMIN] an administrator
        [SECRETARY] a secretary of the office
       *[REPORTER] a reporter of { $unit }
    }
people-confirm = Remove { $name }'s role as { $role }?
people-confirm-effect-reporter = From their next message on, this person can no longer answer for the unit and gets none of its reminders or notices. The answers already sent are kept.
people-confirm-effect-secretary = From their next message on, this person can no longer use the office's commands and gets no more progress digests or submission notices.
people-confirm-effect-admin = From their next message on, this person can no longer manage units, people and invites.
people-confirm-self = This is your own role.
people-button-confirm = ✅ Remove the role
people-button-back = ↩️ Back
people-removed = ✅ { $name } is no longer { $role }.
people-already-removed = That role had already been removed; the list below is the current one.
people-last-admin = This cannot be done: you are the only administrator left, and without one nobody could manage units, people and invites. Invite another administrator first (“npm run invite -- --role admin” on the server), then remove your own role.
people-removed-notice = You are no longer { $role } in the Tổng hợp reporting system: an administrator removed this role. If this is a mistake, please contact the administrator.

### ── common ──

error-try-again = Sorry, the system is busy or ran into a problem. Please try again in a few minutes; the answers you saved are not lost.
start-org-fallback = your agency
start-intro =
    Hello! I am the Tổng hợp assistant of { $org }.
    Every reporting round I ask each unit the questions of the report, remind them before the deadline and compile the answers into the consolidated draft report (.docx) for the office.
start-no-role =
    You are not linked to a unit or role yet.
    To join, { $channel ->
        [zalo] send me the invite code (like K7QM-3XD9-PA) the office or an administrator gave you
       *[other] open the invite link (t.me/…?start=…) the office or an administrator sent you
    }; I will register you with the right unit.
start-reporter =
    You report for: { $units }.
    Type /report to answer the questions of the open reporting round; you can stop at any point and continue later.
start-secretary = As the office, you can open a reporting round (/newround), follow progress (/status), remind late units (/remind) and get the compiled draft report (/compile).
start-admin = As an administrator, you manage units (/units), create invite links (/invite) and add report templates by sending their .yaml file here.
start-help-hint = Type /help to see every command you can use.
flood-slow-down = You are sending too many messages in a short time, so the latest ones were not handled. Please wait about a minute and send them again.

### ── conversation ──

# Answering a report: questions, preview, submitting.

conversation-resuming = Continuing from the question you were answering.
conversation-already-submitted = Your unit's report was submitted at { $time }. You can still change any answer until the round closes; the office uses the submitted version until you press “Submit again”.
conversation-returned =
    { $count ->
        [one] The office returned one question for you to complete; what you send is added to the answer there.
       *[other] The office returned { $count } questions for you to complete; what you send is added to the answers there.
    }
conversation-all-answered = Every question has an answer. Check them, then press “Submit report”.
conversation-stale-button = This button is old (it belongs to an earlier question or another round), so I did nothing. Your saved answers are unchanged. Type /report to continue.
conversation-stale-button-toast = This button is old; nothing changed.
conversation-cannot-edit = This question cannot be changed now.
conversation-changed-since-preview = The report changed after your last preview (perhaps someone else in your unit). This is the latest version; check it, then press “Submit report”.
conversation-nothing-to-submit = The report is already submitted and nothing has changed.
conversation-required-no-skip = This question is required and cannot be skipped.
conversation-first-question = This is the first question.
conversation-no-last-value = There is no answer from the last period for this question.
conversation-no-current-value = This question has no answer yet.
conversation-draft-cleared = The parts sent earlier for this question were cleared. Type your answer in one message.
conversation-pick-at-least-one = Pick at least one option, then press “Done”.
conversation-locked-round-closed = This reporting round is closed; answers can no longer be changed.
conversation-locked-round-not-open = This reporting round is not open yet; the office will tell you when answers are collected.
conversation-locked-accepted = The office accepted your unit's report, so it can no longer be changed. Contact the office if something must change.
conversation-preview-text = You are reviewing the report. Press “Submit report” to send it, or press a question's number (✏️) to change it.
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
conversation-submit-refused-check-failed =
    ⚠️ The report was not submitted because some figures do not agree:
    { $problems }
    Please correct the answers concerned and submit again.
conversation-save-refused-not-found = This report was not found; the answer was not saved. Type /report to start again.
conversation-save-refused-round-closed = The round has just closed, so this answer was not saved.
conversation-save-refused-round-not-open = The round is not open yet, so this answer was not saved.
conversation-save-refused-accepted = The office has accepted the report, so this answer was not saved.
conversation-save-refused-not-returned = The office returned only some questions; this one cannot be changed now.
conversation-saved = ✅ Question { $number } saved.
conversation-skipped = ⏭ Question { $number } skipped.
conversation-overwrote = ⚠️ While you were typing, { $name } answered this question (at { $time }). Your answer was saved in its place; { $name }'s version stays in the history.
conversation-overwritten-by = ⚠️ { $name } has just replaced your answer to question { $number } in the report of { $unit }. Your version stays in the history; type /report to review.
conversation-edited-message = Editing a sent message does not change the saved answer. To change it, type /report, press “Review” and choose the question's number.

answer-error-empty = I did not receive any text. Please type your answer.
answer-error-too-long = The answer is { $length } characters long, over this question's limit of { $max }. Please shorten it (at most { $max } characters) and send it again.
answer-error-draft-empty = You have not sent anything for this question yet. Type your answer in one message.
answer-error-not-a-number = “{ $text }” is not a number. Type a number such as 12, 1.234 or 1,5 (type “không” or “none” for 0).
answer-error-number-below-min = This number is below the allowed minimum. Type a number of { $min } or more.
answer-error-number-above-max = This number is above the allowed maximum. Type a number of at most { $max }.
answer-error-number-not-integer = This question needs a whole number (no decimals), e.g. 12.
answer-error-not-a-date = “{ $text }” is not a date. Type it as day/month/year, e.g. 05/3/2025.
answer-error-impossible-date = The date “{ $text }” does not exist (invalid day or month). Please check it, e.g. 05/3/2025.
answer-error-not-yes-no = Press “Yes” or “No” (or type yes/no).
answer-error-unknown-option = There is no option “{ $text }”. Press one of the buttons below or type the option's number.
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
question-hint-long-text = 👉 Type your answer in one message (at most { $max } characters); it is saved as soon as it arrives.
question-hint-list = 👉 Send the items in one message, one item per line (at most { $maxItems } items); they are saved as soon as they arrive.
question-hint-number = 👉 Type a number, e.g. 12, 1.234 or 1,5 (type “none” for 0).
question-hint-yes-no = 👉 Press “Yes” or “No”.
question-hint-single-choice = 👉 Press one of the options below (or type its number).
question-hint-multiple-choice = 👉 Press options to tick or untick them, then press “Done”; or type their numbers in one message, e.g. 1, 3 (at most { $maxItems }).
question-hint-date = 👉 Type the date as day/month/year, e.g. 05/3/2025.
question-hint-document-ref = 👉 Type the document's name, number, date and issuer, e.g.: Công văn số 09-CV/BCĐ ngày 10/9/2024 của Ban Chỉ đạo (at most { $max } characters).
question-optional = This question is optional; you may press “Skip”.
question-selected = Selected: { $count }.

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
preview-ready = Every required question has an answer. Press “Submit report” to send it to the office.
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
    Press “Start answering” (or type /report). You can stop at any point and continue later; every answer is saved at once.
conversation-choice-waiting = The items you just sent are waiting: add them to the list or replace it?
conversation-editing-submitted = ✏️ The report submitted at { $time } is being changed. The office still uses the submitted version; the changes (marked 📝) reach the office only when you press “Submit again”.
conversation-edit-after-submit = ✏️ You changed the report submitted at { $time }. The office keeps using the submitted version until you press “Submit again”.
conversation-resubmitted-edited = ✅ { $unit }'s report submitted again at { $time }; the office now uses this version. Thank you!
conversation-pending-dropped = The items you just sent were dropped; the list is unchanged.
conversation-done-not-needed = Question { $number } was saved as soon as you sent it; there is no need to type “done”. To add to it, press “➕ Add to question { $number }”.
conversation-saved-value = ✅ Question { $number } saved: { $value }
conversation-saved-kept = ✅ Question { $number } saved (as last period).
conversation-saved-text-replaced = ✅ Question { $number } saved, replacing the earlier answer.
conversation-saved-list =
    { $count ->
        [one] ✅ Question { $number } saved (one item).
       *[other] ✅ Question { $number } saved ({ $count } items).
    }
conversation-saved-list-replaced =
    { $count ->
        [one] ✅ Question { $number } saved: one item, replacing the earlier list.
       *[other] ✅ Question { $number } saved: { $count } items, replacing the earlier list.
    }
conversation-saved-text-added = ✅ Added to the answer to question { $number } (now { $length } characters).
conversation-saved-list-added =
    { $added ->
        [one] ✅ One item added to question { $number } (now { $count } items).
       *[other] ✅ { $added } items added to question { $number } (now { $count } items).
    }
conversation-part-text = ➕ The next part of your long message was joined to question { $number } (now { $length } characters).
conversation-part-list =
    { $added ->
        [one] ➕ The next item was added to question { $number } (now { $count } items).
       *[other] ➕ The next { $added } items were added to question { $number } (now { $count } items).
    }
answer-error-added-too-long = With what you just sent the answer would be { $length } characters, over the limit of { $max }. It was not saved; the earlier answer is unchanged. Shorten it, or press “🔄 Replace the answer” to send a new version instead of the old one.
answer-error-part-too-long = The next part of your message would make question { $number } { $length } characters long, over the limit of { $max }, so it was not saved; the earlier part is kept.
question-mode-list-ask =
    { $count ->
        [one] This question has one item. When you send new items I will ask whether to add them to the list or replace it (or choose now).
       *[other] This question has { $count } items. When you send new items I will ask whether to add them to the list or replace it (or choose now).
    }
question-mode-list-add =
    { $count ->
        [one] ➕ The items you send will be ADDED to the one item there.
       *[other] ➕ The items you send will be ADDED to the { $count } items there.
    }
question-mode-list-replace =
    { $count ->
        [one] 🔄 The items you send will REPLACE the whole list there (one item).
       *[other] 🔄 The items you send will REPLACE the whole list there ({ $count } items).
    }
question-mode-text-add = ➕ What you send will be ADDED after the answer there.
question-mode-text-replace = 🔄 What you send will REPLACE the answer there.
question-draft-kept = 📝 { $count } part(s) you sent earlier for this question are not saved yet: type “done” to save them, or send more to join them.
choice-current =
    { $count ->
        [one] Question { $number } has one item:
       *[other] Question { $number } has { $count } items:
    }
    { $current }
choice-added =
    { $count ->
        [one] You just sent one item:
       *[other] You just sent { $count } items:
    }
    { $items }
choice-ask = Add the new items to the list, or replace the whole list with them?
button-mode-add-list = ➕ Add to the list
button-mode-replace-list = 🔄 Replace the list
button-mode-add-text = ➕ Add to the answer
button-mode-replace-text = 🔄 Replace the answer
button-add-more = ➕ Add to question { $number }
button-choice-add = ➕ Add them ({ $count } items in all)
button-choice-replace =
    { $count ->
        [one] 🔄 Replace the list (one item)
       *[other] 🔄 Replace the list ({ $count } items)
    }
button-choice-drop = ✖️ Drop the items just sent
button-resubmit = 📤 Submit again
status-editing = Submitted, being changed (not submitted again)
preview-editing =
    { $count ->
        [one] 📝 Changed since it was submitted at { $time }: question { $numbers }. The office keeps using the submitted version until you press “Submit again”.
       *[other] 📝 Changed since it was submitted at { $time }: questions { $numbers }. The office keeps using the submitted version until you press “Submit again”.
    }
preview-editing-unchanged = 📝 The report submitted at { $time } is being changed. The office keeps using the submitted version until you press “Submit again”.
preview-ready-again = Press “Submit again” to send the new version to the office.


### ── join ──

# Joining with an invite link; people who have not joined.

join-refused-unknown = This invite code is not valid. Check the link (open the exact link you were sent rather than typing it) or ask the sender for a new one.
join-refused-used = This invite code has already been used. Each link works once; ask an administrator for a new one.
join-refused-used-by-you = You already joined with this invite code. Type /help to see the commands you can use.
join-refused-expired = This invite code expired at { $time }. Ask an administrator for a new link.
join-refused-revoked = This invite code was revoked. Ask an administrator for a new link.
join-refused-unit-inactive = The unit of this invite is no longer active, so you cannot join it. Contact an administrator.
join-refused-rate-limited = Too many wrong invite codes. To protect the system, please try again in { $minutes } minute(s).
join-ask-name = Please tell me your full name (family name first, for example “Nguyễn Thị Lan”; at most { $max } characters), so the office knows who answered.
join-confirm-name = I will record your name as “{ $name }”. If that is right, press “Correct”; if not, type your full name (family name first).
join-button-name-ok = ✅ Correct
join-name-unknown = New user
join-name-invalid = A full name needs 2 to { $max } characters on one line. Please type it again.
join-name-saved = Thank you, { $name }. I have recorded this name; the office sees it next to your answers.
join-name-not-text = I can only read text. Please type your full name.
join-admin-told = { $name } has used the invite for { $role ->
        [reporter] a reporter of { $unit }
        [secretary] the office
       *[other] an administrator
    }.
join-already-member = You already had this role; nothing changed.
join-welcome-reporter =
    Welcome, { $name }! You are now registered as the reporter of { $unit } ({ $org }).
    Every reporting round I will send you the questions one at a time; you answer right here, can stop and continue at any time, review and submit.
join-next-open-round = A reporting round is open now: type /report to start answering.
join-next-wait = No reporting round is open right now. When the office opens one, I will message you with a “Start answering” button.
join-welcome-secretary =
    Welcome, { $name }! You are now registered as the office (report secretary) of { $org }.
    You can open reporting rounds, follow the units' progress, remind late units and get the compiled draft report.
join-welcome-admin =
    Welcome, { $name }! You are now an administrator of { $org }.
    You manage the units (/units) and create invite links for reporters and the office (/invite).
stranger-refusal =
    Sorry, you have not joined the reporting system yet, so I cannot do this.
    To join, { $channel ->
        [zalo] send me the invite code (like K7QM-3XD9-PA) the office or an administrator gave you
       *[other] open the invite link (t.me/…?start=…) the office or an administrator sent you
    }; I will register you with the right unit.
stranger-refusal-short = You have not joined yet. Use the invite link or code an administrator gave you.
### ── link ──

# Linking one person's Zalo and Telegram accounts (/link).

link-code-issued =
    🔗 Your link code: { $code }
    Send it to me from { $other ->
        [zalo] Zalo
       *[other] Telegram
    } within { $minutes } minutes (it expires at { $until }). That account is then attached to you, with the roles you have. The code works once; do not give it to anyone else.
link-code-where = { $other ->
        [zalo] On Zalo: open { $link }, press “Follow” to follow the Official Account, then send the code in the chat.
       *[other] On Telegram: open { $link } and press “Start”, or send the code in the chat with the bot.
    }
link-no-other-channel = This system does not use { $other ->
        [zalo] Zalo
       *[other] Telegram
    }, so there is no account to link.
link-refused-used = This link code has already been used. Type /link where you joined to get a new one.
link-refused-expired = This link code expired at { $time }. Type /link where you joined to get a new one.
link-refused-already-yours = This account is already linked to you; nothing changed.
link-refused-same-channel = This code links another messenger: send it from { $other ->
        [zalo] Zalo
       *[other] Telegram
    }.
link-refused-other-person = This account belongs to another user who has a role in the system, so I did not link it (two users are never merged). Contact an administrator.
link-done =
    🔗 Linked: this account is now yours, { $name }, with the roles you have on { $other ->
        [zalo] Zalo
       *[other] Telegram
    }.
    I answer where you write; reminders and notices go to the messenger you used last. Type /help to see the commands.
link-done-notice = 🔗 Your { $channel ->
        [zalo] Zalo
       *[other] Telegram
    } account is now linked to you, { $name }. From now on reminders go to the messenger you used last. If this was not you, tell an administrator at once.


### ── menu ──

# Commands menu, /help, /lang, /cancel, group chats, unclear messages.

command-start = About the bot and joining
command-report = Answer your unit's report questions
command-status = Submission progress
command-newround = Open a new reporting round
command-rounds = List the reporting rounds
command-remind = Remind units that have not submitted
command-review = Review, accept or return a unit's report
command-compile = Compile the draft report (.docx)
command-export = Export the answers as CSV
command-units = Manage the units
command-invite = Create an invite link or code
command-link = Link your other messenger account (Zalo or Telegram)
command-people = People by unit and role; remove a role
command-help = The commands you can use
command-lang = Change language (Tiếng Việt / English)
command-cancel = Stop what you are doing

help-title = The commands you can use:
help-keywords = On Zalo, type a command (for example /status) or the word in brackets, with or without diacritics (for example “trạng thái” or “trang thai”). When I show a numbered list, type the number to choose.
help-stranger = You have not joined yet. To join, { $channel ->
        [zalo] send me the invite code (like K7QM-3XD9-PA) the office or an administrator gave you
       *[other] open the invite link (t.me/…?start=…) the office or an administrator sent you
    }.
help-reporter = You report for: { $units }. Type /report to answer; you can stop at any point and continue later.

cancel-done = Stopped. Your saved answers are all kept; type /report to continue.
cancel-done-draft =
    { $count ->
        [one] Stopped. The item you just sent (before choosing to add or replace) was not saved; your saved answers are all kept. Type /report to continue.
       *[other] Stopped. The { $count } items you just sent (before choosing to add or replace) were not saved; your saved answers are all kept. Type /report to continue.
    }
cancel-nothing = There is nothing in progress.

lang-choose = Chọn ngôn ngữ / Choose a language:
lang-name-vi = Tiếng Việt
lang-name-en = English
lang-set = Switched to English.
lang-stranger = The language follows your messenger app's settings. Once you have joined, you can change it with /lang.
group-private-only = I only take report answers in a private chat, to keep each unit's information confidential. Please message me directly: https://t.me/{ $bot }
group-private-only-toast = Please use your private chat with the bot.

fallback-non-text-reporter = I can only read text messages. Type /report to answer your report or /help for the commands.
fallback-non-text-office = I can only read text messages. Type /status for the units' progress or /help for the commands.
fallback-non-text-admin = I can only read text messages and report template files (.yaml). Type /units to manage the units, /status for progress or /help for the commands.
fallback-non-text-none = I can only read text messages. Type /help for the commands.
fallback-unknown-command = There is no command { $command }. Type /help to see the commands you can use.
fallback-hint-reporter = I am not sure what you need. Type /report to answer your report or /help for the commands.
fallback-hint-office = I am not sure what you need. Type /status for the units' progress, /newround to open a round or /help for the commands.
fallback-hint-admin = I am not sure what you need. Type /units to manage the units, /invite to invite people or /help for the commands.
fallback-hint-none = I am not sure what you need. Type /help for the commands.
### ── office ──

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
    } (no reporter, or none of its reporters can be messaged); please contact them directly.
office-no-units = No unit is part of this round yet.
office-line-not-started = { $number }. ⏳ { $unit } — not started
office-line-in-progress = { $number }. ✍️ { $unit } — answering, { $answered }/{ $total } questions, last at { $time }
office-line-returned = { $number }. 🔁 { $unit } — returned { $time } ({ $count ->
        [one] { $count } question
       *[other] { $count } questions
    }), waiting for more detail
office-line-submitted = { $number }. ✅ { $unit } — submitted { $time }
office-line-editing = { $number }. ✏️ { $unit } — being changed (submitted { $time })
office-line-accepted = { $number }. ☑️ { $unit } — accepted { $time }
office-line-no-reporter = ⚠️ no reporter yet
office-line-unreachable = ⚠️ cannot message: { $people }
office-reporter-status-title = 📊 Your unit's reports:
office-reporter-nothing-open = There is no open reporting round for your unit at the moment.
office-reporter-round = { $round } (deadline { $deadline }):
office-reporter-hint = Type /report to answer or change your answers.
office-overridden-title = ✏️ Sections the office rewrote ({ $count }):
office-overridden-section = • { $number } { $heading } — { $author }, { $time } (version { $version })
office-overridden-item = • { $number } { $heading }, item { $item } — { $author }, { $time } (version { $version })
office-override-affected =
    ✏️ { $unit } has just changed an answer in section { $number } { $heading }, which you rewrote. The compiled report still uses your text; please check that it still agrees.
office-only-title = 📋 For the office only (not printed in the report):
office-only-line = • { $unit } — { $question }: { $answer }

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
office-remind-unit-queued = 🔔 Sending a reminder to the reporters of { $unit }.
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

office-reach-unreachable = blocked or unfollowed
office-reach-window-closed = Zalo's messaging window closed
office-button-remind-one = 🔔 Remind one unit…
office-remind-pick-unit = 🔔 Choose the unit to remind now ({ $count ->
        [one] { $count } late unit
       *[other] { $count } late units
    } can be messaged), round { $round }:
office-remind-nobody-reachable = None of the late units can be messaged now, so no reminder was sent.
office-remind-unit-nobody-reachable = None of the reporters of { $unit } can be messaged, so no reminder was sent.
office-remind-unreachable = ⚠️ Could not message { $count ->
        [one] { $count } unit
       *[other] { $count } units
    }: { $units } (their reporters blocked or unfollowed, or Zalo's messaging window closed). Please contact them directly.
office-remind-no-reporter = ⚠️ { $count ->
        [one] { $count } unit has
       *[other] { $count } units have
    } no reporter yet: { $units }. An admin can invite one with /invite.
office-remind-more = … and { $count } more
office-remind-summary = Summary: sending { $queued } · cannot message { $unreachable } · no reporter { $noReporter } (units).
office-remind-will-report = I will tell you when they have gone out.

## Compiled draft (.docx)

office-compile-head = 📄 Draft of the consolidated report, version { $version }.
office-compile-head-final = 📄 Final consolidated report (the round is closed), version { $version }.
office-compile-reused = Nothing changed since this version, so this is the stored file.
office-compile-included = { $included }/{ $total } units compiled.
office-compile-option-drafts = answers of units that have not submitted (drafts) included
office-compile-option-attribution = each item followed by its unit's name
office-compile-option-appendix = with the appendix of who submitted
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
office-compile-unknown-option = I do not know the option “{ $word }”. Use /compile (submitted reports only), /compile drafts (also units that have not submitted), /compile attribution (each item followed by its unit), /compile appendix or /compile no-appendix (with or without the page of who submitted), or together: /compile drafts attribution.
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
office-csv-in-report = In the report
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
office-review-editing = ✏️ The unit is changing the report after submitting it ({ $count ->
        [one] question
       *[other] questions
    } { $numbers }, not submitted again). Below is the submitted version, the one the office compiles.
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
office-return-ask-comment = Type your comment to { $unit } about { $count ->
        [one] question
       *[other] questions
    } { $numbers } (at most { $max } characters), e.g. “Please give the figures and the date of the meeting”. Type /cancel to stop.
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
office-returned-nobody-told = 🔁 Returned { $count } questions to { $unit }, but none of its reporters could be messaged (no reporter yet, or they blocked or unfollowed, or Zalo's messaging window is closed). Please contact them directly.
office-returned-reporter-question = • Question { $number }: { $question }
office-returned-reporter =
    🔁 The office asks { $unit } for more detail in the { $round } report, questions:
    { $questions }
    The office's comment: { $comment }
    Press the button below (or type /report) to answer these questions again, then submit the report again.
office-button-answer-again = ✏️ Answer now

### ── reminders ──

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
reminder-digest-unreachable = Could not message: { $people }. They blocked or unfollowed, or Zalo's messaging window closed; please contact them directly.
reminder-digest-hint = Type /remind to remind the units that have not submitted now.

### ── rounds ──

## Reporting rounds: open a new one (/newround), list and manage them (/rounds), remind the units that have not submitted now (/remind).

## Opening a new round

newround-no-organisation = The organisation is not set up yet. An admin first imports the organisation and its units (“npm run import -- org.yaml”); then you can open a round.
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
    Step 2. Kind of period: { $kind }. Choose a suggested period below or press “Other period”.
newround-button-other-period = 📅 Other period…
newround-pick-number =
    🆕 New reporting round — { $template }
    Step 2. Choose the period ({ $kind }):
newround-pick-year =
    🆕 New reporting round — { $template }
    Step 2. Choose the year of the period:
newround-ask-deadline =
    🆕 Round for { $period } — { $template }
    Step 3. Type the deadline as day/month/year, e.g. { $example } (the deadline is 17:00 that day), or with a time, e.g. { $example } 16:30. Without a year, I take the next such day.
    Type /cancel to stop.
newround-ask-request =
    Deadline: { $deadline }.
    Step 4. Type the document requesting the report, e.g. Công văn số 09-CV/BCĐ ngày 10/9/2024 của Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở.
    If there is none, press the button below.
newround-button-no-request = ⏭ No document, skip
newround-request-empty = The request document is empty. Type it again, or press “No document, skip” above.
newround-request-too-long = The request document is { $length } characters long, over the limit of { $max }. The number, date and issuer are enough.
newround-request-parsed =
    This is how I read the request document:
    • Type: { $kind }
    • Number: { $number }
    • Date: { $date }
    • Issued by: { $issuer }
    • Subject: { $subject }
    Please check it; if something is wrong, press “Change the request document”.
newround-request-part-missing = (not found)
newround-ask-recipients =
    Step 5. The report is addressed (“Kính gửi”) by default to:
    { $recipients }
    Press “Keep”, or type another list, one recipient a line (at most { $max } lines).
newround-ask-recipients-none =
    Step 5. Neither the report nor the organisation has default recipients (“Kính gửi”).
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
newround-use-buttons = Please choose in the message above (press a button or type its number), or type /cancel to stop.
newround-deadline-passed-meanwhile = The deadline { $deadline } passed while waiting for the confirmation. Type a new deadline; everything else is kept.
newround-duplicate = ⚠️ A round for this period is already open: { $round }, deadline { $deadline }. A report is opened once per period, so I did not open another one. Use /rounds to move its deadline, close or reopen it.
newround-no-units = This report asks no active unit anything, so no round was opened. Check the units (/units) and their kinds.
newround-opened =
    ✅ The round { $round } is open.
    Deadline: { $deadline }.
    Reports created for { $units ->
        [one] { $units } unit
       *[other] { $units } units
    }.
notice-deadline-moved =
    📅 The office has moved the deadline of the { $round } report of { $unit } to { $deadline }.
    Please answer and submit before the new deadline.
notice-batch-round-opened = 📣 The round's notice reached { $sent }/{ $total } reporters.{ $unreachable ->
        [0] {""}
       *[other] { " " }{ $unreachable } could not be reached (blocked or unfollowed, or silent for too long); please contact them directly.
    }
notice-batch-deadline-moved = 📅 The new deadline reached { $sent }/{ $total } reporters of units that have not submitted.{ $unreachable ->
        [0] {""}
       *[other] { " " }{ $unreachable } could not be reached; please contact them directly.
    }
newround-opened-prompted = 📣 Sending the round's notice to { $count } reporters; I will tell you when it is done.
newround-opened-no-reporter = ⚠️ { $count ->
        [one] { $count } unit has
       *[other] { $count } units have
    } no reporter yet: { $units }. An admin can invite them with /invite.
newround-opened-prompt-error = ⚠️ The invitations could not be sent just now; the reporters still get the scheduled reminders and can type /report to answer.
newround-opened-reminders = 🔔 Scheduled { $count ->
        [one] { $count } reminder
       *[other] { $count } reminders
    } for the units that have not submitted and for the office.
newround-type-cancel = Type “cancel” to stop.
newround-and-more = … and { $count } more units
newround-button-deadline-again = 📅 Change the deadline
newround-button-request-again = ✏️ Change the request document
newround-button-rounds = 📅 Reporting rounds
newround-no-session = Opening a round needs a chat on Zalo or Telegram.

## Typed deadlines (new round, moving a deadline)

rounds-deadline-empty = Type the deadline as day/month/year, e.g. { $example }.
rounds-deadline-not-a-date = I could not read “{ $text }” as a date. Type it as day/month/year, e.g. { $example } or { $example } 16:30.
rounds-deadline-impossible-date = “{ $text }” is not a day of the calendar. Please check the day and the month.
rounds-deadline-bad-time = The time in “{ $text }” is not valid (hours 0 to 23, minutes 0 to 59). Type it again, e.g. { $example } 16:30.
rounds-deadline-past = The deadline { $deadline } is already over (it is now { $now }). Type a time after now.
rounds-weekday-0 = Sunday
rounds-weekday-1 = Monday
rounds-weekday-2 = Tuesday
rounds-weekday-3 = Wednesday
rounds-weekday-4 = Thursday
rounds-weekday-5 = Friday
rounds-weekday-6 = Saturday
rounds-deadline-when = { $weekday }, { $date } at { $time }
rounds-deadline-on-weekend = ⚠️ The deadline falls on a { $weekday }, a weekend day off.
rounds-deadline-on-holiday = ⚠️ The deadline falls on a public holiday ({ $holiday }).
rounds-deadline-working-day-before = The working day before is { $before }.

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
    Type the new deadline as day/month/year (17:00 that day) or with a time, e.g. { $example } 16:30. Type /cancel to stop.
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
rounds-reopened-past-deadline = The deadline is over; press “Move deadline” to give the units more time.
rounds-refused-not-found = This round no longer exists; nothing was changed.
rounds-refused-not-open = This round is no longer open; nothing was changed.
rounds-refused-not-closed = This round is open; nothing was changed.
rounds-refused-deadline-past = The new deadline is already over. Type a time after now.
rounds-not-text = Please type it as text (or type /cancel to stop).
rounds-more = … and { $count } older rounds.
rounds-button-show = { $number }. { $mark } { $period }
rounds-detail =
    { $mark } { $round }
    { $state } · deadline { $deadline } · submitted { $submitted }/{ $total } units
rounds-action-move = ⏰ Move deadline
rounds-action-close = 🔒 Close
rounds-action-reopen = 🔓 Reopen
rounds-button-back = ↩️ Reporting rounds
rounds-button-keep-deadline = ✖️ Keep the deadline
rounds-button-move-confirm = ✅ Move it
rounds-confirm-move =
    ⏰ Move the deadline of { $round }?
    • Current deadline: { $from }
    • New deadline: { $to }
    { $pending ->
        [0] Every unit has submitted, so nobody needs to hear of the new deadline.
        [one] The reporters of the { $pending } unit that has not submitted will hear of the new deadline; the reminders follow it.
       *[other] The reporters of the { $pending } units that have not submitted will hear of the new deadline; the reminders follow it.
    }
    You can type another deadline instead of this one.
rounds-deadline-same = The new deadline is the current one ({ $deadline }); nothing was changed. Type another time, or /cancel to stop.
rounds-moved-notifying = 📅 Telling { $count } reporters of the units that have not submitted about the new deadline; I will tell you when it is done.
rounds-moved-nobody = No reporter needs to hear of the new deadline (the units have submitted or have no reporter yet).
rounds-moved-notify-error = ⚠️ The reporters could not be told of the new deadline just now; the units still get reminders by the new deadline.
rounds-stale-button = This button is out of date (done, cancelled, or another deadline was typed since); nothing was changed.

## Remind now (/remind)

remind-no-open-round = No reporting round is open, so there is nobody to remind.
remind-pick-round = Several rounds are open. Choose the round whose late units should be reminded:
remind-round = Round { $round }:
remind-unavailable = Reminders cannot be sent just now (the reminder queue is not ready). Please try again in a few minutes.
remind-batch-done = 🔔 The reminders of the round { $round } have gone out: { $sent }/{ $total } units reached.
remind-batch-unreachable = ⚠️ Could not message { $count ->
        [one] { $count } unit
       *[other] { $count } units
    }: { $units } (their reporters blocked or unfollowed, or Zalo's messaging window closed). Please contact them directly.
remind-batch-failed = ⚠️ Not sent to { $count ->
        [one] { $count } unit
       *[other] { $count } units
    } because of a connection error: { $units }. You can remind them again later.
remind-batch-skipped = { $count ->
        [one] { $count } unit no longer needed
       *[other] { $count } units no longer needed
    } a reminder (submitted, or the round closed, while it waited).
remind-batch-summary = In all: reached { $sent } · cannot message { $unreachable } · no reporter { $noReporter } (units).

zalo-file-too-large = The file { $file } is over { $megabytes } MB, more than Zalo can send, so it was not sent here. Compile again without drafts (a smaller file), or get the file from the office's web desk or from the administrator.
zalo-file-too-large-link = The file { $file } is over { $megabytes } MB, more than Zalo can send. Download it with the “Download” button below.
zalo-file-type-refused = Zalo takes only PDF, DOC and DOCX files, so { $file } cannot be sent here. Get it from the office's web desk (type /status and open the page), on Telegram, or from the administrator.
zalo-file-type-refused-link = Zalo takes only PDF, DOC and DOCX files, so { $file } was not sent here. Download it with the “Download” button below.
zalo-file-download-button = 📥 Download

## Report templates: the administrator sends a .yaml file to check and store.

template-upload-admin-only = Only an administrator can add report templates; the file “{ $file }” was not read.
template-upload-wrong-type = I read only report template files ending in .yaml or .yml; the file “{ $file }” was not read. How to write a template is in templates/README.md.
template-upload-too-large = The file “{ $file }” is { $size } KB, over the { $max } KB a report template may have; I did not download it. Please check the file (a template is usually a few dozen KB).
template-upload-too-large-read = The file “{ $file }” is over the { $max } KB a report template may have; I stopped downloading it. Please check the file (a template is usually a few dozen KB).
template-upload-empty = The file “{ $file }” is empty. Please send the template you wrote.
template-upload-not-utf8 = The file “{ $file }” is not saved as UTF-8, so Vietnamese text would come out wrong. Please save it with the UTF-8 encoding (Notepad: Save as… → Encoding: UTF-8) and send it again.
template-upload-download-failed = I could not download the file “{ $file }” from the messenger's server. Please send it again in a few minutes.
template-upload-problems =
    ❌ The report template “{ $file }” has { $count } { $count ->
        [one] problem
       *[other] problems
    }; nothing was stored:
    { $problems }
    Please correct them and send the file again.
template-upload-problems-more = … and { $count } more (correct the ones above and send the file again to see them).
template-upload-problem-line = • Line { $line }: { $message }
template-upload-problem = • { $message }
template-upload-summary = ✅ Template “{ $name }” ({ $key }) is valid: { $sections } sections, { $questions } questions, { $figures } computed figures, { $checks } checks.
template-upload-sections-title = Sections:
template-upload-figures-title = Computed figures:
template-upload-checks-title = Checks when a unit submits:
template-upload-asked-title = Who is asked what:
template-upload-asked-line = • { $kind }: { $count } questions — { $questions }
template-upload-office-only = For the office only (not printed in the report): { $questions }
template-upload-warnings = ⚠️ Note:
template-upload-confirm = A preview with example answers is attached. Store “{ $file }” as version { $version } of the template { $key }?
template-upload-button-store = 💾 Store as version { $version }
template-upload-button-cancel = ✖️ Do not store
template-upload-stored = 💾 Stored template “{ $name }”, version { $version }. New rounds can use it.
template-upload-unchanged = This template is the same as stored version { $version }; there is nothing to store. The preview is attached.
template-upload-unchanged-at-store = This template is the same as stored version { $version }; nothing changed.
template-upload-cancelled = The file “{ $file }” was dropped; nothing was stored.
template-upload-stale = This template file no longer waits for a confirmation (stored, dropped, replaced by a later file, or older than 24 hours); nothing changed. Send the file again if needed.
template-upload-changed-since = The file differs from the one checked; please send it again to check it before storing.

## The secretary's own text for a section of the report (/rewrite)
command-rewrite = Rewrite the text of a section of the compiled report
office-compile-overridden = ✏️ { $count } sections use the office's own text (/rewrite).
office-button-appendix = 📎 Compile again with the submission appendix
office-button-no-appendix = 📎 Compile again without the appendix
office-button-rewrite = ✏️ Rewrite a section's text
office-button-compile-again = 📄 Compile again
rewrite-pick-round = Choose the round whose text to rewrite:
rewrite-sections =
    ✏️ Rewrite the text — { $round }
    Choose the section to rewrite. Sections marked ✏️ use the office's own text.
rewrite-item-title = { $section }, item { $item }
rewrite-section-head = Section { $title }
rewrite-written-by = Using the office's text: { $author }, { $time } (version { $version }).
rewrite-generated = Using the text consolidated from the units' answers:
rewrite-empty = (the section has no text yet)
rewrite-ask-section = Send the new text for this section in one message (at most { $max } characters); each line is a paragraph. It replaces the whole section's text in every later compile; the old text stays in the history.
rewrite-ask-item = Send the new text for this item in one message (at most { $max } characters). It replaces only this item; the others stay.
rewrite-button-item = Item { $item }
rewrite-button-drop = ↩️ Use the consolidated text again
rewrite-button-sections = 📑 Another section
rewrite-button-cancel = ✖️ Leave
rewrite-button-done = ✅ Done
rewrite-button-append = ➕ Continue the text just sent
rewrite-button-again = ✏️ Rewrite this section
rewrite-section-overridden = The whole section uses the office's text; rewrite the whole section, or use the consolidated text again first.
rewrite-gone = This section is no longer in the report (the round or its template changed). Type /rewrite to choose again.
rewrite-refused-empty = The message has no text, so nothing was saved. Send the text for this section again.
rewrite-refused-too-long = The text is longer than { $max } characters, so nothing was saved. Shorten it and send it again.
rewrite-refused-section-overridden = The whole section uses the office's text, so one item cannot be rewritten alone. Rewrite the whole section.
rewrite-refused-round-closed = The round is closed, so its final report no longer changes; nothing was saved. To change the text, reopen the round (/rounds) first.
rewrite-saved =
    ✅ Saved the text of section { $title } (version { $version }, { $length } characters). Later compiles use it.
    To continue it or write it again, press a button below.
rewrite-append-ask = Send the continuation for section { $title }; it will be added after the text just saved.
rewrite-not-overridden = This section uses the consolidated text.
rewrite-dropped = ↩️ Section { $title } uses the consolidated text again. The office's text stays in the history.
rewrite-closed = Rewriting closed.
rewrite-not-text = I am waiting for the section's text, as text. Send text, or type /cancel to stop.
