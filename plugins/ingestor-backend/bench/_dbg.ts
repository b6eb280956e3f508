import { readFileSync, readdirSync } from 'node:fs';
import { readYamlDocuments } from '../src/templates/yamlDocuments';
import { definitionApiNames } from '../src/templates/apiNames';
import { resolveTemplateOptions } from '../src/templates/options';
const dir = 'examples/cluster';
const objs = readdirSync(dir).filter(f => f.endsWith('.yaml')).flatMap(f => readYamlDocuments(readFileSync(`${dir}/${f}`, 'utf8')).objects).filter(o => o.kind === 'CompositeResourceDefinition');
console.log(objs.length, objs.map(o => o.apiVersion));
console.log(definitionApiNames(new Map([['c', objs]]), resolveTemplateOptions({})));
