import type { Viewer } from '../../src/auth/viewer';
import { ANONYMOUS, SYSTEM } from '../../src/auth/viewer';
import { assertMayAdminister, mayAdminister, mayBeUnconfined, mayRevokeToken, signedInUserId } from '../../src/policy/account.policy';
import {
  assertMayReadAudit,
  auditAgencyOf,
  auditHidesPrivateDrafts,
  auditSeesEveryRevision,
  mayReadAudit,
} from '../../src/policy/audit.policy';
import { assertMayReview, isReviewer, mayReview, maySeeReviewRecord, reviewRefused } from '../../src/policy/finding.policy';
import {
  assertMaySeeUnpublishedRollup,
  assertReadsWhole,
  mayListRegion,
  maySeeAgency,
  maySeeRegion,
  maySeeUnpublishedRollup,
  readablePath,
  readsWhole,
} from '../../src/policy/region.policy';
import { maySeeReturnRecord, readsRecordsByRole, readsRecordsOf } from '../../src/policy/report.policy';
import { canRead, editsAgency, isPrivileged, isSignedIn, supervises } from '../../src/policy/viewer.policy';
import {
  assertMayFile,
  assertMayImport,
  assertMayStep,
  isFiler,
  isWorkflowSupervisor,
  mayFile,
  mayStep,
  maySupervise,
} from '../../src/policy/workflow.policy';

/**
 * Every policy function on a truth table: the viewers of README "Accounts and roles" against
 * subjects in 汶上县 (the county), its city 济宁市, and 任城区 (another county of the city).
 */
const PROVINCE = '/370000/';
const CITY = '/370000/370800/';
const COUNTY = '/370000/370800/370830/';
const OTHER = '/370000/370800/370811/';
/** The agency the subjects belong to (in the county), and another agency of the same county. */
const AGENCY = { id: 7, regionPath: COUNTY };
const NEIGHBOUR = { id: 8, regionPath: COUNTY };
const ELSEWHERE = { id: 9, regionPath: OTHER };

const viewer = (id: string, role: Viewer['role'], regionPath: string | null, agencyId: number | null, userId: number | null): Viewer => ({
  id,
  role,
  regionPath,
  agencyId,
  userId,
});
const VIEWERS = {
  admin: viewer('admin', 'ADMIN', null, null, 1),
  system: SYSTEM,
  cityAnalyst: viewer('city-analyst', 'ANALYST', CITY, null, 2),
  analyst: viewer('analyst', 'ANALYST', null, null, 3),
  /** Supervisor of the subjects' county. */
  supervisor: viewer('sup', 'SUPERVISOR', COUNTY, null, 4),
  /** Supervisor of the city above it. */
  citySupervisor: viewer('city-sup', 'SUPERVISOR', CITY, null, 5),
  /** Supervisor of another county. */
  otherSupervisor: viewer('other-sup', 'SUPERVISOR', OTHER, null, 6),
  /** The editor of the subjects' agency. */
  agency: viewer('agency', 'AGENCY', COUNTY, AGENCY.id, 7),
  /** The editor of another agency of the same county. */
  otherAgency: viewer('other-agency', 'AGENCY', COUNTY, NEIGHBOUR.id, 8),
  anonymous: ANONYMOUS,
} satisfies Record<string, Viewer>;
type Name = keyof typeof VIEWERS;
const NAMES = Object.keys(VIEWERS) as Name[];

