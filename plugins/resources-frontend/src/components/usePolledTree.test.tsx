import { act, renderHook } from '@testing-library/react';
import type { KubernetesResourcesApi } from '../api/KubernetesResourcesApi';
import { NotAllowedError } from '../api/errors';
import { demoTree } from '../testing/demoTree';
import { nextDelay, usePolledTree } from './usePolledTree';

let hidden = false;
beforeAll(() => {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
});

function setHidden(value: boolean) {
  hidden = value;
  document.dispatchEvent(new Event('visibilitychange'));
}

function fakeApi(getTree: KubernetesResourcesApi['getTree']): KubernetesResourcesApi {
  return { getTree: jest.fn(getTree), getNodeDetails: jest.fn() };
}

describe('usePolledTree', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    hidden = false;
  });
  afterEach(() => jest.useRealTimers());

  it('polls on the interval while visible, stops while hidden, and reads at once when visible again', async () => {
    const api = fakeApi(async () => demoTree());
    const { result } = renderHook(() => usePolledTree(api, 'resource:demo/orders-db', { intervalMs: 1000 }));
    await act(async () => {});
    expect(result.current.tree?.root).toBe('n-claim');
    expect(api.getTree).toHaveBeenCalledTimes(1);

    await act(() => jest.advanceTimersByTimeAsync(1000));
    expect(api.getTree).toHaveBeenCalledTimes(2);

    act(() => setHidden(true));
    await act(() => jest.advanceTimersByTimeAsync(10_000));
    expect(api.getTree).toHaveBeenCalledTimes(2);

    await act(async () => setHidden(false));
    expect(api.getTree).toHaveBeenCalledTimes(2);
    await act(() => jest.advanceTimersByTimeAsync(0));
    expect(api.getTree).toHaveBeenCalledTimes(3);
  });

  it('backs off after errors, keeps the last tree, and returns to the interval after a success', async () => {
    let fail = false;
    const api = fakeApi(async () => {
      if (fail) throw new Error('cluster unreachable');
      return demoTree();
    });
    const { result } = renderHook(() =>
      usePolledTree(api, 'resource:demo/orders-db', { intervalMs: 1000, maxIntervalMs: 3000 }),
    );
    await act(async () => {});
    fail = true;
    await act(() => jest.advanceTimersByTimeAsync(1000)); // read 2 fails
    expect(result.current.error?.message).toBe('cluster unreachable');
    expect(result.current.tree?.root).toBe('n-claim');
    await act(() => jest.advanceTimersByTimeAsync(1999));
    expect(api.getTree).toHaveBeenCalledTimes(2);
    await act(() => jest.advanceTimersByTimeAsync(1)); // read 3 after 2 s, fails
    expect(api.getTree).toHaveBeenCalledTimes(3);
    await act(() => jest.advanceTimersByTimeAsync(2999)); // capped at 3 s
    expect(api.getTree).toHaveBeenCalledTimes(3);
    fail = false;
    await act(() => jest.advanceTimersByTimeAsync(1)); // read 4 succeeds
    expect(result.current.error).toBeUndefined();
    await act(() => jest.advanceTimersByTimeAsync(1000));
    expect(api.getTree).toHaveBeenCalledTimes(5);
  });

  it('stops polling when the user is not allowed', async () => {
    const api = fakeApi(async () => {
      throw new NotAllowedError('denied');
    });
    const { result } = renderHook(() => usePolledTree(api, 'resource:demo/orders-db', { intervalMs: 1000 }));
    await act(async () => {});
    expect(result.current.error).toBeInstanceOf(NotAllowedError);
    await act(() => jest.advanceTimersByTimeAsync(60_000));
    expect(api.getTree).toHaveBeenCalledTimes(1);
  });

  it('computes a doubling, capped delay', () => {
    expect([1, 2, 3, 10].map(f => nextDelay(f, 1000, 5000))).toEqual([2000, 4000, 5000, 5000]);
  });
});
