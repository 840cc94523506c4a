/**
 * Every action a choice (a button, a numbered line) can ask for, in one table: its short code in a
 * payload and its numeric fields, in payload order. A channel never invents its own button data; it
 * encodes and decodes these (action-codec.ts).
 */
export const ACTIONS = {
  // The reporter's conversation (src/conversation): `sid` submission, `q` question index.
  open: { code: "o", fields: ["sid"] },
  skip: { code: "s", fields: ["sid", "q"] },
  back: { code: "b", fields: ["sid", "q"] },
  "keep-last": { code: "k", fields: ["sid", "q"] },
  "keep-current": { code: "n", fields: ["sid", "q"] },
  done: { code: "d", fields: ["sid", "q"] },
  clear: { code: "c", fields: ["sid", "q"] },
  preview: { code: "p", fields: ["sid", "q"] },
  /** Typed text is added to the answer of question `q`, or replaces it (and items waiting for that choice are stored so). */
  add: { code: "a", fields: ["sid", "q"] },
  replace: { code: "r", fields: ["sid", "q"] },
  /** Add more to the answer of question `q`, saved a moment ago. */
  more: { code: "m", fields: ["sid", "q"] },
  choose: { code: "h", fields: ["sid", "q", "option"] },
  toggle: { code: "t", fields: ["sid", "q", "option"] },
  edit: { code: "e", fields: ["sid", "q"] },
  submit: { code: "u", fields: ["sid", "version"] },

  // Everyone.
  "lang.set": { code: "L", fields: ["locale"] },
  "join.name-ok": { code: "J", fields: [] },

  // The office: progress table, reminders, review, compile, export. `round` round id.
  "round.pick": { code: "P", fields: ["purpose"] },
  "status.page": { code: "S", fields: ["round", "page"] },
  "remind.all": { code: "R", fields: ["round"] },
  "remind.unit": { code: "Ru", fields: ["round", "unit"] },
  "remind.pick": { code: "Rp", fields: ["round", "page"] },
  "review.list": { code: "V", fields: ["round", "page"] },
  "review.open": { code: "Vo", fields: ["sid", "page"] },
  "review.accept": { code: "Va", fields: ["sid", "version"] },
  "review.return": { code: "Vr", fields: ["sid", "version"] },
  "review.toggle": { code: "Vt", fields: ["sid", "q"] },
  "review.continue": { code: "Vc", fields: ["sid"] },
  "review.cancel": { code: "Vx", fields: ["sid"] },
  "compile.run": { code: "C", fields: ["round", "flags"] },
  "export.run": { code: "X", fields: ["round"] },

  // Rounds: the /newround wizard (`wizard` binds a button to one wizard instance) and /rounds.
  "newround.template": { code: "Nt", fields: ["wizard", "template"] },
  "newround.kind": { code: "Nk", fields: ["wizard", "kind"] },
  "newround.period": { code: "Np", fields: ["wizard", "kind", "number", "year"] },
  "newround.other-period": { code: "No", fields: ["wizard"] },
  "newround.number": { code: "Nn", fields: ["wizard", "number"] },
  "newround.year": { code: "Ny", fields: ["wizard", "year"] },
  "newround.no-request": { code: "Nq", fields: ["wizard"] },
  "newround.deadline-again": { code: "Nd", fields: ["wizard"] },
  "newround.request-again": { code: "Ne", fields: ["wizard"] },
  "newround.keep-recipients": { code: "Nr", fields: ["wizard"] },
  "newround.confirm": { code: "Nc", fields: ["wizard"] },
  "newround.cancel": { code: "Nx", fields: ["wizard"] },
  "rounds.list": { code: "G", fields: [] },
  "rounds.show": { code: "Gs", fields: ["round"] },
  "rounds.move": { code: "Gm", fields: ["round"] },
  // `deadline`: the new deadline in whole minutes since 1970 (UTC).
  "rounds.move-confirm": { code: "Gy", fields: ["round", "deadline"] },
  "rounds.close": { code: "Gc", fields: ["round"] },
  "rounds.close-confirm": { code: "Gk", fields: ["round"] },
  "rounds.reopen": { code: "Go", fields: ["round"] },
  "rounds.remind": { code: "Gr", fields: ["round"] },

  // The secretary's own text for a section of the report: `section` its place among the template's
  // sections (report-overrides.ts penSections), `item` an item of its generated text or 0 for all of it.
  "rewrite.sections": { code: "W", fields: ["round"] },
  "rewrite.open": { code: "Wo", fields: ["round", "section", "item"] },
  "rewrite.drop": { code: "Wd", fields: ["round", "section", "item"] },
  "rewrite.append": { code: "Wa", fields: ["round", "section", "item"] },
  "rewrite.cancel": { code: "Wx", fields: [] },

  // The admin: units, invites, people. `draft` binds a kind to one addition of a unit; `channel` is the
  // invite's kind by its position in INVITE_CHANNELS (src/use-cases/invite.ts); `membership` one person's role.
  "units.list": { code: "U", fields: ["page"] },
  "units.add": { code: "Ua", fields: [] },
  "units.add-kind": { code: "Uk", fields: ["draft", "kind"] },
  "units.rename-pick": { code: "Ur", fields: [] },
  "units.rename": { code: "Un", fields: ["unit"] },
  "units.toggle-pick": { code: "Ut", fields: [] },
  "units.toggle": { code: "Ug", fields: ["unit"] },
  "invite.reporter": { code: "I", fields: ["channel"] },
  "invite.reporter-unit": { code: "Iu", fields: ["channel", "unit"] },
  "invite.secretary": { code: "Is", fields: ["channel"] },
  "invite.cancel": { code: "Ix", fields: [] },
  "people.list": { code: "H", fields: ["page"] },
  "people.revoke": { code: "Hr", fields: ["membership"] },
  "people.revoke-confirm": { code: "Hy", fields: ["membership"] },
  // `upload`: a template file the admin sent, checked and waiting for confirmation (the text stays in the database).
  "template.store": { code: "Ts", fields: ["upload"] },
  "template.cancel": { code: "Tx", fields: ["upload"] },

  // Nothing to do but close the screen (a "cancel" that changes nothing).
  dismiss: { code: "Z", fields: [] },
} as const satisfies Record<string, { code: string; fields: readonly string[] }>;

type Table = typeof ACTIONS;
export type ActionOp = keyof Table;

/** An action as plain data: its operation and its numbers by name. */
export type Action = { [K in ActionOp]: { op: K } & { [F in Table[K]["fields"][number]]: number } }[ActionOp];

export type ActionOf<K extends ActionOp> = Extract<Action, { op: K }>;
