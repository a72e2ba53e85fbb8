export * from "./accounts";
export * from "./scans";
export * from "./snapshots";
export * from "./rollups";
export * from "./workflow";
export * from "./audit";
export * from "./auth";
export * from "./settings";
