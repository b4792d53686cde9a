import { readFileSync } from 'fs';
import { readReport } from './src/ingest/report-reader';
import { checkReport, checkNarrative, checkArithmetic, buildConsistentValues } from './src/checks';
import { getEdition } from './src/editions';
(async () => {
  const r = await readReport(readFileSync('/work/shared/seed/000_1dfd185abb919a16.txt'), { file: 'seed.txt' });
  const f = checkReport(r.parsed);
  for (const x of f.filter(x=>x.status==='failed' || x.rule.startsWith('NARR')|| x.rule==='BLANK_CELLS')) console.log(x.rule, x.severity, x.status, x.message);
  console.log('total', f.length, 'not_assessable', f.filter(x=>x.status==='not_assessable').length);
  console.log(f.filter(x=>x.status==='not_assessable').slice(0,4).map(x=>x.message));
  for (const [name, ed] of [['pingtan-2019','2019'],['pingtan-2021','2021'],['pingtan-2023','2021'],['pingtan-2025','2021'],['huaian','2021']]) {
    const text = readFileSync(`/tmp/${name}.txt`, 'utf8');
    const truth = JSON.parse(readFileSync(`/work/shared/fixtures/${name === 'huaian' ? 'huaian-2024' : name}.truth.json`, 'utf8'));
    const vals: any = Object.fromEntries(Object.entries(truth.values).map(([k, v]) => [k, v === null ? null : String(v)])); for (const k of ["applications.new.total","applications.processed_total.total","review.total","litigation_direct.total"]) vals[k]="999";
    const e = getEdition(ed);
    const nf = checkNarrative(e, [{ section: 1, heading: '一、总体情况', text }], vals);
    console.log(name, nf.map(x => `${x.rule} ${x.status} ${x.message}`), checkArithmetic(e, vals).length);
  }
  for (const id of ['2019','2021']) { const e = getEdition(id); console.log(id, checkArithmetic(e, buildConsistentValues(e, 7)).length); }
})();
