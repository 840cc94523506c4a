import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeTemplateFile, isTemplateFileName, TEMPLATE_FILE_MAX_BYTES } from "../src/domain/template/template-file.ts";
import { boundedDownload } from "../src/inbound/bounded-download.ts";

describe("a template file's name and text", () => {
  it("is a .yaml or .yml file, whatever the case", () => {
    for (const name of ["mau.yaml", "MAU.YML", "bao cao quy 3.Yaml", "a.yml "]) expect(isTemplateFileName(name), name).toBe(true);
    for (const name of ["mau.pdf", "mau.yaml.docx", "yaml", "", "mau.yamll"]) expect(isTemplateFileName(name), name).toBe(false);
    expect(TEMPLATE_FILE_MAX_BYTES).toBe(512 * 1024);
  });

  it("is UTF-8 text (a byte order mark dropped); another encoding, or only blanks, is refused", () => {
    expect(decodeTemplateFile(new TextEncoder().encode("key: mẫu\n"))).toEqual({ ok: true, source: "key: mẫu\n" });
    expect(decodeTemplateFile(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("key: a")]))).toEqual({ ok: true, source: "key: a" });
    expect(decodeTemplateFile(Buffer.from("name: Báo cáo", "latin1"))).toEqual({ ok: false, reason: "not-utf8" });
    expect(decodeTemplateFile(Buffer.from("\ufeffkey: a", "utf16le"))).toEqual({ ok: false, reason: "not-utf8" });
    expect(decodeTemplateFile(new Uint8Array(0))).toEqual({ ok: false, reason: "empty" });
    expect(decodeTemplateFile(new TextEncoder().encode(" \n\t\n"))).toEqual({ ok: false, reason: "empty" });
  });
});

describe("a download bounded in size", () => {
  let server: Server;
  let root: string;
  let sentBytes = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/missing") {
        res.writeHead(404).end();
        return;
      }
      // No content-length: the size shows only while reading.
      res.writeHead(200, { "content-type": "application/octet-stream", "transfer-encoding": "chunked" });
      const chunk = Buffer.alloc(16 * 1024, 0x61);
      let left = req.url === "/big" ? 4096 : 2;
      const write = () => {
        while (left > 0) {
          left--;
          sentBytes += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", write);
        }
        res.end();
      };
      res.on("close", () => (left = 0));
      write();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("gives the bytes of a file within the limit", async () => {
    const result = await boundedDownload(`${root}/small`, 64 * 1024);
    expect(result.ok && result.bytes.byteLength).toBe(32 * 1024);
  });

  it("stops reading a file without a declared length once it passes the limit", async () => {
    sentBytes = 0;
    const result = await boundedDownload(`${root}/big`, 64 * 1024);
    expect(result).toMatchObject({ ok: false, reason: "too-large" });
    // 64 MB were on offer; the reader stopped long before.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sentBytes).toBeLessThan(16 * 1024 * 1024);
  });

  it("says why a download failed, without the address", async () => {
    const missing = await boundedDownload(`${root}/missing`, 1024);
    expect(missing).toEqual({ ok: false, reason: "failed", detail: "the server answered 404" });
    const refused = await boundedDownload("http://127.0.0.1:1/bot123:secret/file", 1024);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.detail).not.toContain("secret");
    expect(await boundedDownload("file:///etc/passwd", 1024)).toMatchObject({ ok: false, reason: "failed" });
  });
});
