// Bundles the dashboard into ../wwwroot (git-ignored), which CitySort.Server embeds in its assembly.
// Run by the MSBuild target BuildClientApp in CitySort.Server.csproj, or by hand with `npm run build`.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '..', 'wwwroot');

await rm(out, { recursive: true, force: true });
await mkdir(path.join(out, 'assets'), { recursive: true });
await build({
  entryPoints: [path.join(here, 'src', 'main.js')],
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  target: ['es2022'],
  outdir: path.join(out, 'assets'),
  entryNames: 'app',
  loader: { '.png': 'dataurl', '.svg': 'dataurl' },
  logLevel: 'warning',
  legalComments: 'linked',
});
await copyFile(path.join(here, 'index.html'), path.join(out, 'index.html'));
await copyFile(path.join(here, 'favicon.svg'), path.join(out, 'favicon.svg'));
console.log('dashboard built into ' + out);
