/** The local cloud's programmatic API (see docs/local-cloud.md). */
export { startLocalCloud, timerEvent, DEFAULT_PORT, REPO_ROOT } from './local-cloud';
export type { DoorRefusal, Identity, LocalCloud, LocalCloudOptions, OpenapiCall } from './local-cloud';
