import { field, retype, spec, type SpecDoc } from "./support.ts";
import type { Bump } from "../../generator/diff/semver.ts";
import { DEFAULT_API } from "../../generator/model/build-model.ts";
import type { EnvelopeField } from "../../generator/model/ir.ts";

export type Set = { specs: SpecDoc[]; api: Record<string, unknown> };
export const order = (s: Set) => spec(s, "order");
export const shipment = (s: Set) => spec(s, "shipment");
export const dropField = (doc: SpecDoc, name: string) => { doc.fields = doc.fields.filter((f) => f.name !== name); };
const orderRule = (s: Set) => (order(s).rules as { groups: string[][]; doc: string[] }[])[0]!;

/**
 * [name, edit of the base specs, every change as "kind subject producer/consumer" (the rule table's
 * verdicts, before the compiler reconciles them), implied bump, TypeScript's verdict on the generated
 * packages: "breaks" when some code that compiled against the base fails against the head].
 * proof.test.ts runs every case against the generated fixtures too, so a breaking edit goes far enough
 * (a range narrowed well inside the values fixtures use) that some base fixture witnesses it.
 */
export type CompilerVerdictWord = "breaks" | "compiles";

/** api.yaml's `envelope` as a maintainer writes it: the generator's defaults, each plain field edited (null: dropped), one added. */
function envelopeYaml(o: { edit?: (f: EnvelopeField) => EnvelopeField | null; add?: EnvelopeField; entries?: string; customFields?: string[] }): Record<string, unknown> {
  const { text, fields } = DEFAULT_API.envelope;
  const plain = [...fields.map((f) => (o.edit ? o.edit(f) : f)), ...(o.add ? [o.add] : [])].filter((f): f is EnvelopeField => f !== null);
  return {
    objectType: { description: text.objectType },
    ...Object.fromEntries(plain.map((f) => [f.name, { description: f.description, required: f.required, ...(f.example === null ? {} : { example: f.example }) }])),
    entries: { description: o.entries ?? text.entries },
    ignoredUpdateCfs: { description: text.ignoredUpdateCfs, ...(o.customFields ? { example: o.customFields } : {}) },
  };
}
export const CASES: [string, (s: Set) => void, string[], Bump, CompilerVerdictWord][] = [
  ["no change", () => {}, [], "none", "compiles"],
  ["fields reordered: not a change", (s) => { order(s).fields.reverse(); }, [], "none", "compiles"],
  // Fields
  ["optional field added to a closed entity", (s) => { shipment(s).fields.push({ name: "eta", docType: "Timestamp", type: "timestamp" }); },
    ["field-added eta compatible/compatible"], "minor", "compiles"],
  ["optional field added to an entity open to custom fields", (s) => { order(s).fields.push({ name: "channel", docType: "String", type: "string" }); },
    ["field-added channel warning/warning"], "minor", "compiles"],
  ["required field added", (s) => { shipment(s).fields.push({ name: "eta", docType: "Timestamp", type: "timestamp", required: true }); },
    ["field-added eta breaking/breaking"], "major", "breaks"],
  ["field removed from a closed entity", (s) => { dropField(shipment(s), "carrier"); }, ["field-removed carrier breaking/breaking"], "major", "breaks"],
  ["field removed from an open entity: its key becomes a custom field", (s) => { dropField(order(s), "note"); }, ["field-removed note compatible/breaking"], "major", "breaks"],
  ["field renamed in a closed entity", (s) => { field(shipment(s), "carrier").name = "carrierName"; }, ["field-renamed carrierName breaking/breaking"], "major", "breaks"],
  ["field renamed in an open entity", (s) => { field(order(s), "note").name = "remark"; }, ["field-renamed remark warning/breaking"], "major", "breaks"],
  ["type changed across JSON kinds", (s) => { retype(field(shipment(s), "carrier"), "integer", "integer", { example: "7" }); },
    ["type-changed carrier breaking/breaking", "doc-type-changed carrier docs/docs", "example-changed carrier docs/docs"], "major", "breaks"],
  ["integer widened to double", (s) => { retype(field(order(s), "points"), "double", "Double"); },
    ["type-changed points compatible/none", "range-widened points compatible/none", "doc-type-changed points docs/docs"], "minor", "compiles"],
  ["double narrowed to integer", (s) => { retype(field(order(s), "amount"), "integer", "integer", { example: "12" }); },
    ["type-changed amount breaking/none", "range-narrowed amount breaking/none", "doc-type-changed amount docs/docs", "example-changed amount docs/docs"], "major", "compiles"],
  ["text gets a date type (a format)", (s) => { Object.assign(field(shipment(s), "dob2"), { type: "date" }); },
    ["type-changed dob2 compatible/none", "format-added dob2 breaking/none"], "major", "compiles"],
  ["object field points to another table", (s) => {
    const o = order(s);
    (o.tables as SpecDoc[]).push({ title: "Line Entity", fields: [{ name: "sku", docType: "String", type: "string" }] });
    field(o, "items").table = "Line Entity";
  }, ["type-changed items breaking/breaking", "table-added Line none/compatible"], "major", "breaks"],
  // Presence
  ["optional made required", (s) => { field(order(s), "note").required = true; }, ["made-required note breaking/breaking"], "major", "breaks"],
  ["required made optional", (s) => { field(order(s), "orderId").required = false; }, ["made-optional orderId compatible/breaking"], "major", "breaks"],
  ["an all-of rule makes fields required", (s) => { order(s).rules = [...(order(s).rules as object[]), { kind: "all-of", fields: ["note"], doc: ["Note is required"] }]; },
    ["made-required note breaking/breaking"], "major", "breaks"],
  ["the sentence of an all-of rule edited", (s) => { shipment(s).rules = [{ kind: "all-of", fields: ["shipmentId"], doc: ["Id required."] }]; },
    ["rule-doc-changed shipmentId docs/docs"], "patch", "compiles"],
  ["an all-of rule dropped from a field that stays required", (s) => { shipment(s).rules = []; }, ["rule-doc-changed shipmentId docs/docs"], "patch", "compiles"],
  ["doc Required column only", (s) => { field(order(s), "note").docRequired = true; }, ["doc-required-changed note docs/docs"], "patch", "compiles"],
  // Conditional rules
  ["conditional rule added", (s) => { (order(s).rules as object[]).push({ kind: "any-of", groups: [["email"], ["note"]], doc: ["E-mail or note"] }); },
    ["rule-added (entity) breaking/breaking"], "major", "breaks"],
  ["conditional rule added that every valid payload already meets", (s) => { (order(s).rules as object[]).push({ kind: "any-of", groups: [["orderId"], ["note"]], doc: ["Id or note"] }); },
    ["rule-added (entity) compatible/compatible"], "minor", "compiles"],
  ["conditional rule tightened", (s) => { orderRule(s).groups = [["customerId", "email"], ["customerPhone"]]; },
    ["rule-tightened (entity) breaking/breaking"], "major", "breaks"],
  ["conditional rule loosened", (s) => { orderRule(s).groups = [["customerId"], ["customerPhone"], ["email"]]; },
    ["rule-loosened (entity) compatible/compatible"], "minor", "breaks"],
  ["conditional rule removed", (s) => { order(s).rules = []; }, ["rule-removed (entity) compatible/compatible"], "minor", "breaks"],
  ["conditional rule's groups reordered: not a change", (s) => { orderRule(s).groups = [["customerPhone"], ["customerId"]]; }, [], "none", "compiles"],
  ["conditional rule's doc sentence edited", (s) => { orderRule(s).doc = ["Customer Id or phone."]; }, ["rule-doc-changed (entity) docs/docs"], "patch", "compiles"],
  // Enums
  ["enum value removed", (s) => { field(order(s), "status").enum = ["paid"]; }, ["enum-values-removed status breaking/breaking"], "major", "breaks"],
  ["enum value added", (s) => { field(order(s), "status").enum = ["new", "paid", "refunded"]; }, ["enum-values-added status compatible/warning"], "minor", "breaks"],
  // The values leave out the base example, so the base fixtures (which use it) witness the change.
  ["enum put on a free string", (s) => { Object.assign(field(order(s), "note"), { enum: ["bye", "ciao"], example: "bye" }); },
    ["enum-added note breaking/breaking", "example-changed note docs/docs"], "major", "breaks"],
  ["enum taken off", (s) => { delete field(order(s), "status").enum; }, ["enum-removed status compatible/breaking"], "major", "breaks"],
  // Ranges and formats
  ["range narrowed", (s) => { Object.assign(field(order(s), "rating"), { maximum: 4, example: "4" }); },
    ["range-narrowed rating breaking/none", "example-changed rating docs/docs"], "major", "compiles"],
  ["range widened", (s) => { field(order(s), "rating").maximum = 10; }, ["range-widened rating compatible/none"], "minor", "compiles"],
  ["explicit bound on a float (unbounded before)", (s) => { field(shipment(s), "weight").maximum = 2; }, ["range-narrowed weight breaking/none"], "major", "compiles"],
  ["format added", (s) => { Object.assign(field(order(s), "note"), { format: "email", example: "x@y.io" }); },
    ["format-added note breaking/none", "example-changed note docs/docs"], "major", "compiles"],
  ["format removed", (s) => { delete field(order(s), "email").format; }, ["format-removed email compatible/none"], "minor", "compiles"],
  ["format changed", (s) => { Object.assign(field(order(s), "email"), { format: "uri", example: "mailto:a" }); },
    ["format-changed email breaking/none", "example-changed email docs/docs"], "major", "compiles"],
  // Entities, custom fields, tags, nested tables
  ["custom fields withdrawn", (s) => { order(s).customFields = false; }, ["custom-fields-withdrawn (entity) breaking/breaking"], "major", "breaks"],
  ["custom fields allowed", (s) => { shipment(s).customFields = true; }, ["custom-fields-allowed (entity) compatible/compatible"], "minor", "breaks"],
  ["tag removed", (s) => { order(s).tags = []; }, ["tag-removed (entity) breaking/breaking"], "major", "breaks"],
  ["tag added", (s) => { shipment(s).tags = ["SUPPORT_IGNORED_UPDATE_CFS"]; }, ["tag-added (entity) compatible/compatible"], "minor", "breaks"],
  ["entity removed", (s) => { s.specs = s.specs.filter((x) => x.objectType !== "shipment"); }, ["entity-removed (entity) breaking/breaking"], "major", "breaks"],
  ["entity added", (s) => { s.specs.push({ objectType: "refund", title: "Refund Entity", fields: [{ name: "refundId", docType: "String", type: "string", required: true }] }); },
    ["entity-added (entity) compatible/warning"], "minor", "breaks"],
  ["nested table renamed (its title changed)", (s) => {
    (order(s).tables as SpecDoc[])[0]!.title = "Line Item Entity";
    field(order(s), "items").table = "Line Item Entity";
  }, ["table-renamed LineItem none/breaking", "title-changed LineItem docs/docs"], "major", "breaks"],
  ["nested table renamed and narrowed", (s) => {
    (order(s).tables as SpecDoc[])[0]!.title = "Line Item Entity";
    field(order(s), "items").table = "Line Item Entity";
    field(order(s), "quantity", "Line Item Entity").maximum = 3;
  }, ["table-renamed LineItem none/breaking", "title-changed LineItem docs/docs", "range-narrowed LineItem.quantity breaking/none"], "major", "breaks"],
  ["nested table removed with the field that held it", (s) => { dropField(order(s), "items"); order(s).tables = []; },
    ["field-removed items compatible/breaking", "table-removed OrderItem none/breaking"], "major", "breaks"],
  ["field removed from a closed nested table", (s) => { (order(s).tables as SpecDoc[])[0]!.fields.pop(); }, ["field-removed OrderItem.quantity breaking/breaking"], "major", "breaks"],
  ["range narrowed in a nested table", (s) => { field(order(s), "quantity", "Order Item Entity").maximum = 3; }, ["range-narrowed OrderItem.quantity breaking/none"], "major", "compiles"],
  // Documentation only
  ["description edited", (s) => { field(order(s), "note").description = "A free note"; }, ["description-changed note docs/docs"], "patch", "compiles"],
  ["example edited", (s) => { field(order(s), "note").example = "bye"; }, ["example-changed note docs/docs"], "patch", "compiles"],
  ["doc type edited", (s) => { field(order(s), "note").docType = "Text"; }, ["doc-type-changed note docs/docs"], "patch", "compiles"],
  ["entity title edited", (s) => { order(s).title = "Sales Order Entity"; }, ["title-changed (entity) docs/docs"], "patch", "compiles"],
  ["erratum added", (s) => { order(s).errata = [{ field: "note", property: "description", doc: "Free note", corrected: "Free-form note", note: "typo" }]; },
    ["errata-changed note docs/docs", "description-changed note docs/docs"], "patch", "compiles"],
  // Package and API
  ["package renamed", (s) => { s.api.package = { name: "other-name", version: "1.0.0" }; }, ["package-renamed (package) none/breaking"], "major", "compiles"],
  ["ingestion path changed", (s) => { s.api.paths = { ingestion: "/v2/ingest" }; }, ["api-path-changed (package) warning/breaking"], "major", "compiles"],
  ["server URL changed", (s) => { s.api.server = { url: "https://x.example" }; }, ["api-info-changed (package) docs/docs"], "patch", "compiles"],
  // The base states no headers (the generator's defaults); the head renames the token's.
  ["a credential header renamed", (s) => { s.api.headers = { ...DEFAULT_API.headers, token: { ...DEFAULT_API.headers.token, name: "X-Pass" } }; },
    ["api-header-changed (package) warning/breaking"], "major", "compiles"],
  ["rate limits and their header changed", (s) => { s.api.rateLimits = { header: "Retry-In", limits: [{ requests: 5, per: "1 blink" }] }; }, ["api-info-changed (package) docs/docs", "api-info-changed (package) docs/docs"], "patch", "compiles"],
  // The base states no envelope (the generator's defaults); the head writes it with one edit.
  ["envelope descriptions changed", (s) => { s.api.envelope = envelopeYaml({ edit: (f) => (f.name === "source" ? { ...f, description: "The system the records come from." } : f), entries: "The records." }); },
    ["description-changed IngestionRequest.source docs/docs", "description-changed IngestionRequest.entries docs/docs"], "patch", "compiles"],
  ["a required envelope field added", (s) => { s.api.envelope = envelopeYaml({ add: { pos: null, name: "batchId", description: "A made-up batch id.", required: true, example: "B-1" } }); },
    ["field-added IngestionRequest.batchId breaking/breaking"], "major", "breaks"],
  ["an optional envelope field added", (s) => { s.api.envelope = envelopeYaml({ add: { pos: null, name: "batchId", description: "A made-up batch id.", required: false, example: null } }); },
    ["field-added IngestionRequest.batchId compatible/compatible"], "minor", "compiles"],
  ["an optional envelope field made required", (s) => { s.api.envelope = envelopeYaml({ edit: (f) => (f.required ? f : { ...f, required: true }) }); },
    DEFAULT_API.envelope.fields.filter((f) => !f.required).map((f) => `made-required IngestionRequest.${f.name} breaking/breaking`), "major", "breaks"],
  ["the envelope's optional fields removed", (s) => { s.api.envelope = envelopeYaml({ edit: (f) => (f.required ? f : null) }); },
    DEFAULT_API.envelope.fields.filter((f) => !f.required).map((f) => `field-removed IngestionRequest.${f.name} breaking/breaking`), "major", "breaks"],
  ["the custom-field names of ignoredUpdateCfs's example changed", (s) => { s.api.envelope = envelopeYaml({ customFields: ["loyaltyTier", "pointsBalance"] }); },
    ["example-changed IngestionRequest.ignoredUpdateCfs docs/docs"], "patch", "compiles"],
  ["entry limit lowered", (s) => { s.api.entries = { min: 1, max: 20 }; }, ["entry-limit-narrowed (package) breaking/none"], "major", "compiles"],
  ["entry limit raised", (s) => { s.api.entries = { min: 1, max: 100 }; }, ["entry-limit-widened (package) compatible/none"], "minor", "compiles"],
];

