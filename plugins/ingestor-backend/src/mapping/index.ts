/** The pure mapping step: Kubernetes objects to catalog entities. */
export {
  mapClusterObjects,
  mergeAcrossClusters,
  mapReadings,
  systemEntities,
} from './mapReading';
export type { MappingResult, MappingSkip, MappingWarning, SkipReason } from './mapReading';
