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
command-invite = Create an invite link
command-help = The commands you can use
command-lang = Change language (Tiếng Việt / English)
command-cancel = Stop what you are doing

help-title = The commands you can use:
help-stranger = You have not joined yet. To join, open the invite link (t.me/…?start=…) the office or an administrator sent you.
help-reporter = You report for: { $units }. Type /report to answer; you can stop at any point and continue later.

cancel-done = Stopped. Your saved answers are all kept; type /report to continue.
cancel-done-draft = Stopped. The { $count } part(s) you sent for the unfinished question (before «Done») were not saved; your saved answers are all kept. Type /report to continue.
cancel-nothing = There is nothing in progress.

lang-choose = Chọn ngôn ngữ / Choose a language:
lang-name-vi = Tiếng Việt
lang-name-en = English
lang-set = Switched to English.
lang-stranger = The language follows your Telegram settings. Once you have joined, you can change it with /lang.

group-private-only = I only take report answers in a private chat, to keep each unit's information confidential. Please message me directly: https://t.me/{ $bot }
group-private-only-toast = Please use your private chat with the bot.

fallback-non-text = I can only read text messages. Type /report to answer your report or /help for the commands.
fallback-unknown-command = There is no command { $command }. Type /help to see the commands you can use.
fallback-hint = I am not sure what you need. Type /report to answer your report or /help for the commands.
