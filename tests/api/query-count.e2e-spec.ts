import { Agency } from '../../entities';
import { describeEachEngine } from '../support/test-app';

const LIST = `query($n: Int) { agencies(first: $n, filter: { nameContains: "测试局" }) {
  nodes { name region { code name parent { code } } parent { name region { code } } report(year: 2020) { year value(key: "applications.new.total") } }
} }`;

// Counts the SQL of executing each query, so whole-answer caching is off here (cache.e2e-spec.ts covers it).
describeEachEngine(
  'SQL statements per agency list',
  (app) => {
    beforeAll(async () => {
      // 60 agencies in different counties, each under the seed's city agency, each with the seed report.
      const repo = app().db.getRepository(Agency);
      const city = await repo.findOneByOrFail({ name: '济宁市公共资源交易服务中心' });
      const counties = ['370811', '370812', '370826', '370827', '370828', '370829', '370830', '370831', '370832', '370881', '370883'];
      for (let i = 0; i < 60; i++) {
        const code = counties[i % counties.length];
        await repo.insert({
          name: `测试局${i}`,
          kind: 'DEPARTMENT',
          regionCode: code,
          regionPath: `/370000/370800/${code}/`,
          parentId: city.id,
        });
      }
      const agencies = await repo.find({ where: {} });
      const { readFileSync } = await import('fs');
      const { SEED_REPORT } = await import('../../seeds/seed');
      for (const a of agencies.filter((x) => x.name.startsWith('测试局')))
        await app().services.imports.importReport(app().ctx(), {
          bytes: readFileSync(SEED_REPORT),
          fileName: `seed-${a.id}.txt`,
          agencyName: a.name,
        });
    });

    it('is the same for 5 agencies as for 50', async () => {
      const count = async (n: number) => {
        const before = app().sqlCount();
        const res = await app().gql(LIST, { n });
        expect(res.errors).toBeUndefined();
        expect(res.data.agencies.nodes).toHaveLength(n);
        expect(res.data.agencies.nodes.every((a: any) => a.report?.value === 0 && a.parent.name === '济宁市公共资源交易服务中心')).toBe(
          true,
        );
        return app().sqlCount() - before;
      };
      const five = await count(5);
      const fifty = await count(50);
      expect(fifty).toBe(five);
      expect(fifty).toBeLessThanOrEqual(10);
    });
  },
  { env: { RESPONSE_CACHE: 'off' } },
);
