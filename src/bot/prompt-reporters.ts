import type { Api } from "grammy";
import { promptRoundReporters, type PersonChannel, type PromptSummary } from "../conversation/prompt-reporters.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { callbackSecret } from "./callback-secret.ts";
import { translatorFor } from "./conversation-deps.ts";
import { sendOutMessages } from "./deliver.ts";
import { isUnreachableError, markUnreachable } from "./mark-unreachable.ts";

/** Telegram delivery for the conversation's messages to a person; a blocked bot is recorded on the person. */
export function telegramPersonChannel(api: Api, prisma: PrismaClient): PersonChannel {
  const secret = callbackSecret(api.token);
  return {
    async send(person, message) {
      try {
        await sendOutMessages(api, Number(person.telegramId), [message], secret);
        return "sent";
      } catch (error) {
        if (isUnreachableError(error)) {
          await markUnreachable(prisma, person.id, error);
          return "unreachable";
        }
        return "failed";
      }
    },
  };
}

/** Sends each reporter of the round's units the first prompt (with a "start answering" button). */
export function promptReporters(api: Api, prisma: PrismaClient, roundId: number): Promise<PromptSummary> {
  return promptRoundReporters(prisma, telegramPersonChannel(api, prisma), roundId, translatorFor);
}
