#!/usr/bin/env node
// Contract check: validates every API response the server tests logged (JSONL written
// when ZYGC_CONTRACT_LOG is set) against docs/api/openapi.yaml, with openapi-backend.
//
//   ZYGC_CONTRACT_LOG=build/native/contract.jsonl build/native/tests/server_tests
//   node tests/contract/check.mjs build/native/contract.jsonl
//
// Per logged response:
//   - it must match an operation (method + path); otherwise only a 404 for an unknown
//     path or a 405 for a known path with another method passes, with a Problem body;
//   - its status must be documented for that operation; 304 must have no body;
//   - its Content-Type must be one the document lists for that status;
//   - its body must validate against the documented schema (api.validateResponse);
//   - a request the document itself rejects (bad parameter, header or body; the log
//     carries the request's headers and body) must have been answered with a 4xx —
//     never 2xx or 5xx (an unknown query parameter alone does not reject one: the
//     document's conventions say they are ignored);
//   - a response documented without content (204) must have no body.
// And over the whole log (a check that saw nothing must not pass):
//   - the log must exist and hold responses, and at least one must match an operation;
//   - every operation in the document must have been exercised at least once: an operation
//     no server test calls is listed as a failure (add a test for it, or remove it).
// Exits 1 listing every failure.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as openapiBackend from 'openapi-backend';
import YAML from 'yaml';
import AjvPkg from 'ajv';
import addFormatsPkg from 'ajv-formats';

const OpenAPIBackend = openapiBackend.OpenAPIBackend ?? openapiBackend.default?.OpenAPIBackend;
const Ajv = AjvPkg.default ?? AjvPkg;
const addFormats = addFormatsPkg.default ?? addFormatsPkg;

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const logPath = process.argv[2] ?? resolve(root, 'build/native/contract.jsonl');
const docPath = process.argv[3] ?? resolve(root, 'docs/api/openapi.yaml');

const original = YAML.parse(readFileSync(docPath, 'utf8'));

// openapi-backend validates only `application/json` bodies. Our errors are (rightly)
// `application/problem+json`, so the validator is given a copy in which each response
// also lists its problem schema under application/json; the media types the document
// really declares are kept in x-zygc-content-types and checked separately.
function forValidation(doc) {
  const copy = structuredClone(doc);
  const fix = (response) => {
    if (!response || response.$ref) return;
    const content = response.content ?? {};
    response['x-zygc-content-types'] = Object.keys(content);
    const problem = content['application/problem+json'];
    if (problem && !content['application/json']) content['application/json'] = problem;
  };
  for (const r of Object.values(copy.components?.responses ?? {})) fix(r);
  for (const item of Object.values(copy.paths ?? {}))
    for (const op of Object.values(item))
      if (op && typeof op === 'object' && op.responses)
        for (const r of Object.values(op.responses)) fix(r);
  return copy;
}

const api = new OpenAPIBackend({
  definition: forValidation(original),
  apiRoot: '/api/v1',
  strict: true,  // an invalid document fails init
  quick: false,
  validate: true,
  customizeAjv: (ajv) => {
    addFormats(ajv);
    return ajv;
  },
});
await api.init();

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validateProblem = ajv.compile(api.definition.components.schemas.Problem);

const findStatus = (responses, status) =>
  responses?.[String(status)] ?? responses?.[`${Math.floor(status / 100)}XX`] ?? responses?.default;

let logText;
try {
  logText = readFileSync(logPath, 'utf8');
} catch (e) {
  console.error(`contract: cannot read the log ${logPath} (${e.code ?? e.message}): run the server tests with ZYGC_CONTRACT_LOG set`);
  process.exit(1);
}
const lines = logText.split('\n').filter((l) => l.trim() !== '');
const failures = [];
const seenOps = new Map();
let checked = 0;

