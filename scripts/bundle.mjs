// Build step: the command line as one file (dist/bundle/cli.cjs) and its worker thread as another
// (dist/bundle/worker.js), made from the compiled dist/ tree. Loading one file instead of a graph of
// more than a hundred modules is most of a one-file check's start-up. The large dependencies that
// only some runs need are files of their own, loaded on first use: compiling code is what start-up
// spends most on. zod is needed only to validate (a config, a pack not in the snapshot, callcoach
// JSON), chrono-node only by rules that ask whether a turn names a time. The command line is
// CommonJS so it can be compiled with V8's code cache (dist/cli/load-bundle.js), which this step
// writes after a warm-up run over the sample calls.
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { validatorFingerprint } from '../dist/rules/load.js';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const OUT = `${DIST}bundle/`;
/** Each lazily loaded package, as the file beside the bundle it is built into. */
const LAZY = { zod: './zod.cjs', 'chrono-node': './chrono-node.cjs' };

/**
 * Each module keeps the location it has in dist/: `import.meta.url` becomes the URL of its dist/
 * file (so packs, the snapshot, schemas and package.json are found where they are), and the
 * synchronous lazy loads (`const require = createRequire(import.meta.url)` then `require('./x.js')`)
 * become the bundler's own lazy `require`, so what they load is in the bundle and still runs only on
 * first use. `import { z } from 'zod'` becomes a require of the zod file, run when its module first runs.
 */
const asInDist = {
  name: 'as-in-dist',
  setup(b) {
    b.onResolve({ filter: /\/worker-file\.js$/ }, () => ({ path: 'worker-file', namespace: 'bundle' }));
    b.onLoad({ filter: /.*/, namespace: 'bundle' }, () => ({
      contents: "export const WORKER_FILE = new URL('./worker.js', import.meta.url).href;",
      loader: 'js',
    }));
    b.onResolve({ filter: /^(zod|chrono-node)$/ }, (args) =>
      args.kind === 'require-call'
        ? { path: LAZY[args.path], external: true }
        : {
            errors: [{ text: `${args.importer}: ${args.path} is loaded lazily: require it on first use (zod: "import { z } from 'zod'")` }],
          },
    );
    b.onLoad({ filter: /\/dist\/.*\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const url = `new URL(${JSON.stringify(relative(OUT, args.path))}, import.meta.url).href`;
      const contents = source
        .replace(/^const require = createRequire\(import\.meta\.url\);$/m, '')
        .replace(/^import \{ z \} from 'zod';$/m, "const { z } = require('zod');")
        // Loaded as the bundle is, not by import(): a code-cached script loses its dynamic-import callback.
        .replace("await import('piscina')", "require('piscina')")
        .replaceAll('import.meta.url', url);
      return { contents, loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // esbuild counts \p{…} escapes as unsupported on Node (which properties exist depends on the Unicode
  // version) and turns each such regex literal into a `new RegExp()` built on every call: in the rules'
  // loops, 4 % of a run on real tweets. Node 20 has every property the code uses.
  supported: { 'regexp-unicode-property-escapes': true },
  // jsonc-parser's UMD build requires its parts by computed names; its ES module build bundles.
  mainFields: ['module', 'main'],
  // Whitespace and syntax only: names stay, so an internal error's stack still reads.
  minifyWhitespace: !process.env.BUNDLE_PLAIN,
  minifySyntax: true,
  logLevel: 'warning',
};

// What the snapshot of bundled packs is checked against (see rules/load.ts), fixed when the bundles are.
const BUNDLED_VALIDATOR = JSON.stringify(validatorFingerprint());

// The CommonJS dependencies require Node's built-ins (and the lazy files): give the worker's bundle a require of its own.
await build({
  ...common,
  entryPoints: { worker: `${DIST}run/worker.js` },
  outdir: OUT,
  format: 'esm',
  plugins: [asInDist],
  define: { BUNDLED_VALIDATOR },
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
});
await build({
  ...common,
  entryPoints: [`${DIST}cli/run.js`],
  outfile: `${OUT}cli.cjs`,
  format: 'cjs',
  // piscina starts its threads from its own files, found beside its modules.
  external: ['piscina'],
  plugins: [asInDist],
  // The modules' own URL, which CommonJS has as a file name.
  define: { BUNDLED_VALIDATOR, 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
if ((await readFile(`${OUT}cli.cjs`, 'utf8')).includes('import(')) {
  throw new Error('dist/bundle/cli.cjs uses import(): a script compiled from a code cache cannot; require it (see asInDist)');
}
for (const [name, file] of Object.entries(LAZY)) await build({ ...common, entryPoints: [name], outfile: `${OUT}${file}`, format: 'cjs' });

// The code cache holds what a run compiled: warm up on the sample calls (every reader, every pack), then save it.
const { loadCli } = await import('../dist/cli/load-bundle.js');
const cli = loadCli();
const ignore = { write: () => true };
await cli.run(['check', '--jobs', '1', fileURLToPath(new URL('../fixtures/calls', import.meta.url))], {
  stdout: ignore,
  stderr: ignore,
  stdin: [],
  env: { CI: '1' },
});
cli.saveCache();
