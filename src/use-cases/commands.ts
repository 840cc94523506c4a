import { foldText } from "../domain/text-scan.ts";
import { inAudience, type Actor, type Audience } from "../domain/permissions.ts";

/**
 * A command of the bot: who may use it, the message key of its description, and the plain words that ask
 * for it on a messenger without a command menu (Zalo), with or without diacritics. The one table behind
 * Telegram's menu, /help and keyword recognition.
 */
export type CommandSpec = { name: string; audience: Audience; description: string; keywords: readonly string[] };

/** Every command, in menu order. */
export const COMMANDS: readonly CommandSpec[] = [
  { name: "report", audience: "reporter", description: "command-report", keywords: ["báo cáo", "trả lời", "report"] },
  { name: "status", audience: "member", description: "command-status", keywords: ["trạng thái", "tiến độ", "status"] },
  { name: "newround", audience: "office", description: "command-newround", keywords: ["mở kỳ", "kỳ mới", "new round"] },
  { name: "rounds", audience: "office", description: "command-rounds", keywords: ["các kỳ", "kỳ báo cáo", "rounds"] },
  { name: "remind", audience: "office", description: "command-remind", keywords: ["nhắc", "nhắc việc", "remind"] },
  { name: "review", audience: "office", description: "command-review", keywords: ["xem xét", "duyệt", "review"] },
  { name: "compile", audience: "office", description: "command-compile", keywords: ["tổng hợp", "compile"] },
  { name: "rewrite", audience: "office", description: "command-rewrite", keywords: ["viết lại", "sửa lời văn", "lời văn", "rewrite"] },
  { name: "export", audience: "office", description: "command-export", keywords: ["xuất", "xuất dữ liệu", "export"] },
  { name: "units", audience: "admin", description: "command-units", keywords: ["đơn vị", "units"] },
  { name: "people", audience: "admin", description: "command-people", keywords: ["người dùng", "thành viên", "people"] },
  { name: "invite", audience: "admin", description: "command-invite", keywords: ["mời", "invite"] },
  { name: "link", audience: "member", description: "command-link", keywords: ["liên kết", "link"] },
  { name: "help", audience: "everyone", description: "command-help", keywords: ["hướng dẫn", "trợ giúp", "help", "menu"] },
  { name: "lang", audience: "everyone", description: "command-lang", keywords: ["ngôn ngữ", "language"] },
  { name: "cancel", audience: "member", description: "command-cancel", keywords: ["hủy", "huỷ", "thôi", "cancel"] },
];

/** What someone who has not joined sees: what the bot is, help, language. */
const STRANGER_COMMANDS: readonly CommandSpec[] = [
  { name: "start", audience: "everyone", description: "command-start", keywords: ["bắt đầu", "start"] },
  ...COMMANDS.filter((c) => c.name === "help" || c.name === "lang"),
];

/** The commands this person may use. */
export function commandsFor(actor: Actor | null): CommandSpec[] {
  if (!inAudience(actor, "member")) return [...STRANGER_COMMANDS];
  return COMMANDS.filter((c) => inAudience(actor, c.audience));
}

const KNOWN = new Set([...COMMANDS, ...STRANGER_COMMANDS].map((c) => c.name));

const BY_KEYWORD = new Map<string, string>();
for (const command of [...COMMANDS, ...STRANGER_COMMANDS]) {
  for (const keyword of [command.name, ...command.keywords]) BY_KEYWORD.set(foldText(keyword), command.name);
}

/** Longest text that can be a keyword; longer messages are never folded (they are answers). */
const KEYWORD_MAX = 40;

/**
 * The command a typed message asks for: "/status", "/status@bot", or a whole message that is a keyword
 * ("trạng thái", "trang thai", "Báo cáo."). Null for anything else.
 */
export function commandOfText(text: string): { name: string; args: string } | null {
  const trimmed = text.trim();
  if (trimmed.startsWith("/")) {
    const space = trimmed.search(/\s/);
    const head = (space < 0 ? trimmed : trimmed.slice(0, space)).slice(1).split("@")[0]!.toLowerCase();
    return KNOWN.has(head) ? { name: head, args: space < 0 ? "" : trimmed.slice(space + 1).trim() } : null;
  }
  if (trimmed.length > KEYWORD_MAX) return null;
  let folded = foldText(trimmed);
  while (/[.!?]$/.test(folded)) folded = folded.slice(0, -1).trimEnd();
  const name = BY_KEYWORD.get(folded);
  return name ? { name, args: "" } : null;
}
