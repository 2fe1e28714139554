// Type-level tests: the generated Standard Schema objects against @standard-schema/spec's own interfaces, and Hono's
// standard validator accepting them (compiled by `npm run typecheck`).
import type { StandardJSONSchemaV1, StandardSchemaV1 } from "@standard-schema/spec";
import { sValidator } from "@hono/standard-validator";
import { CustomerIdentitySchema, CustomerIdentityAddressSchema, IngestionRequestSchema, type CustomerIdentity, type IngestionRequest } from "../../generated/index.ts";

export const asStandard: StandardSchemaV1<CustomerIdentity> = CustomerIdentitySchema;
export const asJsonSchema: StandardJSONSchemaV1<CustomerIdentity> = CustomerIdentitySchema;
export const request: StandardSchemaV1<IngestionRequest> = IngestionRequestSchema;

// The inferred output is the entity type, rules included.
export const inferred: StandardSchemaV1.InferOutput<typeof CustomerIdentitySchema> = { customerId: "C1", email: "a@b.vn", fullName: "A" };
// @ts-expect-error the inferred type keeps the doc's rule: phone or email
export const inferredNoContact: StandardSchemaV1.InferOutput<typeof CustomerIdentitySchema> = { customerId: "C1", fullName: "A" };
// @ts-expect-error one entity's schema is not another's
export const wrongEntity: StandardSchemaV1<CustomerIdentity> = CustomerIdentityAddressSchema;

export const middleware = sValidator("json", CustomerIdentitySchema);
