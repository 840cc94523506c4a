import type { ChannelName, ChannelSender } from "../messaging/channel-sender.ts";
import type { ChannelPace, Outbound } from "../queue/outbound.ts";
import type { UseCaseDeps } from "../use-cases/context.ts";
import type { DemoConversation, DemoPerson, ShownMessage } from "./demo-conversation.ts";

/** What the demo prints of a message the bot sent. */
export type ShownCall = { chat: DemoConversation; message: ShownMessage; edited: boolean };

/**
 * The messenger the demo plays on. The round's script is the same on every channel; a channel brings its
 * local server, its wiring of the bot, its people and the way they join.
 */
export interface DemoChannel {
  readonly name: ChannelName;
  /** The local server, for the setup line. */
  readonly describe: string;
  /** How long after a person's last message the channel lets the bot write (absent: no limit). */
  readonly windowMs?: number;
  /** Invites for this channel: a link (Telegram) or a short code (Zalo). */
  readonly inviteKind: "link" | "short";
  /** Starts the local server; the senders are ready once it resolves. */
  start(): Promise<void>;
  senders(): ChannelSender[];
  readonly pace: Partial<ChannelPace>;
  /** Starts receiving people's messages and answering them through the use cases. */
  startBot(deps: UseCaseDeps, outbound: Outbound): Promise<void>;
  /** A new person on this channel; every message the bot shows them is reported to `shown`. */
  chat(person: DemoPerson): DemoConversation;
  /** How the demo prints the invite the CLI would give. */
  inviteNote(role: string, code: string): string;
  /** The person joins with an invite code, as they would on this messenger. */
  join(chat: DemoConversation, code: string): Promise<void>;
  /** Told of every message the bot shows a person. */
  onShown?: (call: ShownCall) => void;
  /** Messages the bot sent so far. */
  messagesSent(): number;
  stop(): Promise<void>;
}
