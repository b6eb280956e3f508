export { startDemo, type Demo, type DemoOptions } from './startDemo';
export { GitopsRepo } from './gitopsRepo';
export { DemoReconciler, type ReconcileReport } from './reconciler';
export { BackendProcess } from './backendProcess';
export { repoRoot, demoCacheDir } from './paths';
