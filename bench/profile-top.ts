// Summarises a .cpuprofile (node --cpu-prof): self time by function and by package/folder, top N.
//   node --import tsx bench/profile-top.ts <file.cpuprofile> [N]
import { readFileSync } from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
const [file = "", nArg = "25"] = process.argv.slice(2);
const prof = JSON.parse(readFileSync(file, "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const self = new Map<number, number>();
prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const byFn = new Map<string, number>();
const byPkg = new Map<string, number>();
const pkgOf = (url: string) => {
  if (!url) return "(native/idle/gc)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.startsWith("node:")) return url.split("/")[0]!;
  const local = /\/work\/[^/]+\/(.*)$/.exec(url.replace("file://", ""));
  return local ? local[1]!.split("/").slice(0, 2).join("/") : url;
};
for (const n of prof.nodes) {
  const t = self.get(n.id) ?? 0;
  if (!t) continue;
  const fn = `${n.callFrame.functionName || "(anon)"} ${pkgOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  byFn.set(fn, (byFn.get(fn) ?? 0) + t);
  const pkg = pkgOf(n.callFrame.url);
  byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + t);
}
const show = (m: Map<string, number>, n: number) =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, n).forEach(([k, v]) => console.log(`${((100 * v) / total).toFixed(1).padStart(5)} %  ${(v / 1e6).toFixed(1).padStart(6)} s  ${k}`));
console.log(`total sampled ${(total / 1e6).toFixed(1)} s\n-- by package / folder`);
show(byPkg, Number(nArg));
console.log("-- by function (self time)");
show(byFn, Number(nArg));

// Inclusive time: each sample counted once for every distinct function on its stack (recursion counted
// once), as a share of the busy samples (idle excluded): "what would go away with this call".
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const inclusive = new Map<string, number>();
let busy = 0;
prof.samples.forEach((id, i) => {
  const dt = prof.timeDeltas[i] ?? 0;
  if (byId.get(id)?.callFrame.functionName === "(idle)") return;
  busy += dt;
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const f = byId.get(at)!.callFrame;
    if (!f.url) continue; // (root), (program) and native frames say nothing on their own
    const key = `${f.functionName || "(anon)"} ${pkgOf(f.url)}:${f.lineNumber + 1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
  }
});
console.log(`-- by function (inclusive, share of ${(busy / 1e6).toFixed(1)} s busy)`);
[...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(nArg) * 2).forEach(([k, v]) => console.log(`${((100 * v) / busy).toFixed(1).padStart(5)} %  ${(v / 1e6).toFixed(1).padStart(6)} s  ${k}`));
