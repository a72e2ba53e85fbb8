// The example deployments parse and wire what README "Deploying to AWS" promises: one image for web
// and worker, the scanner role as task identity, secrets from a store, a schedule on the cron route.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { parseAllDocuments } from "yaml";

const root = path.join(path.dirname(new URL(import.meta.url).pathname), "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

type Container = { image: string; args?: string[]; command?: string[]; env?: { name: string; valueFrom?: { secretKeyRef?: { key: string } } }[] };
type Manifest = { kind: string; metadata: { name: string }; spec: Record<string, unknown> };

describe("deploy/kubernetes/tenfold.yaml", () => {
  const manifests = parseAllDocuments(read("deploy/kubernetes/tenfold.yaml"))
    .map((document) => document.toJS() as Manifest | null)
    .filter((manifest): manifest is Manifest => manifest !== null);
  const byName = (kind: string, name: string) => manifests.find((manifest) => manifest.kind === kind && manifest.metadata.name === name);
  const podContainers = (manifest: Manifest | undefined) =>
    (manifest?.spec as { template: { spec: { containers: Container[] } } }).template.spec.containers;

  it("runs web and worker from the same image", () => {
    const [web] = podContainers(byName("Deployment", "tenfold-web"));
    const [worker] = podContainers(byName("Deployment", "tenfold-worker"));
    expect(web!.args).toEqual(["web"]);
    expect(worker!.args).toEqual(["worker"]);
    expect(worker!.image).toBe(web!.image);
  });

  it("has a CronJob that posts to the cron route with the CRON_SECRET bearer from the Secret", () => {
    const cron = byName("CronJob", "tenfold-scan");
    const [container] = (cron!.spec as { jobTemplate: { spec: { template: { spec: { containers: Container[] } } } } }).jobTemplate.spec.template.spec.containers;
    const script = container!.command!.join(" ");
    expect(script).toContain("/api/cron/scan");
    expect(script).toContain("method: 'POST'");
    expect(script).toContain("'Bearer ' + process.env.CRON_SECRET");
    expect(container!.env).toContainEqual({ name: "CRON_SECRET", valueFrom: { secretKeyRef: { name: "tenfold", key: "CRON_SECRET" } } });
  });
});

describe("deploy/ecs task definitions", () => {
  type TaskDefinition = { taskRoleArn: string; containerDefinitions: { image: string; command: string[]; secrets: { name: string }[]; environment: { name: string }[] }[] };
  const web = JSON.parse(read("deploy/ecs/web-task-definition.json")) as TaskDefinition;
  const worker = JSON.parse(read("deploy/ecs/worker-task-definition.json")) as TaskDefinition;

  it("share one image and the scanner role, and pick the process by command", () => {
    expect(web.containerDefinitions[0]!.image).toBe(worker.containerDefinitions[0]!.image);
    expect(web.taskRoleArn).toMatch(/:role\/TenfoldScanner$/);
    expect(worker.taskRoleArn).toBe(web.taskRoleArn);
    expect(web.containerDefinitions[0]!.command).toEqual(["web"]);
    expect(worker.containerDefinitions[0]!.command).toEqual(["worker"]);
  });

  it("take secrets from Secrets Manager, never from plain environment", () => {
    const secretNames = ["DATABASE_URL", "OIDC_CLIENT_SECRET", "CRON_SECRET", "TENFOLD_EXTERNAL_ID"];
    expect(web.containerDefinitions[0]!.secrets.map((secret) => secret.name).sort()).toEqual([...secretNames].sort());
    for (const definition of [web, worker]) {
      for (const variable of definition.containerDefinitions[0]!.environment) expect(secretNames).not.toContain(variable.name);
    }
  });
});

describe("Dockerfile", () => {
  const dockerfile = read("Dockerfile");
  const entrypoint = read("deploy/docker-entrypoint.sh");

  it("serves Next's standalone output as an unprivileged user, one image for every process", () => {
    expect(dockerfile).toContain("/app/.next/standalone/server.js");
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^CMD \["web"\]$/m);
    for (const process of ["web)", "worker)", "scan)", "prune)", "migrate)"]) expect(entrypoint).toContain(process);
  });

  it("builds Next's standalone output for the image, and only there (next start warns on it)", async () => {
    expect(dockerfile).toMatch(/^ENV .*\bTENFOLD_STANDALONE_BUILD=true\b/m);
    const outputWith = async (value: string) => {
      vi.stubEnv("TENFOLD_STANDALONE_BUILD", value);
      vi.resetModules();
      return (await import("@/next.config")).default.output;
    };
    try {
      expect(await outputWith("true")).toBe("standalone");
      expect(await outputWith("")).toBeUndefined();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