/** One row of a truth table: the viewers for whom the predicate holds; false for all the others. */
const TABLE: Array<[string, (v: Viewer) => boolean, Name[]]> = [
  ['isPrivileged', isPrivileged, ['admin', 'system']],
  [
    'isSignedIn',
    isSignedIn,
    ['admin', 'system', 'cityAnalyst', 'analyst', 'supervisor', 'citySupervisor', 'otherSupervisor', 'agency', 'otherAgency'],
  ],
  [
    'canRead(county)',
    (v) => canRead(v, COUNTY),
    ['admin', 'system', 'cityAnalyst', 'analyst', 'supervisor', 'citySupervisor', 'agency', 'otherAgency', 'anonymous'],
  ],
  ['canRead(city)', (v) => canRead(v, CITY), ['admin', 'system', 'cityAnalyst', 'analyst', 'citySupervisor', 'anonymous']],
  ['supervises(county)', (v) => supervises(v, COUNTY), ['admin', 'system', 'supervisor', 'citySupervisor']],
  ['supervises(city)', (v) => supervises(v, CITY), ['admin', 'system', 'citySupervisor']],
  ['editsAgency(agency)', (v) => editsAgency(v, AGENCY.id), ['agency']],
  // region.policy
  [
    'maySeeRegion(county)',
    (v) => maySeeRegion(v, { path: COUNTY }),
    ['admin', 'system', 'cityAnalyst', 'analyst', 'supervisor', 'citySupervisor', 'agency', 'otherAgency', 'anonymous'],
  ],
  [
    'maySeeRegion(other county)',
    (v) => maySeeRegion(v, { path: OTHER }),
    ['admin', 'system', 'cityAnalyst', 'analyst', 'citySupervisor', 'otherSupervisor', 'anonymous'],
  ],
  [
    'maySeeAgency(agency)',
    (v) => maySeeAgency(v, AGENCY),
    ['admin', 'system', 'cityAnalyst', 'analyst', 'supervisor', 'citySupervisor', 'agency', 'otherAgency', 'anonymous'],
  ],
  [
    'maySeeAgency(elsewhere)',
    (v) => maySeeAgency(v, ELSEWHERE),
    ['admin', 'system', 'cityAnalyst', 'analyst', 'citySupervisor', 'otherSupervisor', 'anonymous'],
  ],
  // The province is listed to everyone (it leads down to each jurisdiction); another county is not.
  ['mayListRegion(province)', (v) => mayListRegion(v, { path: PROVINCE }), NAMES],
  [
    'mayListRegion(other county)',
    (v) => mayListRegion(v, { path: OTHER }),
    ['admin', 'system', 'cityAnalyst', 'analyst', 'citySupervisor', 'otherSupervisor', 'anonymous'],
  ],
  ['readsWhole(city)', (v) => readsWhole(v, CITY), ['admin', 'system', 'cityAnalyst', 'analyst', 'citySupervisor', 'anonymous']],
  [
    'maySeeUnpublishedRollup(county)',
    (v) => maySeeUnpublishedRollup(v, { path: COUNTY }),
    ['admin', 'system', 'supervisor', 'citySupervisor'],
  ],
  ['maySeeUnpublishedRollup(city)', (v) => maySeeUnpublishedRollup(v, { path: CITY }), ['admin', 'system', 'citySupervisor']],
  // report.policy
  ['readsRecordsOf(agency)', (v) => readsRecordsOf(v, AGENCY), ['admin', 'system', 'supervisor', 'citySupervisor', 'agency']],
  ['readsRecordsOf(a report out of reach)', (v) => readsRecordsOf(v, null), ['admin', 'system']],
  ['maySeeReturnRecord(agency)', (v) => maySeeReturnRecord(v, AGENCY), ['admin', 'system', 'supervisor', 'citySupervisor', 'agency']],
  // finding.policy
  ['isReviewer', isReviewer, ['admin', 'system', 'supervisor', 'citySupervisor', 'otherSupervisor']],
  ['mayReview(county)', (v) => mayReview(v, COUNTY), ['admin', 'system', 'supervisor', 'citySupervisor']],
  ['maySeeReviewRecord(agency)', (v) => maySeeReviewRecord(v, AGENCY), ['admin', 'system', 'supervisor', 'citySupervisor', 'agency']],
  ['maySeeReviewRecord(elsewhere)', (v) => maySeeReviewRecord(v, ELSEWHERE), ['admin', 'system', 'citySupervisor', 'otherSupervisor']],
  // workflow.policy
  ['isFiler', isFiler, ['admin', 'system', 'agency', 'otherAgency']],
  ['isWorkflowSupervisor', isWorkflowSupervisor, ['admin', 'system', 'supervisor', 'citySupervisor', 'otherSupervisor']],
  ['mayFile(agency)', (v) => mayFile(v, AGENCY), ['admin', 'system', 'agency']],
  ['maySupervise(agency)', (v) => maySupervise(v, AGENCY), ['admin', 'system', 'supervisor', 'citySupervisor']],
  ['mayStep(agency, filer)', (v) => mayStep(v, AGENCY, 'filer'), ['admin', 'system', 'agency']],
  ['mayStep(agency, supervisor)', (v) => mayStep(v, AGENCY, 'supervisor'), ['admin', 'system', 'supervisor', 'citySupervisor']],
  // audit.policy
  ['mayReadAudit', mayReadAudit, ['admin', 'system', 'supervisor', 'citySupervisor', 'otherSupervisor', 'agency', 'otherAgency']],
  ['auditSeesEveryRevision', auditSeesEveryRevision, ['admin', 'system']],
  ['auditHidesPrivateDrafts', auditHidesPrivateDrafts, ['supervisor', 'citySupervisor', 'otherSupervisor']],
  // account.policy
  ['mayAdminister', mayAdminister, ['admin', 'system']],
  ["mayRevokeToken(the agency's token)", (v) => mayRevokeToken(v, { userId: VIEWERS.agency.userId! }), ['admin', 'system', 'agency']],
  ['mayBeUnconfined(its role)', (v) => mayBeUnconfined(v.role), ['admin', 'analyst', 'cityAnalyst']],
];

