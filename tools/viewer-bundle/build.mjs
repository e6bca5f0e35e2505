// Builds src/export/html/vendor/viewer-bundle.min.js and gathers the licence
// texts of everything in it into src/export/html/vendor/LICENSES.txt.
//
//   cd tools/viewer-bundle && npm ci && npm run build
//
// The output is committed: `cargo build` embeds it and needs no Node. Run
// this again only to change the libraries' versions (package.json).
import { build } from "esbuild";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, "../../src/export/html/vendor");

const result = await build({
  entryPoints: [join(here, "entry.mjs")],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  platform: "browser",
  legalComments: "none",
  metafile: true,
  write: false,
  define: { "process.env.NODE_ENV": '"production"' },
});

// Every package that put code into the bundle, from the paths esbuild read.
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (match) packages.add(match[1]);
}
const names = [...packages].sort();

const header =
  "/*! actorgraph viewer bundle: " +
  names
    .map((n) => {
      const pkg = JSON.parse(readFileSync(join(here, "node_modules", n, "package.json"), "utf8"));
      return `${n} ${pkg.version} (${pkg.license})`;
    })
    .join(", ") +
  ". Licence texts: LICENSES.txt beside this file. Built by tools/viewer-bundle. */\n";
const code = result.outputFiles[0].text;
if (code.includes("</script")) throw new Error("the bundle contains </script and cannot be inlined");
writeFileSync(join(vendor, "viewer-bundle.min.js"), header + code);

let licences = "Licences of the libraries in viewer-bundle.min.js, as their packages ship them.\n";
for (const name of names) {
  const dir = join(here, "node_modules", name);
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const file = ["LICENSE", "LICENSE.txt", "LICENSE.md", "license", "LICENCE"].find((f) =>
    existsSync(join(dir, f)),
  );
  if (!file) throw new Error(`${name} ships no licence file`);
  licences += `\n${"=".repeat(72)}\n${name} ${pkg.version} (${pkg.license})\n${"=".repeat(72)}\n\n`;
  licences += readFileSync(join(dir, file), "utf8").trim() + "\n";
}
writeFileSync(join(vendor, "LICENSES.txt"), licences);
console.log(`wrote viewer-bundle.min.js (${(header + code).length} bytes) with ${names.join(", ")}`);
