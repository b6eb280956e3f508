import { stripUnsafeCharacters } from './text';

describe('stripUnsafeCharacters', () => {
  it('removes control and bidi-override characters, keeping tabs, newlines and other Unicode', () => {
    expect(stripUnsafeCharacters('admin\u202E\u2066 tool\u0007\u001B[31m\r')).toEqual({ text: 'admin tool[31m', changed: true });
    expect(stripUnsafeCharacters('Zahlungsdienst — 支払い\tline\nnext')).toEqual({ text: 'Zahlungsdienst — 支払い\tline\nnext', changed: false });
  });
});
