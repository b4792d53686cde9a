/** What crosses the thread boundary between the PDF reader and its extraction worker: plain data only. */

/** One positioned text run as pdf.js reports it (PDF user space: y grows upwards, y is the baseline). */
export interface TextItem {
  text: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

/** A drawn horizontal (y0 = y1) or vertical (x0 = x1) segment, in the same space as TextItem. */
export interface Rule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageText {
  width: number;
  height: number;
  items: TextItem[];
  /** Table rules drawn on the page (empty when it has none: positions alone then tell the cells). */
  rules: Rule[];
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
