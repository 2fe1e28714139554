import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileTexts, emit } from "../support/compile.ts";
import { tempDir } from "../support/tmp.ts";
import { emitOpenApi } from "../../generator/emit/openapi/emit-openapi.ts";

// specs/api.yaml feeds the OpenAPI document's server, paths and webhook name; values that would make
// the document invalid (or fail Redocly's recommended rules) are the user's mistake, so diagnostics.
const spec = "objectType: widget\ntitle: Widget Entity\nfields:\n  - name: id\n    docType: String\n    type: string\n    required: true\n    docRequired: true\n";
const api = (over: { url?: string; ingestion?: string; authentication?: string; callbackName?: string }) => [
  "package:\n  name: widgets\n  version: 1.0.0",
  "title: Widget API",
  `server:\n  url: ${JSON.stringify(over.url ?? "https://cdp.pango.example/api")}\n  description: placeholder`,
  `paths:\n  ingestion: ${JSON.stringify(over.ingestion ?? "/data-ingestion")}\n  authentication: ${JSON.stringify(over.authentication ?? "/authentication")}`,
  `callbackName: ${JSON.stringify(over.callbackName ?? "dataIngestionCallback")}`,
].join("\n") + "\n";

const found = (text: string) => compileTexts({ "widget.yaml": spec }, text).diagnostics.map((d) => `${d.line}:${d.col} ${d.code}: ${d.message}`);

describe("api.yaml values the OpenAPI document depends on", () => {
  it.each<[string, { given: Parameters<typeof api>[0]; want: string[] }]>([
    ["the defaults", { given: {}, want: [] }],
    ["a nested literal path", { given: { ingestion: "/api/v1/data-ingestion" }, want: [] }],
    ["a path with a parameter", { given: { ingestion: "/ingest/{org}" }, want: ["9:14 api-spec: paths.ingestion '/ingest/{org}' must be a literal path such as /data-ingestion: segments of letters, digits and -._~, no {parameter}, query or trailing slash"] }],
    ["a path with a trailing slash", { given: { authentication: "/auth/" }, want: ["10:19 api-spec: paths.authentication '/auth/' must be a literal path such as /data-ingestion: segments of letters, digits and -._~, no {parameter}, query or trailing slash"] }],
    ["the same path twice", { given: { authentication: "/data-ingestion" }, want: ["10:19 api-spec: paths.authentication must differ from paths.ingestion: each is its own operation"] }],
    ["a server URL with a trailing slash", { given: { url: "https://cdp.pango.example/" }, want: ["6:8 api-spec: server.url 'https://cdp.pango.example/' must be an absolute http(s) URL without a trailing slash, query or fragment"] }],
    ["a relative server URL", { given: { url: "cdp/api" }, want: ["6:8 api-spec: server.url 'cdp/api' must be an absolute http(s) URL without a trailing slash, query or fragment"] }],
    ["a callback name with a space", { given: { callbackName: "data callback" }, want: ["11:15 api-spec: callbackName 'data callback' must be letters, digits and -._ starting with a letter (it names the webhook and its operationId)"] }],
  ])("%s", (_name, { given, want }) => {
    expect(found(api(given))).toEqual(want);
  });
});

