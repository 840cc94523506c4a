/** A paid message by an approved template to a phone number (Zalo's ZNS), for people no free message reaches. */
export type TemplateMessage = {
  /** International form without "+": 84912345678. */
  phone: string;
  /** The template's parameters by name, as the template was registered. */
  params: Record<string, string>;
  /** Our id for the send, so a report from the provider can be matched to it. */
  trackingId: string;
};

export type TemplateSendResult = { ok: true; messageId: string } | { ok: false; detail: string };

/**
 * The port for paid template messages. Off unless configured: with no sender, a reminder Zalo refuses
 * because its messaging window closed is recorded and named to the office, and nothing is paid for.
 */
export interface TemplateSender {
  /** Which provider and template, for logs (no secret). */
  readonly describe: string;
  send(message: TemplateMessage): Promise<TemplateSendResult>;
}
