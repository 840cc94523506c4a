import { GrammyError } from "grammy";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** 403 (blocked, deactivated) and "chat not found": the person cannot be reached until they write again. */
export function isUnreachableError(error: unknown): error is GrammyError {
  return error instanceof GrammyError && (error.error_code === 403 || (error.error_code === 400 && /chat not found/i.test(error.description)));
}

/** Records that sending failed for good, so senders stop retrying and the office can see it. */
export async function markUnreachable(prisma: PrismaClient, personId: number, error: GrammyError): Promise<void> {
  await prisma.person.update({ where: { id: personId }, data: { unreachableAt: new Date(), unreachableError: `${error.error_code} ${error.description}`.slice(0, 500) } });
}
