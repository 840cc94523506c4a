import { afterAll, afterEach, beforeAll } from "vitest";
import { ZaloApi } from "../../src/channels/zalo/zalo-api.ts";
import type { ZaloRenderOptions } from "../../src/channels/zalo/render-zalo.ts";
import { ZaloSender } from "../../src/channels/zalo/zalo-sender.ts";
import { LocalZaloOa, type LocalZaloOaOptions } from "../../src/demo/local-zalo-oa.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";
import { localZaloTokens } from "./zalo-tokens.ts";

/**
 * A ZaloSender talking to a local Official Account, for the tests of one describe block: a database of its own
 * keeps the tokens; each test starts the OA with `start()`, and it is stopped (its tokens dropped) after the test.
 */
export function useLocalZaloSender(renderOptions: ZaloRenderOptions = {}) {
  let db: TestDatabase | undefined;
  let zalo: LocalZaloOa | undefined;
  let sender: ZaloSender | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });
  afterEach(async () => {
    await zalo?.stop();
    zalo = undefined;
    await db?.prisma.zaloToken.deleteMany();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: call start() first`);
    return value;
  };
  return {
    get db(): TestDatabase {
      return started(db, "the database");
    },
    get zalo(): LocalZaloOa {
      return started(zalo, "the local OA");
    },
    get sender(): ZaloSender {
      return started(sender, "the sender");
    },
    async start(options: LocalZaloOaOptions = {}): Promise<void> {
      zalo = new LocalZaloOa(options);
      await zalo.start();
      sender = new ZaloSender(new ZaloApi({ apiRoot: zalo.root, tokens: localZaloTokens(zalo, started(db, "the database").prisma) }), renderOptions);
    },
  };
}
