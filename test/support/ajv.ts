import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { INCOMPLETE_KEYWORD } from "../../generator/emit/json-schema/emit-json-schema.ts";

/** Ajv 2020 with ajv-formats (full mode), strict, all errors: the independent oracle. */
export function makeAjv() {
  const ajv = new Ajv2020.default({ allErrors: true, strict: true });
  addFormats.default(ajv);
  ajv.addKeyword(INCOMPLETE_KEYWORD); // the generated schemas' annotation of a table the saved page cuts short
  return ajv;
}
