import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { PortInfo } from '../../../node-library/contract';
import { codeDeclaration, upstreamSchemas, type DeclarationInput } from '../../../renderer/editor/code-declaration';
import { duckDbTsType } from '../../../renderer/editor/duckdb-ts-type';
import { codeCompilerOptions, javascriptCompilerOptions } from '../../../renderer/editor/code-compiler-options';
import { starterCode } from '../../../renderer/editor/code-language';
import { nodeBuiltinModules } from '../../../renderer/editor/node-builtins';
import { builtinModules } from 'node:module';

const ordersSchema = [
  { name: 'order_id', type: 'BIGINT' },
  { name: 'customer', type: 'VARCHAR' },
  { name: 'amount', type: 'DECIMAL(10,2)' },
  { name: 'paid', type: 'BOOLEAN' },
  { name: 'ordered_at', type: 'DATE' },
  { name: 'unit price', type: 'DOUBLE' },
];

function declaration(overrides: Partial<DeclarationInput> = {}): string {
  return codeDeclaration({
    inputs: [{ id: 'orders', type: 'table' }, { id: 'extra-rows', type: 'table', optional: true }],
    outputs: [{ id: 'out', type: 'table' }, { id: 'summary', type: 'json' }],
    schemas: { orders: ordersSchema },
    runParams: { country: { type: 'string', default: 'GB' } },
    nodeParams: { limit: 10 },
    ...overrides,
  });
}

/** Shared by the services below, so TypeScript's lib files are parsed once. */
const libCache = ts.createDocumentRegistry();

