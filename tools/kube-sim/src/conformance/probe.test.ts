import { KubeConfig, CoreV1Api } from '@kubernetes/client-node';
import { KubeSim } from '..';

it('probe', async () => {
  const sim = await KubeSim.start();
  const kc = new KubeConfig();
  kc.loadFromString(sim.kubeconfig());
  const api = kc.makeApiClient(CoreV1Api);
  const ns = await api.listNamespace();
  expect(ns.items.map(n => n.metadata?.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
  await sim.stop();
});
