import type { UseCaseContext } from "./context.ts";
import { pageUrl } from "./web-access.ts";

/** Whether the caller's messenger carries this file: its size and its type. */
export function channelCarries(ctx: UseCaseContext, fileName: string, byteLength: number): boolean {
  const { maxBytes, extensions } = ctx.caller.files;
  const extension = fileName.includes(".") ? fileName.slice(fileName.lastIndexOf(".") + 1).toLowerCase() : "";
  return byteLength <= maxBytes && (extensions === null || extensions.includes(extension));
}

/**
 * Where the caller's messenger cannot carry a file (over its size, a type it refuses, as Zalo does with a
 * CSV), the office's desk for the round, to get it from there; undefined when it can, or without PUBLIC_URL.
 */
export async function deskLinkForFile(ctx: UseCaseContext, roundId: number, fileName: string, byteLength: number): Promise<string | undefined> {
  if (channelCarries(ctx, fileName, byteLength) || !ctx.caller.person) return undefined;
  return (await pageUrl(ctx.deps, { personId: ctx.caller.person.id, roundId, kind: "desk" })) ?? undefined;
}