/** A TypeScript language service over the declaration and one module, as Monaco's worker runs it. */
let services = 0;
function service(dts: string, code: string, file = '/node.ts', extra: Record<string, string> = {}) {
  const serial = ++services;
  const files: Record<string, string> = { '/node.d.ts': dts, [file]: code, ...extra };
  const host: ts.LanguageServiceHost = {
    // As monaco-setup.ts sets them: JavaScript models have options of their own.
    getCompilationSettings: () => ({ ...(file.endsWith('.js') ? javascriptCompilerOptions : codeCompilerOptions), lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'] }),
    getScriptFileNames: () => Object.keys(files),
    // Each service's own files are new versions; lib files stay cached.
    getScriptVersion: (name) => (name in files ? String(serial) : '1'),
    getScriptSnapshot: (name) => {
      const text = files[name] ?? ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => '/',
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (name) => name in files || ts.sys.fileExists(name),
    readFile: (name) => files[name] ?? ts.sys.readFile(name),
  };
  const ls = ts.createLanguageService(host, libCache);
  const errors = () =>
    [...ls.getSyntacticDiagnostics(file), ...ls.getSemanticDiagnostics(file), ...ls.getSemanticDiagnostics('/node.d.ts')].map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  const completionsAt = (marker: string) => ls.getCompletionsAtPosition(file, code.indexOf(marker) + marker.length, {})?.entries.map((e) => e.name) ?? [];
  return { errors, completionsAt };
}

const module = (body: string) => `export default async function run({ inputs, params, state, log, signal }: Context): Promise<Outputs> {\n${body}\n}\n`;

describe('the declaration of a code node', () => {
  it('types rows from the upstream schema: row. lists the real columns', () => {
    const code = module('for (const row of inputs.orders) { row.; }\nreturn {};');
    const { completionsAt } = service(declaration(), code);
    // Exactly the columns: a name that is not an identifier ("unit price") is offered as row["unit price"] only with insert-text completions.
    expect(completionsAt('row.').sort()).toEqual(['amount', 'customer', 'order_id', 'ordered_at', 'paid']);
  });

  it('compiles correct code without errors, and reports a wrong column', () => {
    const good = module(
      [
        'const rows = inputs.orders.toArray().filter((r) => r.amount > params.limit && r.customer.startsWith(params.country));',
        "const ids: number[] = rows.map((r) => r.order_id ?? 0);",
        "log.info(`${inputs.orders.length} rows`, ids.length, inputs.orders.columns[0], inputs.orders.get(0).paid, inputs.orders.column('amount')[0]);",
        "const seen = state.get('seen');",
        "await state.set('seen', (seen ?? 0) + rows.length);",
        'if (signal.aborted) return {};',
        "const extra = inputs['extra-rows'] ? [...inputs['extra-rows']] : [];",
        "return { out: [...rows, ...extra], summary: { n: rows.length, first: rows[0]?.['unit price'], day: new Date(rows[0]?.ordered_at ?? 0) } };",
      ].join('\n'),
    );
    expect(service(declaration(), good).errors()).toEqual([]);
    const bad = module('return { out: inputs.orders.toArray().filter((row) => row.amout > 100) };');
    expect(service(declaration(), bad).errors()).toEqual([expect.stringMatching(/Property 'amout' does not exist on type 'OrdersRow'/)]);
  });

  it('refuses an output the node does not have and a param that is not declared', () => {
    const code = module('return { output: [], total: params.missing };');
    const errors = service(declaration(), code).errors();
    expect(errors.some((e) => /'output' does not exist in type 'Outputs'/.test(e))).toBe(true);
    expect(errors.some((e) => /Property 'missing' does not exist on type 'Params'/.test(e))).toBe(true);
  });

  it('types rows loosely while the upstream schema is unknown', () => {
    const code = module('return { out: [...inputs.orders].filter((row) => row.anything > 1) };');
    expect(service(declaration({ schemas: {} }), code).errors()).toEqual([]);
  });

  it('follows the ports: a renamed input is a new property, a text input a string', () => {
    const inputs: PortInfo[] = [{ id: 'customers', type: 'table' }, { id: 'note', type: 'text' }];
    const code = module('inputs.orders; return { out: inputs.note.split(",").map((c) => ({ c })) };');
    const errors = service(declaration({ inputs, schemas: {} }), code).errors();
    expect(errors).toEqual([expect.stringMatching(/Property 'orders' does not exist on type 'Inputs'/)]);
  });

  it('declares nullable columns and quotes names that are not identifiers', () => {
    const dts = declaration();
    expect(dts).toContain('interface OrdersRow {');
    expect(dts).toContain('/** BIGINT: a bigint beyond ±2^53 */\n  order_id: number | null;');
    expect(dts).toContain('"unit price": number | null;');
    expect(dts).toContain('"extra-rows"?: Table<ExtraRowsRow>;');
  });
});

describe('the starter module of a new code node', () => {
  const defaults = declaration({ inputs: [{ id: 'in', type: 'table', optional: true }], outputs: [{ id: 'out', type: 'table' }], schemas: { in: ordersSchema } });

  it('type-checks against the default ports, in TypeScript and in JavaScript (JSDoc)', () => {
    expect(service(defaults, starterCode('typescript').join('\n')).errors()).toEqual([]);
    expect(service(defaults, starterCode('javascript').join('\n'), '/node.js').errors()).toEqual([]);
  });

  it('is checked in JavaScript too: a wrong output port is an error', () => {
    const code = starterCode('javascript').join('\n').replace('return { out: rows }', 'return { output: rows }');
    expect(service(defaults, code, '/node.js').errors()).toEqual([expect.stringMatching(/'output' does not exist in type 'Outputs'/)]);
  });

  it('takes untyped JavaScript as it is: no implicit-any errors, but syntax errors still show', () => {
    const untyped = "export default async function run({ inputs, log }) {\n  const rows = inputs.in.toArray();\n  log.info(rows.length);\n  return { out: rows.map((r) => ({ ...r, big: r.amount > 100 })) };\n}\n";
    expect(service(defaults, untyped, '/node.js').errors()).toEqual([]);
    expect(service(defaults, untyped.replace('=> ({', '=> ({{'), '/node.js').errors()).not.toEqual([]);
    // The same module in TypeScript is strict: its parameters need a type.
    expect(service(defaults, untyped, '/node.ts').errors()).toEqual(expect.arrayContaining([expect.stringMatching(/implicitly has an 'any' type/)]));
  });
});

describe('npm packages in the declaration', () => {
  // As usePackageTypes loads an installed package's declarations into Monaco.
  const greetTypes = {
    '/node_modules/pw-greet/package.json': '{"name":"pw-greet","types":"index.d.ts"}',
    '/node_modules/pw-greet/index.d.ts': 'export declare function greet(name: string): string;',
    '/node_modules/pw-greet/shout.d.ts': 'declare function shout(text: string): string;\nexport = shout;',
  };
  const code = [
    "import { greet } from 'pw-greet';",
    "import shout from 'pw-greet/shout';",
    "import other from 'pw-greet/other';",
    "import anything from 'untyped';",
    module("return { summary: [greet(42), shout(1), other.x, anything.y] };"),
  ].join('\n');

  it("types a package by its own declarations, subpaths included, and the rest as any", () => {
    const { errors } = service(declaration({ packages: ['pw-greet', 'untyped'], typedPackages: ['pw-greet'] }), code, '/node.ts', greetTypes);
    expect(errors()).toEqual([
      "Argument of type 'number' is not assignable to parameter of type 'string'.",
      "Argument of type 'number' is not assignable to parameter of type 'string'.",
    ]);
  });

  it("imports Node's built-ins as any, with or without node:, and the list is this Node's", () => {
    const builtins = ["import fs from 'node:fs';", "import { join } from 'path';", "import { setTimeout as sleep } from 'node:timers/promises';", module('return { summary: [fs.x, join, sleep] };')].join('\n');
    expect(service(declaration(), builtins).errors()).toEqual([]);
    expect(service(declaration(), "import x from 'fs/nope';\n" + module('return {};')).errors()).toEqual(["Cannot find module 'fs/nope' or its corresponding type declarations."]);
    expect([...nodeBuiltinModules]).toEqual(builtinModules.filter((name) => !name.startsWith('_')));
  });

  it('imports every declared package as any while no declarations are loaded', () => {
    expect(service(declaration({ packages: ['pw-greet', 'untyped'] }), code).errors()).toEqual([]);
  });
});

describe('DuckDB types as the runner sees them', () => {
  it.each([
    ['INTEGER', 'number'],
    ['DOUBLE', 'number'],
    ['DECIMAL(18,3)', 'number'],
    ['BIGINT', 'number'],
    ['HUGEINT', 'string'],
    ['VARCHAR', 'string'],
    ['BOOLEAN', 'boolean'],
    ['DATE', 'string'],
    ['TIMESTAMP WITH TIME ZONE', 'string'],
    ['INTEGER[]', 'string'],
    ['STRUCT(a INTEGER)', 'string'],
    ['GEOMETRY', 'string'],
  ])('%s -> %s', (duck, tsType) => expect(duckDbTsType(duck)).toBe(tsType));
});

describe('upstream schemas', () => {
  it('come from the last preview of the output wired into each input', () => {
    const pipeline = {
      edges: [
        { id: 'e1', from: { node: 'read', port: 'out' }, to: { node: 'code_1', port: 'orders' } },
        { id: 'e2', from: { node: 'other', port: 'out' }, to: { node: 'code_1', port: 'more' } },
      ],
    } as Parameters<typeof upstreamSchemas>[0];
    const previews = { read: { out: { columns: ordersSchema } } };
    expect(upstreamSchemas(pipeline, 'code_1', previews)).toEqual({ orders: ordersSchema, more: undefined });
  });
});
