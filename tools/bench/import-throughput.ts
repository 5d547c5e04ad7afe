// Import throughput: N generated reports of 1–5 KB (seeded, so every run imports the same files) in a
// throwaway project, imported in one batch with `tools/import.ts <folder> --manifest`, as a user would.
// Prints files per second for the whole command (start-up included). Target: ≥ 20 files/s at N = 1,000.
// Usage: npm run bench:import -- [N=1000]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../shared/prng.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const count = Number(process.argv[2] ?? 1000);
const random = createRandom('import-throughput');
const dir = mkdtempSync(join(tmpdir(), 'import-bench-'));

try {
  for (const vocabulary of ['regions.json', 'topics', 'metrics'])
    cpSync(join(root, 'content', vocabulary), join(dir, 'content', vocabulary), { recursive: true });
  mkdirSync(join(dir, 'content/reports'), { recursive: true });
  mkdirSync(join(dir, 'public/originals'), { recursive: true });
  mkdirSync(join(dir, 'incoming'));
  const places = ['呼和浩特市', '南通市', '阜新市', '广州市', '杭州市', '济南市', '南昌市'];
  const sentences = [
    (p: string) => `${p}总工会新建职工书屋${random.int(2, 90)}家，开展读书活动${random.int(5, 99)}场次。`,
    () => `全年发放帮扶资金${random.int(1, 9)}.${random.int(1, 9)}亿元，帮扶困难职工${random.int(100, 9999)}人次。`,
    (p: string) =>
      `${p}基层工会组织达到${random.int(1, 9)}.${random.int(10, 99)}万个，工会会员${random.int(10, 500)}万人。`,
    () => `党的十八大以来，各级工会深入开展劳动竞赛，力争到2035年建成高素质职工队伍。`,
    () =>
      `举办招聘会${random.int(3, 80)}场，提供就业岗位${random.int(1000, 90000)}个，培训农民工${random.int(100, 9000)}人次。`,
  ];
  const rows = ['file,region,topics'];
  for (let i = 0; i < count; i++) {
    const place = random.pick(places);
    const target = random.int(1000, 5000); // bytes, about a third of that in characters
    let text = `${place}工会工作纪事（${i}）\n\n`;
    while (Buffer.byteLength(text) < target) text += `${random.pick(sentences)(place)}\n`;
    const year = 2000 + random.int(0, 24);
    const month = String(random.int(1, 12)).padStart(2, '0');
    const day = String(random.int(1, 28)).padStart(2, '0');
    const name = `${year}-${month}-${day}-${i}.txt`;
    writeFileSync(join(dir, 'incoming', name), text);
    rows.push(`incoming/${name},${place},organising`);
  }
  writeFileSync(join(dir, 'manifest.csv'), rows.join('\n'));

  const started = process.hrtime.bigint();
  const run = spawnSync(
    process.execPath,
    [join(root, 'tools/import.ts'), join(dir, 'incoming'), '--manifest', join(dir, 'manifest.csv'), '--root', dir],
    {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const imported = readdirSync(join(dir, 'content/reports')).length;
  if (run.status !== 0 || imported !== count) {
    console.error(run.stdout.split('\n').slice(-5).join('\n'), run.stderr);
    throw new Error(`import failed: status ${run.status}, ${imported}/${count} imported`);
  }
  console.log(
    `import throughput: ${count} files (1–5 KB) in ${seconds.toFixed(1)} s = ${(count / seconds).toFixed(1)} files/s (target ≥ 20)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
