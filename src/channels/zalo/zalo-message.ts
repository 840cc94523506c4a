/** Zalo's limits for a consultation message (OA API v3). Title and payload limits: one SDK's notes, unconfirmed. */
export const ZALO_LIMITS = {
  /** Characters of a text message. */
  text: 2000,
  /** Buttons under one message. */
  buttons: 5,
  /** Characters of a button title. */
  buttonTitle: 100,
  /** Characters of an oa.query.hide payload. */
  buttonPayload: 1000,
  /** Bytes of an uploaded file (pdf, doc, docx). */
  fileBytes: 5 * 1024 * 1024,
} as const;

/** File types the upload endpoint takes, by extension. */
export const ZALO_FILE_TYPES: Readonly<Record<string, string>> = {
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** A tap that sends its payload back as the person's (hidden) message, or a link that opens a page. */
export type ZaloButton =
  | { title: string; type: "oa.query.hide"; payload: string }
  | { title: string; type: "oa.open.url"; payload: { url: string } };

/** The `message` of a POST /v3.0/oa/message/cs body. */
export type ZaloMessage =
  | { text: string; attachment?: { type: "template"; payload: { buttons: ZaloButton[] } } }
  | { attachment: { type: "file"; payload: { token: string } } };

/** The extension of a file name, lower case, without the dot. */
export function fileExtension(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot === -1 ? "" : fileName.slice(dot + 1).toLowerCase();
}
