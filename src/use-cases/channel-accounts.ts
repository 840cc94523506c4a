import type { ChannelName } from "../messaging/channel-sender.ts";
import { CHANNEL_ENUM } from "../queue/notifier.ts";
import type { UseCaseDeps } from "./context.ts";

/**
 * A person left a channel (unfollowed the Zalo Official Account): nothing reaches them there until they
 * write again, and the office sees them as unreachable on it.
 */
export async function accountLeft(deps: UseCaseDeps, channel: ChannelName, externalId: string, detail: string): Promise<void> {
  await deps.prisma.channelAccount.updateMany({
    where: { channel: CHANNEL_ENUM[channel], externalId },
    data: { unreachableAt: deps.now?.() ?? new Date(), unreachableError: detail },
  });
}
