import { describeEachEngine } from '../support/test-app';

const SEED_QUERY = `
query Seed($name: String!) {
  agencies(filter: { nameContains: $name }) {
    nodes {
      report(year: 2020) {
        year edition scope
        made: value(key: "active.normative.made")
        published: value(key: "active.normative.published")
        total: value(key: "active.normative.total")
        regMade: value(key: "active.regulations.made")
        items: value(key: "active.procurement.items")
        amount: value(key: "active.procurement.amount")
        amountRaw: raw(key: "active.procurement.amount")
        amountCell: cell(key: "active.procurement.amount") { decimal raw section row column }
        newTotal: value(key: "applications.new.total")
        processed: value(key: "applications.processed_total.total")
        forward: value(key: "applications.carried_forward.total")
        grantedNp: value(key: "applications.granted.natural_person")
        cases: cells(prefix: "review.") { key value }
        direct: cells(prefix: "litigation_direct.") { key value }
        after: cells(prefix: "litigation_after_review.") { key value }
        narrative(section: 5)
        active { __typename ... on ActiveDisclosure2019 { normative { made published total } regulations { made published total } procurement { items amount } } }
        applications { new { naturalPerson total } processedTotal { total } denied { total } }
        lawsuits { review { upheld total } litigationAfterReview { total } }
      }
    }
  }
}`;

describeEachEngine(
  'the seed report',
  (app) => {
    it('answers every acceptance figure exactly, blanks as null', async () => {
      const res = await app().gql(SEED_QUERY, { name: '汶上分中心' });
      expect(res.errors).toBeUndefined();
      const r = res.data.agencies.nodes[0].report;
      expect([r.year, r.edition, r.scope]).toEqual([2020, '2019', 'OWN']);
      expect([r.made, r.published, r.total]).toEqual([9, 9, 9]);
      expect(r.regMade).toBeNull();
      expect(r.items).toBe(6);
      expect(r.amount).toBe(12.9);
      expect(r.amountRaw).toBe('12.90');
      expect(r.amountCell).toEqual({ decimal: '12.9', raw: '12.90', section: 2, row: '政府集中采购', column: '采购总金额' });
      expect([r.newTotal, r.processed, r.forward]).toEqual([0, 0, 0]);
      expect(r.grantedNp).toBeNull();
      const fifteen = [...r.cases, ...r.direct, ...r.after];
      expect(fifteen).toHaveLength(15);
      expect(fifteen.every((c: { value: number | null }) => c.value === 0)).toBe(true);
      expect(r.narrative).toContain('政府信息公布的时效性');
    });

    it('shows the same cells through the typed section fields', async () => {
      const r = (await app().gql(SEED_QUERY, { name: '汶上分中心' })).data.agencies.nodes[0].report;
      expect(r.active).toEqual({
        __typename: 'ActiveDisclosure2019',
        normative: { made: 9, published: 9, total: 9 },
        regulations: { made: null, published: null, total: null },
        procurement: { items: 6, amount: 12.9 },
      });
      expect(r.applications).toEqual({ new: { naturalPerson: null, total: 0 }, processedTotal: { total: 0 }, denied: { total: null } });
      expect(r.lawsuits).toEqual({ review: { upheld: 0, total: 0 }, litigationAfterReview: { total: 0 } });
    });

    it('answers null for a key the edition does not have, and a clear error for a bad id', async () => {
      const res = await app().gql(
        `{ agencies(filter:{nameContains:"汶上分中心"}) { nodes { report(year: 2020) { v: value(key: "active.normative.issued") c: cell(key: "nope") { key } } } } }`,
      );
      expect(res.data.agencies.nodes[0].report).toEqual({ v: null, c: null });
      const bad = await app().gql(`{ agencies(first: 5, after: "not-a-cursor") { totalCount } }`);
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  },
  { seed: true },
);
