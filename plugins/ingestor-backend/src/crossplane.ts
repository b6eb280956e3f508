/** Crossplane names the ingestor relies on, spelled once. */

/** The API group of CompositeResourceDefinitions and Compositions. */
export const CROSSPLANE_APIEXTENSIONS_GROUP = 'apiextensions.crossplane.io';
/** The kind and plural of an XRD (plural fixed by Crossplane's own CRD). */
export const XRD_KIND = 'CompositeResourceDefinition';
export const XRD_PLURAL = 'compositeresourcedefinitions';
/** The kind and plural of a Composition. */
export const COMPOSITION_KIND = 'Composition';
export const COMPOSITION_PLURAL = 'compositions';

/** `spec.type` claims and composite resources get unless an annotation says otherwise. */
export const CROSSPLANE_TYPES = { claim: 'crossplane-claim', composite: 'crossplane-xr' } as const;
