error-try-again = Sorry, the system is busy or ran into a problem. Please try again in a few minutes; the answers you saved are not lost.
start-org-fallback = your agency
start-intro =
    Hello! I am the Tổng hợp assistant of { $org }.
    Every reporting round I ask each unit the questions of the report, remind them before the deadline and compile the answers into the consolidated draft report (.docx) for the office.
start-no-role =
    You are not linked to any unit or role yet.
    To join, open the invite link (t.me/…?start=…) the office or an administrator sent you; I will register you with the right unit.
start-reporter =
    You report for: { $units }.
    Type /report to answer the questions of the open reporting round; you can stop at any point and continue later.
start-secretary = As the office, you can open a reporting round (/newround), follow progress (/status), remind late units (/remind) and get the compiled draft report (/compile).
start-admin = As an administrator, you manage units (/units) and create invite links (/invite).
start-help-hint = Type /help to see every command you can use.
