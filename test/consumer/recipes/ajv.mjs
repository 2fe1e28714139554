// The JSON Schema with Ajv: the schemas are draft 2020-12 (ajv/dist/2020) and use the email, uri and date formats
// (ajv-formats); x-pango-incomplete marks a table the saved documentation page cuts short.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import schema from "pango-cdp-schemas/json-schema/ingestion-request.schema.json" with { type: "json" };
import identitySchema from "pango-cdp-schemas/json-schema/customer-identity.schema.json" with { type: "json" };
import { fixtures, ingestionRequestFixtures } from "pango-cdp-schemas/fixtures";

const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
ajv.addKeyword("x-pango-incomplete");
// One Ajv for an entity and the request: the request schema embeds each entity's file as it is, so compile the
// entities first (Ajv refuses to compile a schema whose $id it already holds; ajv.getSchema($id) then gives it).
const validateRecord = ajv.compile(identitySchema);
const validate = ajv.compile(schema);

const { objectType, example, invalid } = fixtures["customer-identity"];
// A request's other fields (source, …) as the package's own request fixtures give them.
const { entries, ...envelope } = ingestionRequestFixtures.valid.find((r) => r.objectType === objectType && !r.ignoredUpdateCfs);
const request = (record) => ({ ...envelope, entries: [record] });
console.log(JSON.stringify({
  valid: validate(request(example)) && validateRecord(example),
  rejected: invalid.filter((f) => !validate(request(f.record)) && !validateRecord(f.record)).length,
}));
