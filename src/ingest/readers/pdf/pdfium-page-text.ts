/**
 * PageText from PDFium (WebAssembly, through its C API): characters from FPDFText_* joined into
 * runs as pdf.js reports them (pdf-char-runs.ts), and the segments of every path object, inside form
 * XObjects too, handed to the same rule collector the pdf.js path uses (pdf-rules.ts), as the
 * operator list pdf.js would give. Runs in the extraction thread; knows nothing of tables.
 */
import { RunBuilder } from './pdf-char-runs';
import { collectRules, type Ops } from './pdf-rules';
import type { ExtractResult, PageText } from './pdf-text.types';

/** The part of PDFium's C API used here, as the Emscripten module exports it (pointers are numbers). */
export interface PdfiumApi {
  HEAPU8: Uint8Array;
  HEAP32: Int32Array;
  HEAPF32: Float32Array;
  HEAPF64: Float64Array;
  _malloc(size: number): number;
  _free(ptr: number): void;
  _FPDF_LoadMemDocument(data: number, size: number, password: number): number;
  _FPDF_DocumentHasValidCrossReferenceTable(doc: number): number;
  _FPDF_GetLastError(): number;
  _FPDF_CloseDocument(doc: number): void;
  _FPDF_GetPageCount(doc: number): number;
  _FPDF_LoadPage(doc: number, index: number): number;
  _FPDF_ClosePage(page: number): void;
  _FPDF_GetPageWidthF(page: number): number;
  _FPDF_GetPageHeightF(page: number): number;
  _FPDFText_LoadPage(page: number): number;
  _FPDFText_ClosePage(textPage: number): void;
  _FPDFText_CountChars(textPage: number): number;
  _FPDFText_GetUnicode(textPage: number, index: number): number;
  _FPDFText_IsGenerated(textPage: number, index: number): number;
  _FPDFText_HasUnicodeMapError(textPage: number, index: number): number;
  _FPDFText_GetCharOrigin(textPage: number, index: number, x: number, y: number): number;
  _FPDFText_GetLooseCharBox(textPage: number, index: number, rect: number): number;
  _FPDFText_GetFontSize(textPage: number, index: number): number;
  _FPDFText_GetMatrix(textPage: number, index: number, matrix: number): number;
  _FPDFText_GetTextObject(textPage: number, index: number): number;
  _FPDFTextObj_GetFont(textObject: number): number;
  _FPDFPage_CountObjects(page: number): number;
  _FPDFPage_GetObject(page: number, index: number): number;
  _FPDFPageObj_GetType(object: number): number;
  _FPDFPageObj_GetMatrix(object: number, matrix: number): number;
  _FPDFPageObj_CountMarks(object: number): number;
  _FPDFPageObj_GetMark(object: number, index: number): number;
  _FPDFPageObj_RemoveMark(object: number, mark: number): number;
  _FPDFPageObjMark_GetParamValueType(mark: number, key: number): number;
  _FPDFFormObj_CountObjects(form: number): number;
  _FPDFFormObj_GetObject(form: number, index: number): number;
  _FPDFPath_GetDrawMode(path: number, fillMode: number, stroke: number): number;
  _FPDFPath_CountSegments(path: number): number;
  _FPDFPath_GetPathSegment(path: number, index: number): number;
  _FPDFPathSegment_GetPoint(segment: number, x: number, y: number): number;
  _FPDFPathSegment_GetType(segment: number): number;
  _FPDFPathSegment_GetClose(segment: number): number;
}

// FPDF_GetLastError codes and page object types (fpdfview.h, fpdf_edit.h).
const ERR_PASSWORD = 4;
const ERR_FORMAT = 3;
const OBJ_TEXT = 1;
const OBJ_PATH = 2;
const OBJ_FORM = 5;
const SEG_LINETO = 0;
const SEG_BEZIERTO = 1;
const SEG_MOVETO = 2;

/** Operator numbers for the list handed to collectRules (only their identity matters). */
const OPS: Ops = {
  save: 1,
  restore: 2,
  transform: 3,
  constructPath: 4,
  rectangle: 5,
  moveTo: 6,
  lineTo: 7,
  closePath: 8,
  stroke: 9,
  closeStroke: 10,
  fill: 11,
  eoFill: 12,
  fillStroke: 13,
  eoFillStroke: 14,
  closeFillStroke: 15,
  closeEOFillStroke: 16,
  paintFormXObjectBegin: 17,
  paintFormXObjectEnd: 18,
};
// pdf.js's DrawOPS, as pdf-rules.ts reads them.
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const CLOSE = 4;

type Matrix = [number, number, number, number, number, number];

