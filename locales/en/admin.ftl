# Administration: units (/units) and invite links (/invite).

admin-only = Sorry, only an administrator can use this.

units-title = Units ({ $count }):
units-line = { $number }. { $name } — { $kind } · code { $code }
units-line-inactive = { $number }. ⏸ { $name } — { $kind } · code { $code } (inactive)
units-empty = There are no units yet. An administrator can import them with «npm run import -- org.yaml» or press «Add unit».
units-button-add = ➕ Add unit
units-button-rename = ✏️ Rename
units-button-toggle = ⏯ Deactivate / reactivate
units-ask-name = Send the new unit's name (at most { $max } characters). Type /cancel to stop.
units-ask-kind = Choose the kind of unit for «{ $name }»:
units-pick-kind-first = Press a kind of unit in the message above (or type /cancel to stop).
units-pick-rename = Choose the unit to rename:
units-pick-toggle = Choose the unit to deactivate or reactivate:
units-ask-new-name = Send the new name for «{ $name }» (at most { $max } characters). Type /cancel to stop.
units-name-invalid = A unit's name must be 1 to { $max } characters long (the one you sent is { $length }). Please send it again.
units-name-not-text = Please type the unit's name as text (or type /cancel to stop).
units-added = ✅ Unit «{ $name }» added (code { $code }).
units-renamed = ✅ Renamed to «{ $name }».
units-activated = ✅ Unit «{ $name }» is active again.
units-deactivated = ⏸ Unit «{ $name }» is now inactive: it is not asked in new rounds and gets no new invites; its earlier answers are kept.
units-no-organisation = The organisation is not set up yet. An administrator must first run «npm run import -- org.yaml».

unit-kind-department = department
unit-kind-affiliated = affiliated unit
unit-kind-trade-union = trade union
unit-kind-youth-union = youth union
unit-kind-party-cell = party cell
unit-kind-other = other

invite-choose-role = Who is the invite link for?
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
