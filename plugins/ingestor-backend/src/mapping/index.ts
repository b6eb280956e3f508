/** The pure mapping step: Kubernetes objects to catalog entities. */
export {
  ensureUniqueRefs,
  mapClusterObjects,
  mapReadings,
  systemEntities,
} from './mapReading';
export type { MappingResult, MappingSkip, MappingWarning, SkipReason } from './mapReading';
