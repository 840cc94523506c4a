// Tests use the same local Bot API server as the demo.
export { FakeBotApi, type FakeBotApiOptions, type FakeReply, type RecordedCall } from "../../src/demo/local-bot-api.ts";
