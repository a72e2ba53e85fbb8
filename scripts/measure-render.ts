// Server render time of the main pages: median (and p95) of N sequential requests each, after one warm-up.
//   npx tsx scripts/measure-render.ts http://127.0.0.1:3200 [requests=20]
const [base = "http://127.0.0.1:3000", countArg = "20"] = process.argv.slice(2);
const count = Number(countArg);

async function firstAccountId(): Promise<string> {
  const html = await (await fetch(`${base}/accounts?sort=score`)).text();
  const match = html.match(/href="\/accounts\/(\d{12})"/);
  if (!match?.[1]) throw new Error("no account found on /accounts");
  return match[1];
}

async function time(path: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${base}${path}`);
  await response.text();
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return performance.now() - start;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

const account = await firstAccountId();
for (const path of ["/", "/accounts", `/accounts/${account}`, `/accounts/${account}/items/2`, "/items/4", "/scans"]) {
  await time(path);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push(await time(path));
  samples.sort((a, b) => a - b);
  console.log(`${path.padEnd(40)} median ${quantile(samples, 0.5).toFixed(1)} ms   p95 ${quantile(samples, 0.95).toFixed(1)} ms   (${count} requests)`);
}

export {};
