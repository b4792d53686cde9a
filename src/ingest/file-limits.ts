/**
 * Every limit on reading an untrusted file, in one place (README "Limits", table "Files"). The
 * readers refuse most bombs cheaply with these before the sandbox's own limits (heap, time) are
 * needed; either way the refusal is REPORT_TOO_COMPLEX naming the limit.
 */
const MIB = 1024 * 1024;

/** ZIP containers (DOCX): read from the central directory before anything is inflated. */
export const ZIP_LIMITS = {
  /** Entries in the archive (a Word document has 10 to 30). */
  entries: 5_000,
  /** The part read (word/document.xml), declared and as actually inflated: real reports' are 60-300 KB. */
  partBytes: 16 * MIB,
  /** Declared uncompressed size of all entries together (images included). */
  totalBytes: 256 * MIB,
  /** Uncompressed : compressed, of each entry and of the archive (real reports: 16-34; deflate's ceiling is about 1,030). */
  ratio: 200,
  /** Entries this small are not judged by ratio: whatever their ratio, they inflate to little. */
  ratioFloorBytes: MIB,
} as const;

/** HTML pages, counted while parse5 builds the tree (the sample pages open 8-12 elements at once and hold 650-1,650). */
export const HTML_LIMITS = {
  /** Open elements at once: parse5's scope checks walk them for every tag, so depth costs depth² time. */
  depth: 256,
  /** Elements and comments. */
  nodes: 200_000,
} as const;

/** The sandbox every file is read in: a worker thread per file at a time (src/services/parse-pool.ts). */
export const SANDBOX_LIMITS = {
  /** V8 old generation of a reading thread, in MiB. */
  heapMb: 256,
  /** The same of its PDF extraction thread: pdf.js under a 256 MiB cap ran 35% slower (GC), under 512 about 15%. */
  pdfHeapMb: 512,
  /** Wall-clock time of one file; a request's own deadline cuts it shorter. */
  timeMs: 30_000,
} as const;

/** File reads and renders at once in one server process, and the wait for a turn (src/services/heavy-work.ts). */
export const HEAVY_WORK_LIMITS = {
  /** Requests waiting for a turn beyond the running ones (each request waits with one item at a time). */
  queue: 8,
  /** Longest wait for a turn before SERVER_BUSY. */
  waitMs: 5_000,
  /** Retry-After of a SERVER_BUSY answer, in seconds. */
  retryAfterSeconds: 2,
} as const;
