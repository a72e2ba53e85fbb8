// awsJson1_1 services with simple list / describe operations.
import type * as CB from "@aws-sdk/client-codebuild";
import type * as ECR from "@aws-sdk/client-ecr";
import type * as ECS from "@aws-sdk/client-ecs";
import type * as EV from "@aws-sdk/client-eventbridge";
import type * as KMS from "@aws-sdk/client-kms";
import type * as SM from "@aws-sdk/client-secrets-manager";
import { op, regionOf, sdkModule, type Ctx, type ServiceDef } from "../core";
import { SandboxError } from "../errors";
import { paginate } from "../paginate";
import type { KmsKeyData } from "../scenario/types";

const THROTTLING = { code: "ThrottlingException", status: 400 };

export const secretsmanager: ServiceDef = {
  name: "secretsmanager",
  protocol: "json1.1",
  sdk: sdkModule("@aws-sdk/client-secrets-manager"),
  targetPrefix: "secretsmanager",
  global: false,
  throttle: THROTTLING,
  handlers: {
    ListSecrets: op<SM.ListSecretsRequest, SM.ListSecretsResponse>((ctx, input) => {
      const all = (regionOf(ctx).secrets ?? []).filter((s) => input.IncludePlannedDeletion || !s.DeletedDate);
      const p = paginate(all, { token: input.NextToken, max: input.MaxResults, defaultMax: 100, limit: 100, invalidTokenCode: "InvalidNextTokenException" });
      return { SecretList: p.items, NextToken: p.next };
    }),
  },
};

function taskDefArn(ctx: Ctx, td: ECS.TaskDefinition): string {
  return td.taskDefinitionArn ?? `arn:aws:ecs:${ctx.region}:${ctx.account.id}:task-definition/${td.family}:${td.revision}`;
}

