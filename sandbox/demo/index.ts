export { DEMO_LOG_ARCHIVE_ID, DEMO_MANAGEMENT_ID, DEMO_SECURITY_ID, demoAccounts, type DemoAccountSpec } from "./accounts";
export { buildDemoOrganization, DEMO_EXTERNAL_ID, type Postures } from "./organization";
export { ITEMS, type Color, type Item } from "./posture";
export { DEMO_START, DEMO_WEEKS, demoClock, demoStartEndingAt, demoScenarioAt, demoStateAt, demoTimeline, type DemoOptions, type DemoStep } from "./timeline";
