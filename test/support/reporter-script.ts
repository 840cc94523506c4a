// A reporter answering a whole submission of test/fixtures/all-question-types.yaml (department unit),
// as a sequence of Telegram updates; shared by the throughput bench and the fault tests.

/** One thing the reporter does: type a text, or press the button with this label in the latest keyboard. */
export type ReporterStep = { kind: "text"; text: string } | { kind: "button"; label: string | RegExp };

/** Every question of the fixture answered: typed answers (a long text and a list in one message each), choices, toggles, then submit. */
export const FULL_ANSWER_SET: readonly ReporterStep[] = [
  { kind: "text", text: "/report" },
  { kind: "text", text: "Nguyễn Văn An, Chánh Văn phòng" },
  { kind: "text", text: "Đoạn thứ nhất của bản tóm tắt.\nĐoạn thứ hai 🎉" },
  { kind: "text", text: "- Họp giao ban tháng\n- Niêm yết công khai" },
  { kind: "text", text: "1.234" },
  { kind: "button", label: "Có" },
  { kind: "button", label: "2. Trực tuyến" },
  { kind: "button", label: "⬜ Họp giao ban" },
  { kind: "button", label: "⬜ Bảng tin" },
  { kind: "button", label: /^✅ Xong \(đã chọn 2\)$/ },
  { kind: "text", text: "5/3/2025" },
  { kind: "text", text: "Quyết định số 219/QĐ-SKHCN ngày 09/7/2024 của Giám đốc Sở" },
  { kind: "text", text: "Đề nghị bổ sung kinh phí tập huấn." },
  { kind: "button", label: "📤 Nộp báo cáo" },
];

/** The answers FULL_ANSWER_SET stores, by question key. */
export const FULL_ANSWER_VALUES: Record<string, unknown> = {
  contact: "Nguyễn Văn An, Chánh Văn phòng",
  summary: "Đoạn thứ nhất của bản tóm tắt.\nĐoạn thứ hai 🎉",
  activities: ["Họp giao ban tháng", "Niêm yết công khai"],
  complaints: 1234,
  conference_held: true,
  form: "online",
  channels: ["briefing", "board"],
  conference_date: "2025-03-05",
  regulation: { text: "Quyết định số 219/QĐ-SKHCN ngày 09/7/2024 của Giám đốc Sở", number: "219/QĐ-SKHCN", date: "2024-07-09", issuer: "Giám đốc Sở" },
  proposals: "Đề nghị bổ sung kinh phí tập huấn.",
};

type InlineKeyboard = { inline_keyboard?: { text: string; callback_data?: string }[][] };

/**
 * What each chat last saw, kept from the Bot API calls as they happen (constant work per call, so
 * thousands of chats cost nothing to follow): the last text and the latest keyboard with its message id.
 */
export class ChatView {
  private texts = new Map<number, string>();
  private keyboards = new Map<number, { messageId: number; buttons: { text: string; data: string }[] }>();

  /** Feed every Bot API call (and, for sendMessage, the message id it got). */
  observe(method: string, payload: Record<string, unknown>, messageId?: number): void {
    if (method !== "sendMessage" && method !== "editMessageText") return;
    const chatId = Number(payload.chat_id);
    this.texts.set(chatId, String(payload.text));
    const markup = (typeof payload.reply_markup === "string" ? JSON.parse(payload.reply_markup) : payload.reply_markup) as InlineKeyboard | undefined;
    const buttons = (markup?.inline_keyboard ?? []).flat().map((b) => ({ text: b.text, data: b.callback_data ?? "" }));
    const id = method === "editMessageText" ? Number(payload.message_id) : messageId;
    if (buttons.length > 0 && id !== undefined) this.keyboards.set(chatId, { messageId: id, buttons });
  }

  lastText(chatId: number): string | undefined {
    return this.texts.get(chatId);
  }

  /** Every button of the chat's latest keyboard, with the message it belongs to. */
  buttons(chatId: number): { text: string; data: string; messageId: number }[] {
    const keyboard = this.keyboards.get(chatId);
    return keyboard ? keyboard.buttons.map((b) => ({ ...b, messageId: keyboard.messageId })) : [];
  }

  /** The callback data and message of the button labelled so in the chat's latest keyboard. */
  button(chatId: number, label: string | RegExp): { data: string; messageId: number } {
    const keyboard = this.keyboards.get(chatId);
    const found = keyboard?.buttons.find((b) => (typeof label === "string" ? b.text === label : label.test(b.text)));
    if (!keyboard || !found) {
      throw new Error(`chat ${chatId}: no button ${label} in ${keyboard?.buttons.map((b) => b.text).join(" | ") ?? "(no keyboard)"}`);
    }
    return { data: found.data, messageId: keyboard.messageId };
  }
}

export type Person = { id: number; first_name: string };

let callbackIds = 1;

/** The update (without update_id) a step becomes for this person in their private chat. */
export function stepUpdate(step: ReporterStep, person: Person, view: ChatView): Record<string, unknown> {
  const from = { id: person.id, is_bot: false, first_name: person.first_name, language_code: "vi" };
  const chat = { id: person.id, type: "private", first_name: person.first_name };
  const date = Math.floor(Date.now() / 1000);
  if (step.kind === "text") {
    const entities = step.text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: step.text.split(" ")[0]!.length }] : undefined;
    return { message: { message_id: callbackIds++, date, chat, from, text: step.text, entities } };
  }
  const pressed = view.button(person.id, step.label);
  return {
    callback_query: {
      id: String(callbackIds++),
      chat_instance: String(person.id),
      from,
      message: { message_id: pressed.messageId, date, chat, from: { id: 42, is_bot: true, first_name: "Tổng hợp" }, text: "…" },
      data: pressed.data,
    },
  };
}
