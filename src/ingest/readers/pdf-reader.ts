// The PDF reader lives in ./pdf/; this path stays its entry for the readers' callers.
export { closePdfReader, readPdf } from './pdf/pdf-reader';