/** Runs an assert variant: null when it lets the viewer through, else the error's code and message. */
function refusal(f: () => unknown): { code: string; message: string } | null {
  try {
    f();
    return null;
  } catch (e) {
    const { code, message } = e as { code: string; message: string };
    return { code, message };
  }
}

describe('policy truth tables', () => {
  it.each(TABLE)('%s', (_, predicate, trueFor) => {
    const got = Object.fromEntries(NAMES.map((n) => [n, predicate(VIEWERS[n])]));
    expect(got).toEqual(Object.fromEntries(NAMES.map((n) => [n, trueFor.includes(n)])));
  });

  it('decides records by role exactly where readsRecordsOf does not depend on the agency', () => {
    for (const n of NAMES) {
      const byRole = readsRecordsByRole(VIEWERS[n]);
      const answers = [AGENCY, NEIGHBOUR, ELSEWHERE, null].map((a) => readsRecordsOf(VIEWERS[n], a));
      if (byRole !== undefined) expect({ n, answers }).toEqual({ n, answers: answers.map(() => byRole) });
      else expect({ n, varies: new Set(answers).size }).toEqual({ n, varies: 2 });
    }
  });

  it('narrows a list to the part of the asked region the viewer may read, refusing a disjoint one', () => {
    const table = NAMES.map((n) => {
      const v = VIEWERS[n];
      const ask = (path: string | null) => {
        try {
          return readablePath(v, path);
        } catch (e) {
          return (e as { code: string }).code;
        }
      };
      return [n, ask(null), ask(CITY), ask(COUNTY), ask(OTHER)];
    });
    expect(table).toEqual([
      ['admin', null, CITY, COUNTY, OTHER],
      ['system', null, CITY, COUNTY, OTHER],
      ['cityAnalyst', CITY, CITY, COUNTY, OTHER],
      ['analyst', null, CITY, COUNTY, OTHER],
      ['supervisor', COUNTY, COUNTY, COUNTY, 'FORBIDDEN'],
      ['citySupervisor', CITY, CITY, COUNTY, OTHER],
      ['otherSupervisor', OTHER, OTHER, 'FORBIDDEN', OTHER],
      ['agency', COUNTY, COUNTY, COUNTY, 'FORBIDDEN'],
      ['otherAgency', COUNTY, COUNTY, COUNTY, 'FORBIDDEN'],
      ['anonymous', null, CITY, COUNTY, OTHER],
    ]);
  });

  it('confines an agency to its own audit events and leaves everyone else their filter', () => {
    const agencyOf = (v: Viewer, asked: number | null) => refusal(() => auditAgencyOf(v, asked))?.code ?? auditAgencyOf(v, asked);
    expect(NAMES.map((n) => [n, agencyOf(VIEWERS[n], null), agencyOf(VIEWERS[n], AGENCY.id)])).toEqual([
      ['admin', null, 7],
      ['system', null, 7],
      ['cityAnalyst', null, 7],
      ['analyst', null, 7],
      ['supervisor', null, 7],
      ['citySupervisor', null, 7],
      ['otherSupervisor', null, 7],
      ['agency', 7, 7],
      ['otherAgency', 8, 'FORBIDDEN'],
      ['anonymous', null, 7],
    ]);
    expect(refusal(() => auditAgencyOf(VIEWERS.otherAgency, AGENCY.id))).toEqual({
      code: 'FORBIDDEN',
      message: 'agencyId 7: an agency reads its own events only',
    });
  });

  it('throws the domain errors with the messages callers already see', () => {
    const { agency, otherAgency, supervisor, otherSupervisor, admin, anonymous, cityAnalyst } = VIEWERS;
    expect({
      readsWhole: refusal(() => assertReadsWhole(supervisor, CITY, 'region 370800')),
      readsWholeOk: refusal(() => assertReadsWhole(supervisor, COUNTY, 'region 370830')),
      unpublished: refusal(() => assertMaySeeUnpublishedRollup(cityAnalyst, { path: COUNTY })),
      review: refusal(() => assertMayReview(otherSupervisor, COUNTY)),
      reviewOk: refusal(() => assertMayReview(supervisor, COUNTY)),
      reviewRefused: { code: reviewRefused().code, message: reviewRefused().message },
      file: refusal(() => assertMayFile(otherAgency, AGENCY, 'a.docx')),
      fileOk: refusal(() => assertMayFile(agency, AGENCY, 'a.docx')),
      import: refusal(() => assertMayImport(otherAgency, AGENCY)),
      stepFiler: refusal(() => assertMayStep(supervisor, AGENCY, 'filer', 41)),
      stepSupervisor: refusal(() => assertMayStep(otherSupervisor, AGENCY, 'supervisor', 41)),
      stepOk: refusal(() => assertMayStep(supervisor, AGENCY, 'supervisor', 41)),
      audit: refusal(() => assertMayReadAudit(cityAnalyst)),
      administer: refusal(() => assertMayAdminister(supervisor)),
      administerOk: refusal(() => assertMayAdminister(admin)),
      signedIn: refusal(() => signedInUserId(anonymous)),
      signedInSystem: refusal(() => signedInUserId(SYSTEM)),
    }).toEqual({
      readsWhole: {
        code: 'FORBIDDEN',
        message: 'region 370800 lies partly outside your jurisdiction: its figures cover more than you may read',
      },
      readsWholeOk: null,
      unpublished: {
        code: 'FORBIDDEN',
        message: 'includeSubmitted: only a supervisor of this region or an administrator sees figures not yet published',
      },
      review: { code: 'FORBIDDEN', message: 'only a supervisor of this region may review its findings' },
      reviewOk: null,
      reviewRefused: { code: 'FORBIDDEN', message: 'only a supervisor of this region may review its findings' },
      file: { code: 'FORBIDDEN', message: 'a.docx: only agency 7 itself or an administrator may file its reports' },
      fileOk: null,
      import: { code: 'FORBIDDEN', message: 'only the agency itself may file its reports' },
      stepFiler: { code: 'FORBIDDEN', message: 'report 41: only agency 7 itself or an administrator may do this' },
      stepSupervisor: { code: 'FORBIDDEN', message: 'report 41: only a supervisor of its region or an administrator may do this' },
      stepOk: null,
      audit: { code: 'FORBIDDEN', message: 'the audit log is for administrators, supervisors of the region and the agency itself' },
      administer: { code: 'FORBIDDEN', message: 'only an administrator may manage accounts' },
      administerOk: null,
      signedIn: { code: 'UNAUTHENTICATED', message: 'sign in first: this needs an account' },
      signedInSystem: { code: 'UNAUTHENTICATED', message: 'sign in first: this needs an account' },
    });
    expect(signedInUserId(agency)).toBe(7);
  });
});
