import { yamlFileName } from './fileName';

describe('yamlFileName', () => {
  it('replaces every run of unsafe characters, slashes included', () => {
    expect(yamlFileName('Instance', 'orders-db.x7k2p')).toBe('Instance-orders-db.x7k2p.yaml');
    expect(yamlFileName('Kind', '../../etc/<img src=x>')).toBe('Kind-.._.._etc_img_src_x_.yaml');
    expect(yamlFileName('', '...')).toBe('-....yaml');
  });
});
