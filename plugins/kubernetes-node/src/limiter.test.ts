import type { ClusterConnection, ListAnswer } from './connection/ClusterConnection';
import { createLimiter, limitConnection } from './limiter';

/** A connection whose answers wait until released, counting how many are in flight. */
function slowConnection(withList: boolean) {
  let inFlight = 0;
  let most = 0;
  const releases: Array<() => void> = [];
  const wait = async <T>(value: T): Promise<T> => {
    most = Math.max(most, ++inFlight);
    await new Promise<void>(resolve => releases.push(resolve));
    inFlight--;
    return value;
  };
  const conn: ClusterConnection = {
    name: 'c1',
    getJson: <T>() => wait({ items: [] } as T),
    getText: () => wait(''),
    watch: async () => {},
    ...(withList ? { getList: <T>(_p: string, _q: object, _o: object, item: (raw: unknown) => T) => wait<ListAnswer<T>>({ items: [item({ n: 1 })] }) } : {}),
  };
  const releaseAll = async () => {
    while (releases.length || inFlight) {
      releases.splice(0).forEach(release => release());
      await new Promise(resolve => setImmediate(resolve));
    }
  };
  return { conn, releaseAll, most: () => most };
}

describe('limitConnection', () => {
  it('forwards getList through the same bound as every other request', async () => {
    const slow = slowConnection(true);
    const limited = limitConnection(slow.conn, createLimiter(2));
    expect(limited.getList).toBeDefined();
    const answers = [
      limited.getList!('/a', {}, {}, raw => (raw as { n: number }).n + 1),
      limited.getJson('/b', {}, {}),
      limited.getList!('/c', {}, {}, raw => raw),
      limited.getText('/d', {}, {}),
    ];
    await new Promise(resolve => setImmediate(resolve));
    await slow.releaseAll();
    const [list] = await Promise.all(answers);
    expect(list).toEqual({ items: [2] });
    expect(slow.most()).toBe(2);
  });

  it('has no getList where the connection has none, so listers parse pages whole', () => {
    expect(limitConnection(slowConnection(false).conn, createLimiter(2)).getList).toBeUndefined();
  });
});
