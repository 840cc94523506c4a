import type { TemplateMessage, TemplateSender, TemplateSendResult } from "../../messaging/template-sender.ts";
import type { ZaloApi } from "./zalo-api.ts";

/** Zalo Notification Service: one approved template (ZALO_ZNS_TEMPLATE_ID), sent with the OA's access token. */
export class ZnsSender implements TemplateSender {
  readonly describe: string;

  constructor(
    private readonly api: ZaloApi,
    private readonly options: { znsRoot: string; templateId: string },
  ) {
    this.describe = `Zalo ZNS template ${options.templateId}`;
  }

  async send(message: TemplateMessage): Promise<TemplateSendResult> {
    const sent = await this.api.sendTemplate(this.options.znsRoot, { ...message, templateId: this.options.templateId });
    return sent.ok ? { ok: true, messageId: sent.data.messageId } : { ok: false, detail: sent.failure.detail };
  }
}