describe("api.yaml's rateLimits: the documented limits, stated in the ingestion operation and its header", () => {
  const limits = (block: string) => `${api({})}rateLimits:\n${block}`;
  const emitted = (text: string) => {
    const model = compileTexts({ "widget.yaml": spec }, text).model!;
    return { model, doc: JSON.parse(emitOpenApi(model).find((f) => f.path === "openapi/openapi.json")!.contents) as { paths: Record<string, { post: { description: string; responses: Record<string, { headers: object }> } }>; components: { headers: Record<string, { description: string }> } } };
  };

  it("names the header and states each limit, its count grouped in threes, wherever the document describes them", () => {
    const { model, doc } = emitted(limits("  header: Retry-In\n  limits:\n    - {requests: 7, per: 1 blink}\n    - {requests: 1234567, per: 1 fortnight}\n"));
    expect(model.api.rateLimits).toEqual({ header: "Retry-In", limits: [{ requests: 7, per: "1 blink" }, { requests: 1234567, per: "1 fortnight" }] });
    const ingestion = doc.paths[model.api.ingestionPath]!.post;
    for (const text of [ingestion.description, doc.components.headers["Retry-In"]!.description]) {
      expect(text).toContain("- 7 requests per 1 blink\n- 1,234,567 requests per 1 fortnight");
    }
    for (const code of ["200", "400", "401"]) expect(ingestion.responses[code]!.headers).toEqual({ "Retry-In": { $ref: "#/components/headers/Retry-In" } });
  });

  it.each<[string, string, string[]]>([
    ["not a mapping", "  - 50\n", ["13:3 wrong-type: rateLimits must be a mapping, found a list"]],
    ["a header name with a space, and no limits", "  header: Retry After\n", ["13:3 missing-key: rateLimits has no 'limits'", "13:11 invalid-value: rateLimits.header 'Retry After' must be an HTTP header name that can also key an OpenAPI component (letters, digits and ._-)"]],
    ["a header name HTTP allows but an OpenAPI component key does not", "  header: Retry~In\n  limits: [{requests: 1, per: 1 s}]\n", ["13:11 invalid-value: rateLimits.header 'Retry~In' must be an HTTP header name that can also key an OpenAPI component (letters, digits and ._-)"]],
    ["an empty list of limits", "  header: Retry-In\n  limits: []\n", ["14:11 invalid-value: rateLimits.limits must list at least one { requests, per }"]],
    ["a limit of no requests, one without its period, one with an unknown key, and an unknown key", "  header: Retry-In\n  limits:\n    - {requests: 0, per: 1 s}\n    - {requests: 5}\n    - {requests: 5, per: 1 s, burst: 2}\n  window: 1\n",
      ["15:18 invalid-value: rateLimits.limits #1: requests must be a positive integer", "16:7 missing-key: rateLimits.limits #2 has no 'per'", "17:31 unknown-key: unknown key 'burst' in rateLimits.limits #3; allowed: requests, per", "18:3 unknown-key: unknown key 'window' in rateLimits; allowed: header, limits"]],
  ])("%s", (_name, block, want) => {
    expect(found(limits(block))).toEqual(want);
  });
});

describe("api.yaml's headers: the credentials of data ingestion and the callback's headers", () => {
  const headers = (block: string) => `${api({})}headers:\n${block}`;
  const MADE_UP = "  token: {name: X-Pass, description: A made-up pass.}\n  apiKey: {name: X-Who, description: A made-up key.}\n  callback:\n    - {name: X-Sig, description: A made-up signature.}\n";

  it("are the security schemes, the ingestion call's requirement and the webhook's parameters", () => {
    const model = compileTexts({ "widget.yaml": spec }, headers(MADE_UP)).model!;
    const doc = JSON.parse(emitOpenApi(model).find((f) => f.path === "openapi/openapi.json")!.contents) as {
      components: { securitySchemes: object }; security: object; paths: Record<string, { post: { security: object; description: string } }>; webhooks: Record<string, { post: { parameters: object } }>;
    };
    expect(doc.components.securitySchemes).toEqual({
      "X-Pass": { type: "apiKey", in: "header", name: "X-Pass", description: "A made-up pass." },
      "X-Who": { type: "apiKey", in: "header", name: "X-Who", description: "A made-up key." },
    });
    expect(doc.security).toEqual([{ "X-Pass": [], "X-Who": [] }]);
    expect(doc.paths[model.api.ingestionPath]!.post.security).toEqual(doc.security);
    expect(doc.paths[model.api.ingestionPath]!.post.description).toContain("Send the `X-Pass` (from the authentication operation) and `X-Who` headers");
    expect(doc.webhooks[model.api.callbackName]!.post.parameters).toEqual([{ name: "X-Sig", in: "header", required: false, description: "A made-up signature.", schema: { type: "string" } }]);
  });

  it.each<[string, string, string[]]>([
    ["not a mapping", "  - TOKEN\n", ["13:3 wrong-type: headers must be a mapping, found a list"]],
    ["a credential that cannot name a security scheme, and no callback", "  token: {name: \"X Pass\", description: A pass.}\n  apiKey: {name: X-Who, description: A key.}\n",
      ["13:3 missing-key: headers has no 'callback'", "13:17 invalid-value: headers.token.name 'X Pass' must be an HTTP header name that can also name a security scheme (letters, digits and ._-)"]],
    ["the same credential twice, in another case", "  token: {name: X-Pass, description: A pass.}\n  apiKey: {name: x-pass, description: A key.}\n  callback: []\n", ["14:18 invalid-value: headers.apiKey must differ from headers.token (HTTP header names ignore case)"]],
    ["a callback header twice, one without a description, and an unknown key", "  token: {name: X-Pass, description: A pass.}\n  apiKey: {name: X-Who, description: A key.}\n  callback:\n    - {name: X-Sig, description: One.}\n    - {name: x-sig, description: Two.}\n    - {name: X-Other, note: Three.}\n",
      ["17:14 invalid-value: headers.callback names 'x-sig' twice (HTTP header names ignore case)", "18:7 missing-key: headers.callback #3 has no 'description'", "18:23 unknown-key: unknown key 'note' in headers.callback #3 (did you mean 'name'?); allowed: name, description"]],
  ])("%s", (_name, block, want) => {
    expect(found(headers(block))).toEqual(want);
  });
});

