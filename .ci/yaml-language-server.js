// Opens content files in yaml-language-server — the engine of VS Code's YAML
// extension — one at a time, as an editor does, and fails when the editor
// would show a problem. It also checks that the schema is really applied: a
// file with a typo must be flagged, hovering a key must show its French
// description, completion must offer the keys of the object, and an enum
// typo and a bad date must get French messages.
// Usage: node .ci/yaml-language-server.js FILE.yaml…  (NODE_PATH must reach yaml-language-server)
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const server = spawn(process.execPath, [require.resolve('yaml-language-server/bin/yaml-language-server'), '--stdio']);
const settings = { yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false }, schemas: {} } };
let buf = Buffer.alloc(0);
let lastID = 0;
const pending = new Map();
const diagnostics = new Map();

server.stdout.on('data', (data) => {
  buf = Buffer.concat([buf, data]);
  for (;;) {
    const header = buf.indexOf('\r\n\r\n');
    if (header < 0) return;
    const length = Number(/Content-Length: (\d+)/.exec(buf.subarray(0, header).toString())[1]);
    if (buf.length < header + 4 + length) return;
    const msg = JSON.parse(buf.subarray(header + 4, header + 4 + length).toString());
    buf = buf.subarray(header + 4 + length);
    if (msg.id !== undefined && !msg.method && pending.has(msg.id)) {
      pending.get(msg.id)(msg.result);
      pending.delete(msg.id);
    } else if (msg.method === 'textDocument/publishDiagnostics') {
      diagnostics.set(msg.params.uri, msg.params.diagnostics);
    } else if (msg.method === 'workspace/configuration') {
      send({ jsonrpc: '2.0', id: msg.id, result: msg.params.items.map(() => settings.yaml) });
    } else if (msg.id !== undefined && msg.method) {
      send({ jsonrpc: '2.0', id: msg.id, result: null });
    }
  }
});

function send(msg) {
  const s = JSON.stringify(msg);
  server.stdin.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`);
}
function request(method, params) {
  return new Promise((resolve) => {
    const id = ++lastID;
    pending.set(id, resolve);
    send({ jsonrpc: '2.0', id, method, params });
  });
}
async function open(file) {
  const uri = 'file://' + path.resolve(file);
  diagnostics.delete(uri);
  send({ jsonrpc: '2.0', method: 'textDocument/didOpen',
    params: { textDocument: { uri, languageId: 'yaml', version: 1, text: fs.readFileSync(file, 'utf8') } } });
  for (let i = 0; i < 200 && !diagnostics.has(uri); i++) await new Promise((r) => setTimeout(r, 50));
  return { uri, diagnostics: diagnostics.get(uri) };
}

(async () => {
  const failures = [];
  await request('initialize', { processId: process.pid, rootUri: 'file://' + process.cwd(), capabilities: { workspace: { configuration: true } } });
  send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  send({ jsonrpc: '2.0', method: 'workspace/didChangeConfiguration', params: { settings } });

  const files = process.argv.slice(2);
  for (const file of files) {
    const { diagnostics: d } = await open(file);
    if (!d) failures.push(`${file}: yaml-language-server did not answer`);
    for (const x of d || []) failures.push(`${file}:${x.range.start.line + 1}:${x.range.start.character + 1}: ${x.message}`);
  }

  // Controls: the schema must be applied, with its French descriptions.
  const schema = path.resolve('schema/rgpdoc.schema.json');
  const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rgpdoc-yls-')), 'probe.yaml');
  fs.writeFileSync(probe, `# yaml-language-server: $schema=${schema}\norganisation:\n  raison_sociale: Acme\n  conservaton: 3\n`);
  const control = await open(probe);
  if (!(control.diagnostics || []).some((x) => x.message.includes('conservaton'))) {
    failures.push('control: a typo (conservaton) is not flagged: the schema is not applied');
  }
  const hover = await request('textDocument/hover', { textDocument: { uri: control.uri }, position: { line: 2, character: 4 } });
  if (!hover || !JSON.stringify(hover.contents).includes('Dénomination sociale')) {
    failures.push(`control: hovering raison_sociale does not show its French description: ${JSON.stringify(hover)}`);
  }
  const completion = await request('textDocument/completion', { textDocument: { uri: control.uri }, position: { line: 3, character: 2 } });
  const labels = ((completion && (completion.items || completion)) || []).map((i) => i.label);
  if (!labels.includes('forme_juridique')) failures.push(`control: completion does not offer forme_juridique: ${labels.join(', ')}`);

  // The editor speaks French: an enum typo and a bad date get the schema's
  // French messages (errorMessage, patternErrorMessage), not the English ones.
  const french = path.join(path.dirname(probe), 'french.yaml');
  fs.writeFileSync(french, `# yaml-language-server: $schema=${schema}\ndocuments:\n  politique: {mise_a_jour: 2025-13-45}\ntraitements:\n  - {id: t, libelle: T, role: responsabl, personnes: [], donnees: [], finalites: []}\n`);
  const messages = ((await open(french)).diagnostics || []).map((x) => x.message);
  for (const [what, want] of [['an enum typo (role: responsabl)', 'Valeur non autorisée'], ['a bad date (2025-13-45)', 'AAAA-MM-JJ']]) {
    if (!messages.some((m) => m.includes(want))) failures.push(`control: ${what} is not reported in French (« ${want} »): ${JSON.stringify(messages)}`);
  }

  for (const f of failures) console.log(f);
  console.log(`yaml-language-server : ${files.length} fichiers ouverts, ${failures.length} problème(s).`);
  server.kill();
  process.exit(failures.length ? 1 : 0);
})();
