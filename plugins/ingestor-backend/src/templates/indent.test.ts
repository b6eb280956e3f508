import { indentTypeScript } from './indent';
import { indentationDifferences, syntaxErrors } from './__testUtils__/typescriptCheck';

// What json-schema-to-typescript writes with `format: false`: one member per line, no indentation.
const unformatted = `/**
 * A thing {with braces}
 */
export interface Thing {
spec?: {
/**
 * line1 (
 * line2 * / end
 */
a: ("x{" | "y)")
b?: {
c?: number
"d-e"?: 'f}' | "g\\"{"
}[]
u?: ({
x?: string
} | {
y?: string
})
m?: {
[k: string]: string | undefined
}
}
}
`;

describe('indentTypeScript', () => {
  it('indents by bracket depth, skipping brackets in strings and comments', () => {
    expect(indentTypeScript(unformatted)).toBe(`/**
 * A thing {with braces}
 */
export interface Thing {
  spec?: {
    /**
     * line1 (
     * line2 * / end
     */
    a: ("x{" | "y)")
    b?: {
      c?: number
      "d-e"?: 'f}' | "g\\"{"
    }[]
    u?: ({
      x?: string
    } | {
      y?: string
    })
    m?: {
      [k: string]: string | undefined
    }
  }
}
`);
  });

  it('agrees with the TypeScript formatter and is stable when re-run', () => {
    const once = indentTypeScript(unformatted);
    expect(syntaxErrors(once)).toEqual([]);
    expect(indentationDifferences(once)).toEqual([]);
    expect(indentTypeScript(once)).toBe(once);
  });
});