describe("api.yaml's entries: how many records a request carries, read as a spec's mapping is", () => {
  const entries = (block: string) => `${api({})}${block}`;

  it("gives the limits it states to the model", () => {
    const { model, diagnostics } = compileTexts({ "widget.yaml": spec }, entries("entries:\n  min: 2\n  max: 7\n"));
    expect(diagnostics).toEqual([]);
    expect(model!.api.entries).toEqual({ min: 2, max: 7 });
  });

  it.each<[string, string, string[]]>([
    ["a misspelt key", "entries:\n  min: 1\n  mx: 50\n", ["14:3 unknown-key: unknown key 'mx' in entries (did you mean 'max'?); allowed: min, max"]],
    ["a minimum above the default maximum", "entries:\n  min: 60\n", ["13:3 api-spec: entries.min (60) is above entries.max (50)"]],
    ["limits out of range, not integers, or not numbers", "entries:\n  min: 0\n  max: 1.5\n", ["13:8 api-spec: entries.min must be an integer from 1 to 100000", "14:8 api-spec: entries.max must be an integer from 1 to 100000"]],
    ["a limit written as words", "entries:\n  max: fifty\n", ["13:8 wrong-type: entries.max must be a finite number, found the string \"fifty\""]],
    ["not a mapping", "entries: 50\n", ["12:10 wrong-type: entries must be a mapping, found number 50"]],
    ["a misspelt section", "entires:\n  min: 1\n  max: 2\n", ["13:3 unknown-key: unknown key 'entires' in api.yaml (did you mean 'entries'?); allowed: package, title, server, paths, callbackName, entries, rateLimits, headers, envelope, shapes"]],
  ])("%s", (_name, block, want) => {
    expect(found(entries(block))).toEqual(want);
  });
});

