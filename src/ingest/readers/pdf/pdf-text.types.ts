/** What crosses the thread boundary between the PDF reader and its extraction worker: plain data only. */

/** One positioned text run as pdf.js reports it (PDF user space: y grows upwards, y is the baseline). */
export interface TextItem {
  text: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

export interface PageText {
  width: number;
  height: number;
  items: TextItem[];
}

/** A failure keeps pdf.js's error name: the reader tells encrypted, truncated and corrupt files apart by it. */
export type ExtractResult = { ok: true; pages: PageText[] } | { ok: false; name: string; message: string };

export interface ExtractRequest {
  id: number;
  data: Uint8Array;
}

export interface ExtractReply {
  id: number;
  result: ExtractResult;
}
