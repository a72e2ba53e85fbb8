// Child-process helpers of the benchmarks: TypeScript entry points run by this Node with tsx's loader
// (not the tsx CLI, which would put a second process between us and the one we measure).
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

export type Child = ChildProcess & { output: () => string };

export function startTs(script: string, args: string[], env: Record<string, string>, nodeArgs: string[] = []): Child {
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", script, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return Object.assign(child, { output: () => output });
}

/** Resolves with the first line matching `re` (capture group 1), or rejects when the child exits first. */
export async function waitForLine(child: Child, re: RegExp, timeoutMs = 120_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const m = re.exec(child.output());
    if (m) return m[1] ?? m[0];
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`child ${child.pid} did not print ${re}:\n${child.output().slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function stopChild(child: Child, signal: NodeJS.Signals = "SIGTERM", timeoutMs = 30_000): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill(signal);
  });
}

/** Linux /proc figures of a live process: peak and current RSS (MB) and CPU seconds (user + system). */
export function procStats(pid: number): { peakRssMb: number; rssMb: number; cpuSeconds: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks, after the parenthesised command.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { peakRssMb: kb("VmHWM") / 1024, rssMb: kb("VmRSS") / 1024, cpuSeconds: ticks / 100 };
}
