import { FOCUS, patchSession, readSession } from "../conversation/session-store.ts";
import type { UseCaseContext } from "./context.ts";

/**
 * A flow's part of the chat session (a wizard's draft, a pending return…). `focus` says the flow now waits
 * for the person's typed text; clearing the part also gives up the focus if the flow held it.
 */
export async function setChatPart(ctx: UseCaseContext, part: string, value: unknown | null, options: { focus: boolean }): Promise<void> {
  const key = ctx.caller.sessionKey;
  if (!key) return;
  const data = await readSession(ctx.deps.prisma, key);
  const ours = data[FOCUS] === part;
  if (value === null) await patchSession(ctx.deps.prisma, key, {}, ours ? [part, FOCUS] : [part]);
  else if (options.focus) await patchSession(ctx.deps.prisma, key, { [part]: value, [FOCUS]: part });
  else await patchSession(ctx.deps.prisma, key, { [part]: value }, ours ? [FOCUS] : []);
}

export async function chatPart(ctx: UseCaseContext, part: string): Promise<{ value: unknown; focused: boolean }> {
  const key = ctx.caller.sessionKey;
  if (!key) return { value: undefined, focused: false };
  const data = await readSession(ctx.deps.prisma, key);
  return { value: data[part], focused: data[FOCUS] === part };
}