/** Thrown to end extraction with a pdf.js error name, which extractionError knows how to classify. */
class ExtractFailure extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** Scratch memory for out-parameters (8 doubles' worth) and the C string "ActualText", allocated once per document. */
class Scratch {
  readonly actualText: number;
  constructor(
    private readonly m: PdfiumApi,
    readonly ptr = m._malloc(80),
  ) {
    this.actualText = ptr + 64;
    m.HEAPU8.set(Buffer.from('ActualText\0', 'latin1'), this.actualText);
  }
  f64(i: number): number {
    return this.m.HEAPF64[(this.ptr >> 3) + i];
  }
  f32(i: number): number {
    return this.m.HEAPF32[(this.ptr >> 2) + i];
  }
  i32(i: number): number {
    return this.m.HEAP32[(this.ptr >> 2) + i];
  }
  free(): void {
    this.m._free(this.ptr);
  }
}

function pageItems(m: PdfiumApi, page: number, s: Scratch): PageText['items'] {
  const tp = m._FPDFText_LoadPage(page);
  if (!tp) return [];
  const runs = new RunBuilder();
  const sizes = new Map<number, number>();
  try {
    const n = m._FPDFText_CountChars(tp);
    for (let i = 0; i < n; i++) {
      const code = m._FPDFText_GetUnicode(tp, i);
      if (m._FPDFText_IsGenerated(tp, i)) {
        // Line ends PDFium infers end a run; the spaces it infers do not (the gap decides, as in pdf.js).
        if (code === 13 || code === 10) runs.close();
        continue;
      }
      // A glyph without a character is U+FFFD, as pdf.js gives it: the reader counts them.
      const text = m._FPDFText_HasUnicodeMapError(tp, i) || code === 0 ? '\ufffd' : String.fromCodePoint(code);
      m._FPDFText_GetCharOrigin(tp, i, s.ptr, s.ptr + 8);
      const x = s.f64(0);
      const y = s.f64(1);
      // FS_RECTF {left, top, right, bottom}: the loose box spans the glyph's advance.
      m._FPDFText_GetLooseCharBox(tp, i, s.ptr + 16);
      const right = Math.max(s.f32(6), x);
      const obj = m._FPDFText_GetTextObject(tp, i);
      let size = sizes.get(obj);
      if (size === undefined) {
        // pdf.js's size: the font size (Tf) scaled by the text matrix and the CTM, read off the y axis.
        m._FPDFText_GetMatrix(tp, i, s.ptr + 32);
        size = m._FPDFText_GetFontSize(tp, i) * (Math.hypot(s.f32(10), s.f32(11)) || Math.hypot(s.f32(8), s.f32(9)) || 1);
        sizes.set(obj, size);
      }
      runs.add({ text, x, y, right, size, font: obj ? m._FPDFTextObj_GetFont(obj) : 0 });
    }
    runs.close();
  } finally {
    m._FPDFText_ClosePage(tp);
  }
  return runs.items;
}

/** One path object as pdf.js's constructPath would carry it: [paint op, [DrawOPS buffer]], or null if unpainted. */
function pathOp(m: PdfiumApi, path: number, s: Scratch): [number, [number[]]] | null {
  if (!m._FPDFPath_GetDrawMode(path, s.ptr, s.ptr + 4)) return null;
  const fill = s.i32(0) !== 0;
  const stroke = s.i32(1) !== 0;
  if (!fill && !stroke) return null;
  const paint = fill && stroke ? OPS.fillStroke : fill ? OPS.fill : OPS.stroke;
  const buf: number[] = [];
  let curve: number[] = [];
  const n = m._FPDFPath_CountSegments(path);
  for (let i = 0; i < n; i++) {
    const seg = m._FPDFPath_GetPathSegment(path, i);
    if (!seg || !m._FPDFPathSegment_GetPoint(seg, s.ptr, s.ptr + 4)) continue;
    const x = s.f32(0);
    const y = s.f32(1);
    const type = m._FPDFPathSegment_GetType(seg);
    if (type === SEG_MOVETO) buf.push(MOVE, x, y);
    else if (type === SEG_LINETO) buf.push(LINE, x, y);
    else if (type === SEG_BEZIERTO) {
      // PDFium lists a cubic as its three points, one segment each.
      curve.push(x, y);
      if (curve.length === 6) {
        buf.push(CURVE, ...curve);
        curve = [];
      }
    }
    if (m._FPDFPathSegment_GetClose(seg)) buf.push(CLOSE);
  }
  return buf.length ? [paint, [buf]] : null;
}

function objectMatrix(m: PdfiumApi, obj: number, s: Scratch): Matrix {
  if (!m._FPDFPageObj_GetMatrix(obj, s.ptr)) return [1, 0, 0, 1, 0, 0];
  return [s.f32(0), s.f32(1), s.f32(2), s.f32(3), s.f32(4), s.f32(5)];
}

/**
 * PDFium reads a marked span's /ActualText in place of its glyphs; pdf.js reads the glyphs. Dropping
 * the mark (in memory, before the text page is built) gives the glyphs' own characters, as pdf.js does:
 * Chromium marks a glyph it has no font for (a box, no character) with the text it stands for, and
 * the reader must see that the page shows boxes.
 */
function dropActualText(m: PdfiumApi, obj: number, s: Scratch): void {
  for (let k = m._FPDFPageObj_CountMarks(obj) - 1; k >= 0; k--) {
    const mark = m._FPDFPageObj_GetMark(obj, k);
    if (mark && m._FPDFPageObjMark_GetParamValueType(mark, s.actualText) !== 0) m._FPDFPageObj_RemoveMark(obj, mark);
  }
}

/** The page's paths as an operator list: save, the object's matrix, the path, restore; forms nest. */
function pagePaths(m: PdfiumApi, page: number, s: Scratch): { fnArray: number[]; argsArray: unknown[] } {
  const fnArray: number[] = [];
  const argsArray: unknown[] = [];
  const op = (fn: number, args: unknown) => {
    fnArray.push(fn);
    argsArray.push(args);
  };
  const walk = (count: number, get: (i: number) => number, depth: number) => {
    for (let i = 0; i < count; i++) {
      const obj = get(i);
      const type = obj ? m._FPDFPageObj_GetType(obj) : 0;
      if (type === OBJ_TEXT) dropActualText(m, obj, s);
      else if (type === OBJ_PATH) {
        const path = pathOp(m, obj, s);
        if (!path) continue;
        op(OPS.save, null);
        op(OPS.transform, objectMatrix(m, obj, s));
        op(OPS.constructPath, path);
        op(OPS.restore, null);
      } else if (type === OBJ_FORM && depth < 16) {
        op(OPS.paintFormXObjectBegin, [objectMatrix(m, obj, s)]);
        walk(m._FPDFFormObj_CountObjects(obj), (k) => m._FPDFFormObj_GetObject(obj, k), depth + 1);
        op(OPS.paintFormXObjectEnd, null);
      }
    }
  };
  walk(m._FPDFPage_CountObjects(page), (i) => m._FPDFPage_GetObject(page, i), 0);
  return { fnArray, argsArray };
}

function hasEofMarker(data: Uint8Array): boolean {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength)
    .subarray(Math.max(0, data.byteLength - 2048))
    .toString('latin1')
    .includes('%%EOF');
}

