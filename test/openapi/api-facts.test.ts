import { describe, expect, it } from "vitest";
import { compileTexts } from "../support/compile.ts";

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
