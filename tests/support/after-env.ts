import { closePdfReader } from '../../src/ingest/readers/pdf-reader';

// The PDF reader keeps one extraction thread per process; end it with each test file.
afterAll(() => closePdfReader());
