import { regionsFromChinaDivision } from '../../seeds/regions.seed';
import { describeEachEngine } from '../support/test-app';

describeEachEngine('regions and agencies', (app) => {
  it('places 汶上县 under 济宁市 with its townships', async () => {
    const res = await app().gql(
      `{ region(code: "370830") { code name level parent { code name } ancestors { code } children { code level } } }`,
    );
    const r = res.data.region;
    expect(r).toMatchObject({ code: '370830', name: '汶上县', level: 'COUNTY', parent: { code: '370800', name: '济宁市' } });
    expect(r.ancestors.map((a: { code: string }) => a.code)).toEqual(['370000', '370800']);
    const expected = regionsFromChinaDivision('370830').filter((x) => x.parentCode === '370830');
    expect(r.children).toHaveLength(15);
    expect(r.children.map((c: { code: string }) => c.code)).toEqual(expected.map((x) => x.code));
    expect(r.children.every((c: { level: string }) => c.level === 'TOWNSHIP')).toBe(true);
  });

  it('lists the 12 county-level children of 济宁市, the high-tech zone included', async () => {
    const res = await app().gql(`{ region(code: "370800") { children { code name } } }`);
    const codes = res.data.region.children.map((c: { code: string }) => c.code);
    expect(codes).toHaveLength(12);
    expect(codes).toContain('370871');
    expect(res.data.region.children.find((c: { code: string }) => c.code === '370871').name).toBe('济宁高新技术产业开发区');
  });

  it('finds the branch by name, with its county and its city parent', async () => {
    const res = await app().gql(
      `{ agencies(filter: { nameContains: "汶上分中心" }) { totalCount nodes { name kind region { code } parent { name branches { name } } } } }`,
    );
    expect(res.data.agencies.totalCount).toBe(1);
    expect(res.data.agencies.nodes[0]).toEqual({
      name: '济宁市公共资源交易服务中心汶上分中心',
      kind: 'BRANCH_CENTRE',
      region: { code: '370830' },
      parent: { name: '济宁市公共资源交易服务中心', branches: [{ name: '济宁市公共资源交易服务中心汶上分中心' }] },
    });
  });

  it('matches agencies anywhere in a region subtree, and pages with cursors', async () => {
    const city = await app().gql(`{ agencies(filter: { regionCode: "370800" }) { totalCount nodes { name } } }`);
    expect(city.data.agencies.totalCount).toBe(2);
    const county = await app().gql(`{ agencies(filter: { regionCode: "370830" }) { nodes { name } } }`);
    expect(county.data.agencies.nodes.map((n: { name: string }) => n.name)).toEqual(['济宁市公共资源交易服务中心汶上分中心']);
    const other = await app().gql(`{ agencies(filter: { regionCode: "370811" }) { totalCount } }`);
    expect(other.data.agencies.totalCount).toBe(0);
    const p1 = await app().gql(`{ agencies(first: 1) { nodes { name } pageInfo { hasNextPage endCursor } } }`);
    expect(p1.data.agencies.pageInfo.hasNextPage).toBe(true);
    const p2 = await app().gql(`query($a: String) { agencies(first: 1, after: $a) { nodes { name } pageInfo { hasNextPage } } }`, {
      a: p1.data.agencies.pageInfo.endCursor,
    });
    expect(p2.data.agencies.nodes[0].name).not.toBe(p1.data.agencies.nodes[0].name);
    expect(p2.data.agencies.pageInfo.hasNextPage).toBe(false);
  });

  it('treats % and _ in a name search as plain characters', async () => {
    const res = await app().gql(`{ agencies(filter: { nameContains: "%" }) { totalCount } }`);
    expect(res.data.agencies.totalCount).toBe(0);
  });

  it('says NOT_FOUND for an unknown region filter', async () => {
    const res = await app().gql(`{ agencies(filter: { regionCode: "999999" }) { totalCount } }`);
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describeEachEngine('query cost', (app) => {
  it('refuses a query whose nested pages would be huge, saying why', async () => {
    const res = await app().gql(
      `{ agencies(first: 500) { nodes { region { agencies(first: 500) { nodes { region { agencies(first: 500) { totalCount } } } } } } } }`,
    );
    expect(res.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(res.errors?.[0].message).toMatch(/above the limit/);
  });

  it('accepts an ordinary page of agencies with their reports', async () => {
    const res = await app().gql(
      `{ agencies(first: 500) { nodes { name region { name } report(year: 2020) { cells { key value raw } } } } }`,
    );
    expect(res.errors).toBeUndefined();
  });
});
