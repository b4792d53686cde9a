import type { ValueTransformer } from 'typeorm';
import { canonical } from '../src/shared/decimal';

/** MySQL returns DECIMAL as "12.900000", SQLite as a number: both become canonical text ("12.9"). */
export const DECIMAL_TEXT: ValueTransformer = {
  from: (v: string | number | null) => canonical(v),
  to: (v: string | null) => v,
};
