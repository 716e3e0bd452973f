/**
 * `npm run build`: writes `dist/`, exactly what clasp pushes (plus the command line, which clasp ignores):
 *   dist/appsscript.json   the manifest
 *   dist/Code.js           the server bundle followed by the generated top-level functions
 *   dist/Sidebar.html      the sidebar, its script and styles inlined (HtmlService serves one file; no CDN)
 *   dist/cli.cjs           `kontomatch` for Node (not pushed: see .claspignore)
 * and then loads Code.js in a bare V8 context to prove that every registered function is really there.
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { customFunctions, menu, sidebarEndpoints, triggers } from '../src/registry';
import { BUNDLE_GLOBAL, generateEntry } from './generate-entry';
import { verifyBundle } from './verify-bundle';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

async function readVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

async function buildServer(version: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, 'src/server/main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: BUNDLE_GLOBAL,
    // Apps Script's V8 takes ES2020 syntax; 'neutral' keeps Node built-ins out (a stray `import 'fs'` fails the build).
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    define: { KONTOMATCH_VERSION: JSON.stringify(version) },
    logLevel: 'warning',
  });
  const bundle = result.outputFiles[0]!.text;
  const entry = generateEntry({
    triggers,
    menuHandlers: menu.map((m) => m.fn),
    sidebarEndpoints,
    customFunctions,
  });
  return `${bundle}\n${entry}`;
}

async function buildSidebar(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, 'sidebar/main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100', 'firefox100', 'safari15'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
  });
  // `</script` inside the inlined code would end the script element early.
  const script = result.outputFiles[0]!.text.replace(/<\/script/gi, '<\\/script');
  // The shell's styles, then each page's own (sidebar/styles/*.css, in name order).
  const pageStyles = existsSync(path.join(root, 'sidebar/styles'))
    ? (await readdir(path.join(root, 'sidebar/styles'))).filter((f) => f.endsWith('.css')).sort()
    : [];
  const styles = (
    await Promise.all(['sidebar/styles.css', ...pageStyles.map((f) => `sidebar/styles/${f}`)].map((f) => readFile(path.join(root, f), 'utf8')))
  ).join('\n');
  const html = await readFile(path.join(root, 'sidebar/index.html'), 'utf8');
  for (const placeholder of ['<!-- inline:style -->', '<!-- inline:script -->']) {
    if (!html.includes(placeholder)) throw new Error(`sidebar/index.html lacks the placeholder ${placeholder}`);
  }
  return html
    .replace('<!-- inline:style -->', () => `<style>\n${styles}</style>`)
    .replace('<!-- inline:script -->', () => `<script>\n${script}</script>`);
}

async function buildCli(version: string): Promise<void> {
  await build({
    entryPoints: [path.join(root, 'src/cli/bin.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: path.join(dist, 'cli.cjs'),
    define: { KONTOMATCH_VERSION: JSON.stringify(version) },
    logLevel: 'warning',
  });
}

async function main(): Promise<void> {
  const version = await readVersion();
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  const [code, sidebar] = await Promise.all([buildServer(version), buildSidebar()]);
  await writeFile(path.join(dist, 'Code.js'), code);
  await writeFile(path.join(dist, 'Sidebar.html'), sidebar);
  await copyFile(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
  await buildCli(version);
  verifyBundle(code, {
    topLevel: [...triggers, ...menu.map((m) => m.fn), ...sidebarEndpoints, ...customFunctions.map((f) => f.name)],
    customFunctions: customFunctions.map((f) => f.name),
    rpcMethods: [...sidebarEndpoints],
  });
  const kb = (text: string): string => `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`;
  console.log(`built dist/: Code.js ${kb(code)}, Sidebar.html ${kb(sidebar)}, appsscript.json, cli.cjs`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