function openDocument(m: PdfiumApi, data: Uint8Array, ptr: number): number {
  const doc = m._FPDF_LoadMemDocument(ptr, data.byteLength, 0);
  if (!doc) {
    const code = m._FPDF_GetLastError();
    if (code === ERR_PASSWORD) throw new ExtractFailure('PasswordException', 'a password is needed');
    throw new ExtractFailure(
      'InvalidPDFException',
      code === ERR_FORMAT ? 'the file is not in PDF format or is damaged' : `PDFium error ${code}`,
    );
  }
  // PDFium rebuilds a lost cross-reference table from what it finds: a cut-off file would read as
  // its first pages only. pdf.js refuses such a file; so does this.
  if (!m._FPDF_DocumentHasValidCrossReferenceTable(doc) && !hasEofMarker(data)) {
    m._FPDF_CloseDocument(doc);
    throw new ExtractFailure('InvalidPDFException', 'the cross-reference table is missing (the file is cut off)');
  }
  return doc;
}

/** Every page's text and rules; PDFium's errors carry the names pdf.js gives the same failures. */
export function extractWithPdfium(m: PdfiumApi, data: Uint8Array): PageText[] {
  const ptr = m._malloc(data.byteLength);
  if (!ptr) throw new ExtractFailure('UnknownErrorException', 'out of memory');
  m.HEAPU8.set(data, ptr);
  const s = new Scratch(m);
  try {
    const doc = openDocument(m, data, ptr);
    try {
      const pages: PageText[] = [];
      const count = m._FPDF_GetPageCount(doc);
      for (let n = 0; n < count; n++) {
        const page = m._FPDF_LoadPage(doc, n);
        if (!page) throw new ExtractFailure('InvalidPDFException', `page ${n + 1} cannot be read`);
        try {
          // Objects first: walking them also drops the ActualText marks before the text page reads them.
          const { fnArray, argsArray } = pagePaths(m, page, s);
          pages.push({
            width: m._FPDF_GetPageWidthF(page),
            height: m._FPDF_GetPageHeightF(page),
            items: pageItems(m, page, s),
            rules: collectRules(fnArray, argsArray, OPS),
          });
        } finally {
          m._FPDF_ClosePage(page);
        }
      }
      return pages;
    } finally {
      m._FPDF_CloseDocument(doc);
    }
  } finally {
    s.free();
    m._free(ptr);
  }
}

export function pdfiumFailure(e: unknown): ExtractResult {
  const err = e as { name?: string; message?: string } | null;
  return { ok: false, name: err?.name || 'Error', message: String(err?.message || e) };
}
