/**
 * Checks generated TypeScript with the TypeScript compiler itself: syntax, and whether its own
 * formatter would indent any line differently.
 */
import ts from 'typescript';

/** Syntax errors, as `line: message`. */
export function syntaxErrors(code: string): string[] {
  const { diagnostics = [] } = ts.transpileModule(code, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
  return diagnostics.map(d => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

function formatted(code: string): string {
  const fileName = 'types.ts';
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => ({}),
    getScriptFileNames: () => [fileName],
    getScriptVersion: () => '1',
    getScriptSnapshot: name => (name === fileName ? ts.ScriptSnapshot.fromString(code) : undefined),
    getCurrentDirectory: () => '/',
    getDefaultLibFileName: () => 'lib.d.ts',
    fileExists: name => name === fileName,
    readFile: name => (name === fileName ? code : undefined),
  };
  const service = ts.createLanguageService(host);
  const edits = service.getFormattingEditsForDocument(fileName, { ...ts.getDefaultFormatCodeSettings(), indentSize: 2, tabSize: 2, convertTabsToSpaces: true });
  let out = code;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.start + edit.span.length);
  }
  return out;
}

const indentation = (line: string) => line.length - line.trimStart().length;

/** Lines TypeScript's formatter would indent differently, as `line: ours → theirs`. */
export function indentationDifferences(code: string): string[] {
  const ours = code.split('\n');
  const theirs = formatted(code).split('\n');
  if (ours.length !== theirs.length) return [`formatter changed the line count: ${ours.length} → ${theirs.length}`];
  return ours.flatMap((line, i) => (line.trim() && indentation(line) !== indentation(theirs[i]) ? [`${i + 1}: ${indentation(line)} → ${indentation(theirs[i])}: ${line.trim()}`] : []));
}
