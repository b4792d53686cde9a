/**
 * Table rules as drawn: the horizontal and vertical line segments of a page, read from pdf.js's
 * operator list. Runs in the extraction thread; plain data in, plain data out.
 *
 * pdfjs-dist 5 hands every path over as one `constructPath` op: [paint op, [Float32Array of DrawOPS
 * sub-ops and coordinates, or null], bounding box], in the user space of the current transform
 * (the CTM, changed by transform/save/restore and form XObjects). Chromium draws cell borders as
 * thin filled rectangles, LibreOffice and Word as stroked lines; both count.
 */
import type { Rule } from './pdf-text.types';

/** The operator numbers used here (pdf.js's OPS; passed in so that this file needs no pdf.js import). */
export interface Ops {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  rectangle: number;
  moveTo: number;
  lineTo: number;
  closePath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
}

type Matrix = [number, number, number, number, number, number];

// pdf.js's DrawOPS (the sub-ops inside a constructPath buffer).
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** A filled shape at most this thick (points) is a rule, not a cell background. */
const THIN = 2.5;
/** Shorter marks (bullets, underlines of a character) are not table rules. */
const MIN_LENGTH = 4;

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Subpaths (polylines in page space; curves break them, since rules are straight) of a DrawOPS buffer. */
function subpaths(buf: ArrayLike<number>, ctm: Matrix): Array<{ points: Array<[number, number]>; closed: boolean }> {
  const out: Array<{ points: Array<[number, number]>; closed: boolean }> = [];
  let cur: { points: Array<[number, number]>; closed: boolean } | null = null;
  for (let i = 0; i < buf.length;) {
    const op = buf[i++];
    if (op === MOVE) {
      cur = { points: [apply(ctm, buf[i], buf[i + 1])], closed: false };
      out.push(cur);
      i += 2;
    } else if (op === LINE) {
      const p = apply(ctm, buf[i], buf[i + 1]);
      if (cur) cur.points.push(p);
      else out.push((cur = { points: [p], closed: false }));
      i += 2;
    } else if (op === CURVE || op === QUAD) {
      i += op === CURVE ? 6 : 4;
      const p = apply(ctm, buf[i - 2], buf[i - 1]);
      out.push((cur = { points: [p], closed: false }));
    } else if (op === CLOSE) {
      if (cur) cur.closed = true;
      cur = null;
    } else break; // unknown sub-op: the rest of the buffer cannot be parsed
  }
  return out;
}

function pushRule(rules: Rule[], x0: number, y0: number, x1: number, y1: number): void {
  const w = Math.abs(x1 - x0);
  const h = Math.abs(y1 - y0);
  if (h <= 0.5 && w >= MIN_LENGTH) rules.push({ x0: Math.min(x0, x1), x1: Math.max(x0, x1), y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
  else if (w <= 0.5 && h >= MIN_LENGTH) rules.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0: Math.min(y0, y1), y1: Math.max(y0, y1) });
}

function strokeRules(rules: Rule[], paths: ReturnType<typeof subpaths>): void {
  for (const { points, closed } of paths) {
    const pts = closed && points.length > 2 ? [...points, points[0]] : points;
    for (let k = 1; k < pts.length; k++) pushRule(rules, pts[k - 1][0], pts[k - 1][1], pts[k][0], pts[k][1]);
  }
}

/** A thin filled shape becomes the rule along its middle; anything wider is a background and ignored. */
function fillRules(rules: Rule[], paths: ReturnType<typeof subpaths>): void {
  for (const { points } of paths) {
    if (points.length < 2) continue;
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    if (y1 - y0 <= THIN && x1 - x0 >= MIN_LENGTH) pushRule(rules, x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
    else if (x1 - x0 <= THIN && y1 - y0 >= MIN_LENGTH) pushRule(rules, (x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
  }
}

/** Horizontal and vertical segments drawn on a page, in PDF user space (y upwards). */
export function collectRules(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, OPS: Ops): Rule[] {
  const rules: Rule[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  // Paths built by separate ops (pdf.js before v5 and a few code paths since), in the current space.
  let loose: number[] = [];
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const paint = (op: number, buf: ArrayLike<number>) => {
    const paths = subpaths(buf, ctm);
    if (strokes.has(op)) strokeRules(rules, paths);
    if (fills.has(op)) fillRules(rules, paths);
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args?.[0] as Matrix | null | undefined;
      if (Array.isArray(m) || ArrayBuffer.isView(m)) ctm = multiply(ctm, Array.from(m as ArrayLike<number>) as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && args) {
      const buf = (args[1] as Array<ArrayLike<number> | null> | undefined)?.[0];
      if (buf) paint(args[0] as number, buf);
    } else if (fn === OPS.rectangle && args) {
      const [x, y, w, h] = args as number[];
      loose.push(MOVE, x, y, LINE, x + w, y, LINE, x + w, y + h, LINE, x, y + h, CLOSE);
    } else if (fn === OPS.moveTo && args) loose.push(MOVE, ...(args as number[]).slice(0, 2));
    else if (fn === OPS.lineTo && args) loose.push(LINE, ...(args as number[]).slice(0, 2));
    else if (fn === OPS.closePath) loose.push(CLOSE);
    else if (strokes.has(fn) || fills.has(fn)) {
      if (loose.length) paint(fn, loose);
      loose = [];
    }
  }
  return rules;
}
