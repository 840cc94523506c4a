import { claimOnce } from "../conversation/session-store.ts";
import type { UseCaseDeps } from "./context.ts";
import type { ChannelName } from "../messaging/channel-sender.ts";
import { sessionKeyOf } from "./identify.ts";

/**
 * Whether a group chat is to be told, now, that reports are answered in private: once per group, then the
 * bot stays quiet there.
 */
export function tellGroupOnce(deps: Pick<UseCaseDeps, "prisma">, channel: ChannelName, chatId: string): Promise<boolean> {
  return claimOnce(deps.prisma, sessionKeyOf(channel, chatId), "groupNotice");
}
