import { isClaim, isComposite } from '../../tree/families/crossplane';
import type { Detection, Detector } from '../types';

const TROUBLESHOOT = 'https://docs.crossplane.io/latest/guides/troubleshoot-crossplane/';

function classify(message: string): 'references' | 'provider-config' | 'reconcile' {
  if (/cannot resolve references|referenced field was empty|cannot resolve .*reference/i.test(message)) return 'references';
  if (/providerconfig|provider config/i.test(message) && /not found|cannot get|no such|does not exist/i.test(message)) return 'provider-config';
  return 'reconcile';
}

/** A managed resource whose provider reports an error (Synced=False). */
export const managedResourceDetector: Detector = ({ entry }) => {
  const synced = entry.node.synced;
  if (!entry.object || !('forProvider' in (entry.object.spec ?? {})) || synced?.status !== 'False') return [];
  const message = synced.message ?? '';
  const evidence = [`Synced=False ${synced.reason ?? ''}: ${message}`.trim()];
  const base = { severity: 'error' as const, nodeId: entry.node.id };
  switch (classify(message)) {
    case 'references':
      return [{
        ...base, detector: 'crossplane-unresolved-references',
        title: `${entry.node.kind} cannot resolve its references to other resources`,
        fix: { explanation: 'A field refers to another managed resource (by reference or selector) that does not exist yet, is not ready, or matches nothing.', nextStep: 'Check the *Ref and *Selector fields in spec.forProvider: the referenced resource must exist and be Ready, and a selector must match exactly one.', evidence, docsUrl: TROUBLESHOOT },
      }];
    case 'provider-config':
      return [{
        ...base, detector: 'crossplane-provider-config-missing',
        title: `${entry.node.kind} names a ProviderConfig that does not exist`,
        fix: { explanation: 'The provider needs a ProviderConfig (credentials for the cloud account) and the one named in spec.providerConfigRef is missing.', nextStep: 'Ask the platform team to create the ProviderConfig, or point spec.providerConfigRef at an existing one.', evidence, docsUrl: 'https://docs.crossplane.io/latest/packages/providers/' },
      }];
    default:
      return [{
        ...base, detector: 'crossplane-reconcile-error',
        title: `The provider fails to reconcile ${entry.node.kind}`,
        fix: { explanation: 'The provider tried to create or update the external resource and the cloud API refused; the message below is the provider\'s.', nextStep: 'Read the message: it usually names the parameter the cloud rejected. Change that parameter in the claim or composite and let Crossplane retry.', evidence, docsUrl: TROUBLESHOOT },
      }];
  }
};

/** A claim or composite Crossplane itself cannot reconcile (Synced=False): composing failed. */
export const compositeErrorDetector: Detector = ({ entry }) => {
  const synced = entry.node.synced;
  if (!entry.object || (!isComposite(entry.object) && !isClaim(entry.object)) || synced?.status !== 'False') return [];
  return [{
    detector: 'crossplane-compose-error', severity: 'error', nodeId: entry.node.id,
    title: `Crossplane cannot reconcile the ${entry.node.kind}`,
    fix: {
      explanation: 'Crossplane failed to compose this resource: its Composition, a composition function, or the values given to it are wrong.',
      nextStep: 'Read the message below; it names the step or field that failed. Check the parameters you set, then the Composition (see the Composition node).',
      evidence: [`Synced=False ${synced.reason ?? ''}: ${synced.message ?? ''}`.trim()],
      docsUrl: TROUBLESHOOT,
    },
  }];
};

/** A composite that is not ready because some of its composed resources fail. */
export const compositeWaitingDetector: Detector = ({ entry, children }) => {
  if (!entry.object || !isComposite(entry.object) || entry.node.status === 'ready') return [];
  const failing = children.filter(c => c.node.status === 'failing' || c.node.status === 'missing');
  if (!failing.length) return [];
  return [{
    detector: 'crossplane-composite-waiting', severity: 'info', nodeId: entry.node.id,
    title: `${entry.node.kind} waits for ${failing.length === 1 ? 'a failing composed resource' : `${failing.length} failing composed resources`}`,
    fix: {
      explanation: 'A composite is ready only when all its composed resources are; the cause is in the resources below it.',
      nextStep: `Fix ${failing.map(f => `${f.node.kind} ${f.node.name}`).join(', ')} first.`,
      evidence: failing.map(f => `${f.node.kind} ${f.node.name}: ${f.node.reason ?? f.node.status}${f.node.message ? ` (${f.node.message})` : ''}`),
      docsUrl: TROUBLESHOOT,
    },
  }];
};

/** A claim with no composite: not bound yet, or bound to one that no longer exists. */
export const claimCompositeDetector: Detector = ({ entry, children }) => {
  if (!entry.object || !isClaim(entry.object)) return [];
  const bound = entry.object.spec?.resourceRef;
  const composite = children.find(c => c.node.role === 'child');
  if (bound && composite?.node.status !== 'missing') return [];
  const detection: Detection = {
    detector: 'crossplane-claim-composite-missing', severity: 'error', nodeId: entry.node.id,
    title: bound ? 'The claim\'s composite resource does not exist' : 'The claim is not bound to a composite resource',
    fix: {
      explanation: bound
        ? 'The claim points at a composite resource that is gone, so nothing provisions what the claim asks for.'
        : 'Crossplane has not created a composite for the claim: its Composition may not be selectable, or Crossplane is not running.',
      nextStep: 'Check the claim\'s conditions and events, and that a Composition for its kind exists (see the Composition node).',
      evidence: [entry.node.message ?? entry.node.reason ?? entry.node.status],
      docsUrl: TROUBLESHOOT,
    },
  };
  return [detection];
};
