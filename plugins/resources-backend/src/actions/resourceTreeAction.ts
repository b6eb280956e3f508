import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { ResourcesService } from '../service/ResourcesService';

/**
 * Registers `get-resource-tree`: an entity's resource tree, what is not ready and the root cause, for
 * MCP clients and assistants ("why is orders-db not ready?"). Runs with the caller's credentials and the
 * same checks as the HTTP route.
 */
export function registerResourceTreeAction(actions: ActionsRegistryService, service: ResourcesService): void {
  actions.register({
    name: 'get-resource-tree',
    title: 'Kubernetes resource tree of an entity',
    description:
      'Reads the live Kubernetes/Crossplane resources behind a catalog entity (claim → composite → composed ' +
      'resources, or a workload and its pods) and says which are not ready and which resource is the root cause, ' +
      'with its reason and message, and the detected problems with proposed fixes. Use it to answer ' +
      '"why is this resource not ready?".',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().describe('The catalog entity, e.g. resource:default/orders-db.team-checkout'),
        }),
      output: z =>
        z.object({
          cluster: z.string().describe('The cluster the resources were read from'),
          total: z.number().describe('How many resources are in the tree'),
          notReady: z.number().describe('How many of them are not ready'),
          truncated: z.boolean().describe('True when the tree was cut at the configured node limit'),
          rootCause: z
            .object({
              kind: z.string(),
              name: z.string(),
              reason: z.string().optional(),
              message: z.string().optional(),
            })
            .nullable()
            .describe('The deepest failing resource, or null when everything is ready'),
          resources: z
            .array(
              z.object({
                kind: z.string(),
                name: z.string(),
                namespace: z.string().optional(),
                status: z.string().describe('ready, progressing, failing, deleting, missing or unknown'),
                reason: z.string().optional(),
                message: z.string().optional(),
              }),
            )
            .describe('Every resource of the tree, root first'),
          problems: z
            .array(
              z.object({
                severity: z.string().describe('error, warning or info'),
                title: z.string(),
                count: z.number().describe('How many resources show this same problem'),
                explanation: z.string(),
                nextStep: z.string().describe('What to do about it'),
                evidence: z.array(z.string()),
                docsUrl: z.string().optional(),
              }),
            )
            .describe('Detected problems with proposed fixes, most severe first'),
        }),
    },
    action: async ({ input, credentials }) => {
      const tree = await service.tree(input.entityRef, { credentials });
      const cause = tree.summary.rootCause;
      return {
        output: {
          cluster: tree.cluster,
          total: tree.summary.total,
          notReady: tree.summary.notReady,
          truncated: tree.truncated,
          rootCause: cause
            ? { kind: cause.kind, name: cause.name, ...(cause.reason ? { reason: cause.reason } : {}), ...(cause.message ? { message: cause.message } : {}) }
            : null,
          resources: tree.nodes.map(n => ({
            kind: n.kind,
            name: n.name,
            ...(n.namespace ? { namespace: n.namespace } : {}),
            status: n.status,
            ...(n.reason ? { reason: n.reason } : {}),
            ...(n.message ? { message: n.message } : {}),
          })),
          problems: tree.summary.problems.map(p => ({
            severity: p.severity,
            title: p.title,
            count: p.count,
            explanation: p.fix.explanation,
            nextStep: p.fix.nextStep,
            evidence: p.fix.evidence,
            ...(p.fix.docsUrl ? { docsUrl: p.fix.docsUrl } : {}),
          })),
        },
      };
    },
  });
}
