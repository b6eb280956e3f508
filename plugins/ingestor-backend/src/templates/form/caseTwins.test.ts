import { caseTwinPaths, withoutCaseTwins } from './caseTwins';
import type { FormSchema } from './types';

const field = (title: string): FormSchema => ({ type: 'string', title });

describe('withoutCaseTwins', () => {
  it('keeps the first of two fields whose names differ only in case, also in required and ui:order', () => {
    const http: FormSchema = {
      type: 'object',
      properties: { proxyURL: field('Proxy URL'), proxyUrl: field('Proxy Url'), other: field('Other') },
      required: ['proxyUrl', 'other'],
      'ui:order': ['proxyURL', 'proxyUrl', 'other', '*'],
    };
    const pages: FormSchema[] = [{ title: 'Settings', type: 'object', properties: { receivers: { type: 'array', items: { type: 'object', properties: { http } } } } }];
    const { pages: out, dropped } = withoutCaseTwins(pages);
    const kept = out[0].properties!.receivers.items!.properties!.http;
    expect(Object.keys(kept.properties!)).toEqual(['proxyURL', 'other']);
    expect(kept.required).toEqual(['other']);
    expect(kept['ui:order']).toEqual(['proxyURL', 'other', '*']);
    expect(dropped).toEqual(['spec.parameters.properties.receivers.items.properties.http.properties.proxyUrl']);
    // The source is untouched.
    expect(Object.keys(http.properties!)).toHaveLength(3);
  });

  it('sees twins across pages, because the catalog flattens the list of pages', () => {
    const pages: FormSchema[] = [
      { title: 'One', properties: { replicas: field('Replicas') } },
      { title: 'Two', properties: { Replicas: field('Replicas'), size: field('Size') } },
    ];
    const { pages: out, dropped } = withoutCaseTwins(pages);
    expect(Object.keys(out[1].properties!)).toEqual(['size']);
    expect(dropped).toEqual(['spec.parameters.properties.Replicas']);
  });

  it('returns the very same pages when nothing collides (the same key on several pages is no twin)', () => {
    const pages: FormSchema[] = [
      { title: 'One', properties: { name: field('Name') } },
      { title: 'Two', properties: { name: field('Name') } },
    ];
    const result = withoutCaseTwins(pages);
    expect(result.pages).toBe(pages);
    expect(result.dropped).toEqual([]);
  });
});

describe('caseTwinPaths', () => {
  it('names key paths that differ only in case, wherever they are', () => {
    expect(caseTwinPaths({ spec: { steps: [{ input: { spec: { tlsCA: 'x' } } }, { input: { spec: { tlsCa: 'y' } } }] } })).toEqual([
      'spec.steps.input.spec.tlsCa',
    ]);
    expect(caseTwinPaths({ a: { b: 1 }, c: [{ b: 2 }] })).toEqual([]);
  });
});
