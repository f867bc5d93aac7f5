import { CLUSTERS, type CountedCluster, UNASSIGNED } from '../clusters';

/** The six clusters a counted record can have, in output order. */
export const COUNTED_CLUSTERS: readonly CountedCluster[] = [...CLUSTERS, UNASSIGNED];
