import { getNamedType, isInputObjectType, isListType, isNonNullType, type GraphQLInputType } from 'graphql';
import { BadInputError } from '../../common/errors';
import { REVIEW_COMMENT_MAX } from '../../services/finding.service';

/**
 * Every argument is checked here by its type and name before any resolver runs, so a bad id, code,
 * year or an overlong text is a BAD_USER_INPUT naming the argument, never an engine error; the same
 * limits hold on both engines (SQLite does not enforce declared column lengths).
 */
const ID = /^[1-9]\d{0,9}$/;
/** GB/T 2260 codes (6 digits) and township statistical codes (9 digits). */
const REGION_CODE = /^\d{6}(\d{3})?$/;
const REGION_CODE_ARGS = new Set(['regionCode', 'parentCode', 'code']);
const YEAR_ARGS = new Set(['year', 'fromYear', 'toYear']);
/** The 条例 took effect in 2008; reports name the year they cover. */
export const YEAR_RANGE = { min: 2008, max: 2100 } as const;
/** Longest text of one narrative section sent as figures. */
export const NARRATIVE_TEXT_MAX = 16_000;
/** Longest text argument, unless listed in TEXT_LIMITS. */
export const DEFAULT_TEXT_LIMIT = 200;
/** By "Type.field.argument" (input fields by their path): the column each is stored in, or the hash input. */
export const TEXT_LIMITS: Record<string, number> = {
  'Mutation.reviewFinding.comment': REVIEW_COMMENT_MAX,
  'Mutation.login.password': 1000,
  'Mutation.createUser.input.password': 1000,
  // The file itself: the request body limit (src/graphql/limits) bounds it long before this.
  'Mutation.submitReport.input.contentBase64': 64 * 2 ** 20,
  'Mutation.submitReport.input.fileName': 500,
  'Mutation.submitReport.input.reason': 2000,
  'Mutation.submitFigures.input.reason': 2000,
  'Mutation.previewReport.input.contentBase64': 64 * 2 ** 20,
  'Mutation.previewReport.input.fileName': 500,
  // The columns they are stored in: report.title varchar(300), report_narrative.heading varchar(300),
  // report_narrative.text a MariaDB TEXT (65,535 bytes: 16,000 characters of four bytes at most).
  'Mutation.submitFigures.input.title': 300,
  'Mutation.submitFigures.input.narratives.heading': 300,
  'Mutation.submitFigures.input.narratives.text': NARRATIVE_TEXT_MAX,
  'Mutation.returnReport.comment': 2000,
};

function fail(where: string, value: unknown, why: string): never {
  const shown =
    typeof value === 'string' && value.length > 40 ? `${value.slice(0, 40)}… (${value.length} characters)` : JSON.stringify(value);
  throw new BadInputError(`${where} ${shown}: ${why}`, { argument: where });
}

function checkValue(owner: string, where: string, name: string, type: GraphQLInputType, value: unknown): void {
  if (value === null || value === undefined) return;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    (value as unknown[]).forEach((v, i) => checkValue(owner, `${where}[${i}]`, name, inner.ofType, v));
    return;
  }
  const named = getNamedType(inner);
  if (isInputObjectType(named)) {
    const fields = value as Record<string, unknown>;
    try {
      for (const [field, def] of Object.entries(named.getFields()))
        checkValue(`${owner}.${field}`, `${where}.${field}`, field, def.type, fields[field]);
    } catch (e) {
      // An input naming a file (a filing) names it in its errors too: the caller sees which file was refused.
      if (e instanceof BadInputError && typeof fields.fileName === 'string')
        throw new BadInputError(`${fields.fileName.slice(0, 200)}: ${e.message}`, { ...e.extensions, file: fields.fileName });
      throw e;
    }
    return;
  }
  if (named.name === 'ID' && !ID.test(String(value))) fail(where, value, 'not an id (a positive integer)');
  if (named.name === 'Int' && YEAR_ARGS.has(name)) {
    const y = value as number;
    if (y < YEAR_RANGE.min || y > YEAR_RANGE.max) fail(where, value, `not a report year (${YEAR_RANGE.min} to ${YEAR_RANGE.max})`);
  }
  if (named.name === 'String') {
    const s = value as string;
    const limit = TEXT_LIMITS[owner] ?? DEFAULT_TEXT_LIMIT;
    if (s.length > limit) fail(where, value, `longer than ${limit} characters`);
    if (REGION_CODE_ARGS.has(name) && !REGION_CODE.test(s)) fail(where, value, 'not a region code (6 digits, or 9 for a township)');
  }
}

/** Checks the arguments of field `type.field`; throws a BadInputError naming the first bad one. */
export function checkArguments(
  type: string,
  field: string,
  defs: ReadonlyArray<{ name: string; type: GraphQLInputType }>,
  args: Record<string, unknown>,
): void {
  for (const def of defs) checkValue(`${type}.${field}.${def.name}`, def.name, def.name, def.type, args[def.name]);
}
