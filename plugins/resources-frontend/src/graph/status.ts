import type { NodeStatus } from '@kube-platform/plugin-kubernetes-common';

/** How one status looks: a colour for borders and badges, a glyph that does not rely on colour, words. */
export interface StatusStyle {
  colour: string;
  icon: string;
  label: string;
}

const STYLES: Record<NodeStatus, StatusStyle> = {
  ready: { colour: '#1a7f37', icon: '✓', label: 'Ready' },
  progressing: { colour: '#0969da', icon: '↻', label: 'Progressing' },
  failing: { colour: '#cf222e', icon: '✕', label: 'Failing' },
  deleting: { colour: '#8250df', icon: '⌫', label: 'Deleting' },
  missing: { colour: '#bc4c00', icon: '?', label: 'Missing' },
  unknown: { colour: '#6e7781', icon: '•', label: 'Unknown' },
};

/** Every status, worst first: the order used by filters and legends. */
export const STATUS_ORDER: readonly NodeStatus[] = [
  'failing',
  'missing',
  'deleting',
  'progressing',
  'unknown',
  'ready',
];

/** The colour, icon and label of a status; an unexpected value from a newer server reads as unknown. */
export function statusStyle(status: NodeStatus): StatusStyle {
  return STYLES[status] ?? STYLES.unknown;
}

/** Whether a status needs the user's attention (everything but ready). */
export function isNotReady(status: NodeStatus): boolean {
  return status !== 'ready';
}
