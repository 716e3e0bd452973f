/**
 * `npm run bench`: every benchmark prints its own numbers next to a baseline measured in the same run, so the ratios mean
 * something on any machine. Run one with `npm run bench -- import` (or `match`).
 */
export {};

const suites: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  import: () => import('./import'),
  match: () => import('./match'),
  prefill: () => import('./prefill'),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of wanted.length > 0 ? wanted : Object.keys(suites)) {
  const load = suites[name];
  if (load === undefined) throw new Error(`no benchmark "${name}"; there are: ${Object.keys(suites).join(', ')}`);
  console.log(`\n== ${name} ==`);
  await (await load()).run();
}
