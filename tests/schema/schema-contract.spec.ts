import { getNamedType, isObjectType, type GraphQLInputObjectType, type GraphQLObjectType } from 'graphql';
import { buildSchema } from '../../src/graphql/schema';
import { cellsOf, derivedKeys, EDITIONS } from '../../src/shared/editions';
import type { Services } from '../../src/services';

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

describe('the GraphQL contract', () => {
  // Building the schema only closes over the services; no resolver runs here.
  const schema = buildSchema({} as Services);

  it('reaches every cell key of every edition through the typed section fields', () => {
    const field = (type: GraphQLObjectType, name: string) => {
      const f = type.getFields()[name];
      if (!f) throw new Error(`${type.name}.${name} is missing from the SDL`);
      return getNamedType(f.type) as GraphQLObjectType;
    };
    for (const e of Object.values(EDITIONS)) {
      const active = schema.getType(`ActiveDisclosure${e.id}`) as GraphQLObjectType;
      const applications = schema.getType('ApplicationTable') as GraphQLObjectType;
      const lawsuits = schema.getType('LawsuitTable') as GraphQLObjectType;
      for (const key of [...cellsOf(e).map((c) => c.key), ...derivedKeys(e)]) {
        const parts = key.split('.');
        if (parts[0] === 'active') {
          expect(isObjectType(field(active, camel(parts[1])))).toBe(true);
          field(field(active, camel(parts[1])), camel(parts[2]));
        } else if (parts[0] === 'applications') expect(field(applications, camel(parts[1])).getFields()[camel(parts[2])]).toBeDefined();
        else expect(field(lawsuits, camel(parts[0])).getFields()[camel(parts[1])]).toBeDefined();
      }
      // And nothing typed that the edition does not define.
      const activeRows = new Set(e.tables.find((t) => t.id === 'active')!.blocks.flatMap((b) => b.rows.map((r) => camel(r.key))));
      expect(Object.keys(active.getFields()).sort()).toEqual([...activeRows].sort());
    }
  });

  it('answers previewReport and takes narratives with figures in the shapes the filing form uses (issue 13)', () => {
    const fields = (name: string) => {
      const t = schema.getType(name) as GraphQLObjectType | GraphQLInputObjectType;
      return Object.fromEntries(Object.entries(t.getFields()).map(([f, d]) => [f, String(d.type)]));
    };
    const mutation = schema.getMutationType()!.getFields().previewReport;
    expect([String(mutation.type), mutation.args.map((a) => `${a.name}: ${a.type}`)]).toEqual([
      'ReportPreview!',
      ['input: PreviewReportInput!'],
    ]);
    expect(fields('PreviewReportInput')).toEqual({ agencyId: 'ID!', year: 'Int!', fileName: 'String!', contentBase64: 'String!' });
    expect(fields('ReportPreview')).toMatchObject({
      edition: 'String!',
      year: 'Int!',
      title: 'String',
      publishedOn: 'String',
      sourceFormat: 'SourceFormat!',
      cells: '[PreviewCell!]!',
      narratives: '[Narrative!]!',
      findings: '[PreviewFinding!]!',
      sourceText: 'String!',
    });
    expect(fields('PreviewCell')).toEqual({ key: 'String!', value: 'String', raw: 'String!', source: 'CellSource' });
    expect(fields('PreviewFinding')).toEqual({
      rule: 'String!',
      severity: 'FindingSeverity!',
      status: 'FindingStatus!',
      cells: '[FindingCell!]!',
      expected: 'Float',
      actual: 'Float',
      message: 'String!',
    });
    expect(fields('NarrativeInput')).toEqual({ section: 'Int!', heading: 'String', text: 'String!' });
    expect(fields('SubmitFiguresInput')).toMatchObject({ narratives: '[NarrativeInput!]', title: 'String' });
  });

  it('keeps the section type names queries use, now generated from the editions', () => {
    const fields = (name: string) => Object.keys((schema.getType(name) as GraphQLObjectType).getFields());
    expect(
      (schema.getType('ActiveDisclosure') as unknown as { getTypes(): Array<{ name: string }> }).getTypes().map((t) => t.name),
    ).toEqual(['ActiveDisclosure2019', 'ActiveDisclosure2021']);
    expect(fields('DocumentCounts2019')).toEqual(['made', 'published', 'total']);
    expect(fields('ItemCounts2019')).toEqual(['prevItems', 'change', 'decisions']);
    expect(fields('Procurement2019')).toEqual(['items', 'amount']);
    expect(fields('DocumentCounts2021')).toEqual(['issued', 'repealed', 'inForce']);
    expect(fields('Decisions2021')).toEqual(['decisions']);
    expect(fields('Fees2021')).toEqual(['amount']);
    expect(fields('ApplicantCounts')).toEqual(['naturalPerson', 'business', 'research', 'socialOrg', 'legalService', 'otherOrg', 'total']);
    expect(fields('LawsuitTable')).toEqual(['review', 'litigationDirect', 'litigationAfterReview']);
    expect(fields('CaseOutcomes')).toEqual(['upheld', 'corrected', 'other', 'pending', 'total']);
    expect(fields('ApplicationTable')).toEqual(
      expect.arrayContaining(['new', 'other', 'otherNoSupplement', 'otherNoFee', 'otherOther', 'denied', 'otherAll']),
    );
  });
});