describe("api.yaml's envelope: the request body's fields as the documentation describes them", () => {
  const STRUCTURAL = ["objectType", "entries", "ignoredUpdateCfs"] as const;
  const told = (k: string) => `Made-up words on ${k}.`;
  // Made-up custom-field names for ignoredUpdateCfs's example (the documentation's are customField01 and customFieldLong03).
  const CUSTOM = ["loyaltyTier", "pointsBalance", "visitNote"];
  // The structural fields reworded, and the plain fields replaced by two made-up ones: one required with an example.
  const block = [
    "envelope:",
    `  objectType:\n    description: ${told("objectType")}`,
    `  batchId:\n    description: ${told("batchId")}\n    required: true\n    example: B-7`,
    `  note:\n    description: ${told("note")}`,
    `  entries:\n    description: ${told("entries")}`,
    `  ignoredUpdateCfs:\n    description: ${told("ignoredUpdateCfs")}\n    example: [${CUSTOM.join(", ")}]`,
  ].join("\n") + "\n";
  const compiled = (more: Record<string, string> = {}) => {
    // widget is untagged (its request schema forbids ignoredUpdateCfs); gadget is tagged, so its schema describes it.
    const { model, diagnostics } = compileTexts({ "widget.yaml": spec, "gadget.yaml": readFileSync("test/specs/made-up/gadget.yaml", "utf8"), ...more }, `${api({})}${block}`);
    expect(diagnostics).toEqual([]);
    return { model: model!, files: emit(model!) };
  };
  type Props = Record<string, { description?: string; examples?: unknown[] }>;

  it("is what the JSON Schema and every OpenAPI request schema say of each field, required where the spec says", () => {
    const { model, files } = compiled();
    const json = (p: string) => JSON.parse(files.find((f) => f.path === p)!.contents) as { properties: Props; required: string[]; components: { schemas: Record<string, { properties: Props; required: string[] }> } };
    const standalone = json("json-schema/ingestion-request.schema.json");
    const requests = Object.entries(json("openapi/openapi.json").components.schemas).filter(([n]) => n.endsWith("IngestionRequest") && n !== "IngestionRequest");
    expect(requests.length).toBe(model.entities.length);
    for (const { properties, required } of [standalone, ...requests.map(([, s]) => s)]) {
      expect(Object.keys(properties)).toEqual(["objectType", "batchId", "note", "entries", "ignoredUpdateCfs"]);
      expect(required).toEqual(["objectType", "batchId", "entries"]);
    }
    expect(standalone.properties.batchId!.examples).toEqual(["B-7"]);
    for (const k of [...STRUCTURAL, "batchId", "note"]) {
      expect(standalone.properties[k]!.description, k).toBe(told(k));
      for (const [n, s] of requests) {
        if (k === "ignoredUpdateCfs" && n.startsWith("Widget")) expect(s.properties[k]?.description).toMatch(/^Not allowed/u);
        else expect(s.properties[k]?.description, `${n}.${k}`).toBe(told(k));
      }
    }
  });

  it("is what the request type, the validators and the fixtures follow", async () => {
    const { files } = compiled();
    const request = files.find((f) => f.path === "validators/ingestion-request.ts")!.contents;
    expect(request).toContain("batchId: string; note?: string | null | undefined; entries:");
    expect(request).not.toMatch(/\bsource\b|jeConfigId/u);
    const dir = tempDir();
    for (const f of files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.contents);
    }
    const v = (await import(join(dir, "validators", "index.ts"))) as { validateIngestionRequest: (x: unknown) => { ok: boolean; issues?: { path: string; code: string }[] } };
    const fixtures = JSON.parse(files.find((f) => f.path === "fixtures/ingestion-requests.json")!.contents) as { valid: Record<string, unknown>[]; invalid: { label: string; request: unknown; issues: object[] }[] };
    for (const r of fixtures.valid) {
      expect(r.batchId).toBe("B-7");
      expect(v.validateIngestionRequest(r).ok).toBe(true);
    }
    expect(fixtures.valid.some((r) => typeof r.note === "string")).toBe(true);
    const labels = fixtures.invalid.map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(["batchId missing", "batchId blank", "batchId not a string", "note not a string"]));
    expect(labels.filter((l) => l.startsWith("note ")).length).toBe(1);
    for (const c of fixtures.invalid) expect(v.validateIngestionRequest(c.request), c.label).toMatchObject({ ok: false, issues: c.issues.map((i) => expect.objectContaining(i)) });
    // A field the spec no longer lists is an unknown key of the envelope.
    expect(v.validateIngestionRequest({ ...fixtures.valid[0]!, source: "CRM" }).issues).toEqual([expect.objectContaining({ path: "/source", code: "unknown_field" })]);
  });

  it("names in ignoredUpdateCfs's example the custom fields that the examples and the fixtures use", () => {
    // patron is open to custom fields.
    const { files } = compiled({ "patron.yaml": readFileSync("test/specs/made-up/patron.yaml", "utf8") });
    const json = (p: string) => JSON.parse(files.find((f) => f.path === p)!.contents) as Record<string, unknown>;
    const standalone = json("json-schema/ingestion-request.schema.json") as { properties: Props };
    expect(standalone.properties.ignoredUpdateCfs!.examples).toEqual([CUSTOM]);
    const openapi = json("openapi/openapi.json") as { components: { schemas: Record<string, { properties: Props }> } };
    expect(openapi.components.schemas.GadgetIngestionRequest!.properties.ignoredUpdateCfs!.examples).toEqual([CUSTOM]);
    const requests = json("fixtures/ingestion-requests.json") as { valid: { objectType: string; ignoredUpdateCfs?: unknown }[]; invalid: { request: { objectType: string; ignoredUpdateCfs?: unknown } }[] };
    const carried = [...requests.valid, ...requests.invalid.map((c) => c.request)].filter((r) => r.ignoredUpdateCfs !== undefined);
    expect(carried.length).toBeGreaterThan(0);
    for (const r of carried) expect((r.ignoredUpdateCfs as unknown[]).every((n) => typeof n !== "string" || CUSTOM.includes(n)), JSON.stringify(r.ignoredUpdateCfs)).toBe(true);
    // The entity open to custom fields carries them under these names, each in some valid record; no other made-up key.
    const patron = json("fixtures/patron.json") as { valid: Record<string, unknown>[] };
    for (const name of CUSTOM) expect(patron.valid.some((r) => name in r), name).toBe(true);
    expect(patron.valid.some((r) => "customField01" in r || "customFieldLong03" in r)).toBe(false);
  });

  it.each<[string, string, string[]]>([
    ["a structural field given more than a description", "envelope:\n  entries:\n    description: The records.\n    required: true\n", ["15:5 unknown-key: unknown key 'required' in envelope.entries; allowed: description"]],
    ["a field without a description, and one not a mapping", "envelope:\n  source:\n    required: true\n  note: A note.\n", ["14:5 missing-key: envelope.source has no 'description'", "15:9 wrong-type: envelope.note must be a mapping, found the string \"A note.\""]],
    ["a field name that is not an identifier", "envelope:\n  batch-id:\n    description: A batch.\n", ["13:3 invalid-value: envelope field 'batch-id' must be letters, digits and _, not starting with a digit and not a key of Object.prototype (it names a property of the request type)"]],
    ["a field named like a key of Object.prototype", "envelope:\n  constructor:\n    description: A trap.\n", ["13:3 invalid-value: envelope field 'constructor' must be letters, digits and _, not starting with a digit and not a key of Object.prototype (it names a property of the request type)"]],
    ["an empty example", "envelope:\n  source:\n    description: The system.\n    example: \"\"\n", ["15:14 invalid-value: envelope.source.example must not be empty"]],
    ["custom-field names that are not names, or twice", "envelope:\n  ignoredUpdateCfs:\n    description: Kept.\n    example: [customField01, 7, bad-name, customField01]\n", [
      "15:30 wrong-type: items of envelope.ignoredUpdateCfs.example must be strings, found number 7 (quote it: \"7\")",
      "15:33 invalid-value: envelope.ignoredUpdateCfs.example: 'bad-name' must be letters, digits and _, not starting with a digit and not a key of Object.prototype (it is a custom field's name)",
      "15:43 invalid-value: envelope.ignoredUpdateCfs.example names 'customField01' twice",
    ]],
    ["no custom-field name", "envelope:\n  ignoredUpdateCfs:\n    description: Kept.\n    example: []\n", ["15:14 invalid-value: envelope.ignoredUpdateCfs.example must name at least one custom field"]],
    ["custom-field names not a list", "envelope:\n  ignoredUpdateCfs:\n    description: Kept.\n    example: customField01\n", ["15:14 wrong-type: envelope.ignoredUpdateCfs.example must be a list, found the string \"customField01\""]],
  ])("%s", (_name, text, want) => {
    expect(found(`${api({})}${text}`)).toEqual(want);
  });
});