for (const [i, line] of lines.entries()) {
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    failures.push(`line ${i + 1}: not JSON`);
    continue;
  }
  const { method, path: target, status, content_type: contentType = '', body } = entry;
  const requestHeaders = entry.request_headers ?? {};
  const requestBody = entry.request_body ?? undefined;
  const where = `line ${i + 1}: ${method} ${target} → ${status}`;
  const fail = (msg) => failures.push(`${where}: ${msg}`);
  const [path, query = ''] = target.split('?');
  const req = { method, path, query, headers: requestHeaders, body: requestBody };
  const mediaType = contentType.split(';')[0].trim();
  checked++;

  const op = api.matchOperation(req);
  if (!op) {
    let why = '';
    try {
      api.router.matchOperation(req, true);
    } catch (e) {
      why = String(e.message ?? e);
    }
    const expected = status === 404 ? '404' : status === 405 ? '405' : null;
    if (!expected || !why.startsWith(expected)) {
      fail(`matches no operation in the document (${why || 'no match'})`);
    } else if (mediaType !== 'application/problem+json') {
      fail(`unmatched ${status} must be application/problem+json, got "${contentType}"`);
    } else if (!validateProblem(body)) {
      fail(`body is not a Problem: ${ajv.errorsText(validateProblem.errors)}`);
    } else if (body.status !== status) {
      fail(`Problem.status ${body.status} differs from the HTTP status`);
    }
    continue;
  }

  const key = `${op.method.toUpperCase()} ${op.path}`;
  if (!seenOps.has(key)) seenOps.set(key, new Set());
  seenOps.get(key).add(status);

  const response = findStatus(op.responses, status);
  if (!response) {
    fail(`status ${status} is not documented for ${op.operationId}`);
    continue;
  }
  if (status === 304) {
    if (body !== null && body !== undefined && body !== '') fail('304 must have an empty body');
    continue;
  }
  const declared = response['x-zygc-content-types'] ?? Object.keys(response.content ?? {});
  if (declared.length === 0) {
    if (body !== null && body !== undefined && body !== '') fail('a response without content must have an empty body');
    continue;
  }
  if (!declared.includes(mediaType))
    fail(`Content-Type "${contentType}" is not among the documented ${JSON.stringify(declared)}`);
  const result = api.validateResponse(body, op, status);
  if (!result.valid)
    fail(`body does not match the schema: ${result.errors
      .map((e) => `${e.instancePath || '(root)'} ${e.message}`)
      .slice(0, 5)
      .join('; ')}`);
  if (status >= 400 && body && body.status !== status)
    fail(`Problem.status ${body?.status} differs from the HTTP status`);

  // The document's conventions: "Unknown query parameters are ignored". openapi-backend
  // forbids them (additionalProperties on /query); that alone does not reject a request.
  const rejections = (api.validateRequest(req, op).errors ?? [])
    .filter((e) => !(e.instancePath === '/query' && e.keyword === 'additionalProperties'));
  if (rejections.length > 0 && !(status >= 400 && status < 500))
    fail(`the document rejects this request (${rejections
      .map((e) => `${e.instancePath} ${e.message}`)
      .join('; ')}) but the server answered ${status}`);
}

if (checked === 0) failures.push(`${logPath}: no responses logged`);
else if (seenOps.size === 0) failures.push(`${logPath}: none of the ${checked} responses matched an operation of the document`);

const documented = api.getOperations().map((o) => `${o.method.toUpperCase()} ${o.path}`);
const untested = documented.filter((k) => !seenOps.has(k));
for (const k of untested) {
  const op = api.getOperations().find((o) => `${o.method.toUpperCase()} ${o.path}` === k);
  failures.push(`${k} (${op?.operationId ?? '?'}): documented but never exercised by the server tests`);
}

console.log(`contract: ${checked} responses checked against ${docPath}`);
for (const [k, s] of [...seenOps].sort())
  console.log(`  ${k.padEnd(28)} statuses ${[...s].sort().join(', ')}`);
if (failures.length) {
  console.error(`\n${failures.length} contract failure(s):`);
  for (const f of failures) console.error(`  ${f}`);
  process.exit(1);
}
console.log('contract: OK');
