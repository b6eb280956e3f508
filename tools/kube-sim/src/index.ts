export { KubeSim, KubeSimFleet, type KubeSimOptions } from './kubeSim';
export type { FaultRule } from './server/faults';
export type { AccessRule, SimUser } from './server/auth';
export type { SeedReport, SeedError } from './seed';
export type { KubeObject, ObjectMeta } from './types';
export type { RequestLogEntry } from './server/handler';
export { corpusDir } from './corpus';
export { CrossplaneController, type CrossplaneControllerOptions } from './reconcile/crossplaneController';
