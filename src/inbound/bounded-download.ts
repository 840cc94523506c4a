import type { FileDownload } from "../messaging/inbound-file.ts";

function failed(detail: string): FileDownload {
  return { ok: false, reason: "failed", detail };
}

function tooLarge(detail: string): FileDownload {
  return { ok: false, reason: "too-large", detail };
}

/**
 * The bytes at `url`, at most `maxBytes` of them: a larger file is given up as soon as its declared length or
 * the bytes received pass the limit, so a file that says it is small but is not costs no more than the limit.
 * The detail of a failure never holds the address (a Telegram file address carries the bot token).
 */
export async function boundedDownload(url: string, maxBytes: number, options: { timeoutMs?: number } = {}): Promise<FileDownload> {
  if (!/^https?:\/\//i.test(url)) return failed("not an http(s) address");
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });
  } catch (error) {
    return failed(`the download failed (${(error as Error).name})`);
  }
  const body = response.body;
  if (!response.ok || !body) {
    await body?.cancel().catch(() => undefined);
    return failed(`the server answered ${response.status}`);
  }
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await body.cancel().catch(() => undefined);
    return tooLarge(`${declared} bytes declared; at most ${maxBytes} are read`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return tooLarge(`more than ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  } catch (error) {
    return failed(`the download broke off (${(error as Error).name})`);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