export const ecs: ServiceDef = {
  name: "ecs",
  protocol: "json1.1",
  sdk: sdkModule("@aws-sdk/client-ecs"),
  targetPrefix: "AmazonEC2ContainerServiceV20141113",
  global: false,
  throttle: THROTTLING,
  handlers: {
    ListTaskDefinitions: op<ECS.ListTaskDefinitionsRequest, ECS.ListTaskDefinitionsResponse>((ctx, input) => {
      const status = input.status ?? "ACTIVE";
      const dir = input.sort === "DESC" ? -1 : 1;
      const all = (regionOf(ctx).ecsTaskDefinitions ?? [])
        .filter((t) => (t.status ?? "ACTIVE") === status && (!input.familyPrefix || (t.family ?? "").startsWith(input.familyPrefix)))
        .sort((a, b) => dir * ((a.family ?? "").localeCompare(b.family ?? "") || (a.revision ?? 0) - (b.revision ?? 0)));
      const p = paginate(all, { token: input.nextToken, max: input.maxResults, defaultMax: 100, limit: 100, invalidTokenCode: "InvalidParameterException" });
      return { taskDefinitionArns: p.items.map((t) => taskDefArn(ctx, t)), nextToken: p.next };
    }),
    DescribeTaskDefinition: op<ECS.DescribeTaskDefinitionRequest, ECS.DescribeTaskDefinitionResponse>((ctx, input) => {
      const ref = (input.taskDefinition ?? "").replace(/^arn:aws:ecs:[^:]+:\d+:task-definition\//, "");
      const [family, rev] = ref.split(":");
      const list = (regionOf(ctx).ecsTaskDefinitions ?? []).filter((t) => t.family === family);
      const td = rev
        ? list.find((t) => String(t.revision) === rev)
        : list.filter((t) => (t.status ?? "ACTIVE") === "ACTIVE").sort((a, b) => (b.revision ?? 0) - (a.revision ?? 0))[0];
      if (!td) throw new SandboxError("ClientException", "Unable to describe task definition.", 400);
      // Tags come back only when asked for (include: ["TAGS"]), as in ECS.
      const tags = input.include?.includes("TAGS") ? (regionOf(ctx).ecsTaskDefinitionTags?.[`${td.family}:${td.revision}`] ?? []) : undefined;
      return { taskDefinition: { ...td, taskDefinitionArn: taskDefArn(ctx, td) }, ...(tags && { tags }) };
    }),
  },
};

export const codebuild: ServiceDef = {
  name: "codebuild",
  protocol: "json1.1",
  sdk: sdkModule("@aws-sdk/client-codebuild"),
  targetPrefix: "CodeBuild_20161006",
  global: false,
  throttle: THROTTLING,
  handlers: {
    ListProjects: op<CB.ListProjectsInput, CB.ListProjectsOutput>((ctx, input) => {
      const names = (regionOf(ctx).codeBuildProjects ?? []).map((p) => p.name ?? "").sort();
      if (input.sortOrder === "DESCENDING") names.reverse();
      const p = paginate(names, { token: input.nextToken, defaultMax: 100, invalidTokenCode: "InvalidInputException" });
      return { projects: p.items, nextToken: p.next };
    }),
    BatchGetProjects: op<CB.BatchGetProjectsInput, CB.BatchGetProjectsOutput>((ctx, input) => {
      const names = input.names ?? [];
      if (names.length > 100) throw new SandboxError("InvalidInputException", "names must contain at most 100 items", 400);
      const all = regionOf(ctx).codeBuildProjects ?? [];
      const projects: CB.Project[] = [];
      const projectsNotFound: string[] = [];
      for (const n of names) {
        const p = all.find((x) => x.name === n || x.arn === n);
        if (p) projects.push(p);
        else projectsNotFound.push(n);
      }
      return { projects, projectsNotFound };
    }),
  },
};

function findKey(ctx: Ctx, keyId: string | undefined): KmsKeyData {
  const id = keyId ?? "";
  const k = (regionOf(ctx).kmsKeys ?? []).find((x) => x.metadata.KeyId === id || x.metadata.Arn === id);
  if (!k) throw new SandboxError("NotFoundException", `Key '${id}' does not exist`, 400);
  return k;
}

export const kms: ServiceDef = {
  name: "kms",
  protocol: "json1.1",
  sdk: sdkModule("@aws-sdk/client-kms"),
  targetPrefix: "TrentService",
  global: false,
  throttle: THROTTLING,
  handlers: {
    ListKeys: op<KMS.ListKeysRequest, KMS.ListKeysResponse>((ctx, input) => {
      const keys = (regionOf(ctx).kmsKeys ?? []).map((k) => ({ KeyId: k.metadata.KeyId, KeyArn: k.metadata.Arn }));
      const p = paginate(keys, { token: input.Marker, max: input.Limit, defaultMax: 100, limit: 1000, invalidTokenCode: "InvalidMarkerException" });
      return { Keys: p.items, NextMarker: p.next, Truncated: p.next !== undefined };
    }),
    DescribeKey: op<KMS.DescribeKeyRequest, KMS.DescribeKeyResponse>((ctx, input) => ({ KeyMetadata: findKey(ctx, input.KeyId).metadata })),
    GetKeyPolicy: op<KMS.GetKeyPolicyRequest, KMS.GetKeyPolicyResponse>((ctx, input) => {
      const k = findKey(ctx, input.KeyId);
      if ((input.PolicyName ?? "default") !== "default") throw new SandboxError("NotFoundException", "Policy not found", 400);
      return { Policy: k.policy, PolicyName: "default" };
    }),
  },
};

export const ecr: ServiceDef = {
  name: "ecr",
  protocol: "json1.1",
  sdk: sdkModule("@aws-sdk/client-ecr"),
  targetPrefix: "AmazonEC2ContainerRegistry_V20150921",
  global: false,
  throttle: THROTTLING,
  handlers: {
    DescribeRepositories: op<ECR.DescribeRepositoriesRequest, ECR.DescribeRepositoriesResponse>((ctx, input) => {
      let all = regionOf(ctx).ecrRepositories ?? [];
      if (input.repositoryNames?.length) {
        const missing = input.repositoryNames.find((n) => !all.some((r) => r.repositoryName === n));
        if (missing)
          throw new SandboxError("RepositoryNotFoundException", `The repository with name '${missing}' does not exist in the registry with id '${ctx.account.id}'`, 400);
        all = all.filter((r) => input.repositoryNames?.includes(r.repositoryName ?? ""));
      }
      const p = paginate(all, { token: input.nextToken, max: input.maxResults, defaultMax: 100, limit: 1000, invalidTokenCode: "InvalidParameterException" });
      return { repositories: p.items, nextToken: p.next };
    }),
    GetRegistryScanningConfiguration: op<ECR.GetRegistryScanningConfigurationRequest, ECR.GetRegistryScanningConfigurationResponse>((ctx) => ({
      registryId: ctx.account.id,
      scanningConfiguration: regionOf(ctx).ecrScanning ?? { scanType: "BASIC", rules: [] },
    })),
  },
};

export const eventbridge: ServiceDef = {
  name: "events",
  protocol: "json1.1",
  sdk: sdkModule("@aws-sdk/client-eventbridge"),
  targetPrefix: "AWSEvents",
  global: false,
  throttle: THROTTLING,
  handlers: {
    ListRules: op<EV.ListRulesRequest, EV.ListRulesResponse>((ctx, input) => {
      const bus = input.EventBusName ?? "default";
      const all = (regionOf(ctx).eventRules ?? []).filter((r) => (r.EventBusName ?? "default") === bus && (!input.NamePrefix || (r.Name ?? "").startsWith(input.NamePrefix)));
      const p = paginate(all, { token: input.NextToken, max: input.Limit, defaultMax: 100, limit: 100, invalidTokenCode: "ValidationException" });
      return { Rules: p.items, NextToken: p.next };
    }),
  },
};
