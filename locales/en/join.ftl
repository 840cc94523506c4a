# Joining with an invite link; people who have not joined.

join-refused-unknown = This invite code is not valid. Check the link (open the exact link you were sent rather than typing it) or ask the sender for a new one.
join-refused-used = This invite code has already been used. Each link works once; ask an administrator for a new one.
join-refused-used-by-you = You already joined with this invite code. Type /help to see the commands you can use.
join-refused-expired = This invite code expired at { $time }. Ask an administrator for a new link.
join-refused-revoked = This invite code was revoked. Ask an administrator for a new link.
join-refused-unit-inactive = The unit of this invite is no longer active, so you cannot join it. Contact an administrator.
join-refused-rate-limited = Too many wrong invite codes. To protect the system, please try again in { $minutes } minute(s).
join-already-member = You already had this role; nothing changed.
join-welcome-reporter =
    Welcome, { $name }! You are now registered as the reporter of { $unit } ({ $org }).
    Every reporting round I will send you the questions one at a time; you answer right here, can stop and continue at any time, review and submit.
join-next-open-round = A reporting round is open now: type /report to start answering.
join-next-wait = No reporting round is open right now. When the office opens one, I will message you with a «Start answering» button.
join-welcome-secretary =
    Welcome, { $name }! You are now registered as the office (report secretary) of { $org }.
    You can open reporting rounds, follow the units' progress, remind late units and get the compiled draft report.
join-welcome-admin =
    Welcome, { $name }! You are now an administrator of { $org }.
    You manage the units (/units) and create invite links for reporters and the office (/invite).
stranger-refusal =
    Sorry, you have not joined the reporting system yet, so I cannot do this.
    To join, open the invite link (t.me/…?start=…) the office or an administrator sent you; I will register you with the right unit.
stranger-refusal-short = You have not joined yet. Open the invite link an administrator sent you.
