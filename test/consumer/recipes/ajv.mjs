// The JSON Schema with Ajv: the schemas are draft 2020-12 (ajv/dist/2020) and use the email, uri and date formats
// (ajv-formats); x-pango-incomplete marks a table the saved documentation page cuts short.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import schema from "pango-cdp-schemas/json-schema/ingestion-request.schema.json" with { type: "json" };

const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
ajv.addKeyword("x-pango-incomplete");
const validate = ajv.compile(schema);

const person = { customerId: "C-001", email: "an@example.com", fullName: "Nguyễn Văn An" };
console.log(JSON.stringify({
  valid: validate({ objectType: "customer-identity", source: "crm", entries: [person] }),
  invalid: validate({ objectType: "customer-identity", source: "crm", entries: [{ ...person, email: "an@" }] }),
}));
