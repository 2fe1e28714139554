// Type-level probe: the generated Standard Schema objects against @standard-schema/spec's own interfaces, and
// Hono's standard validator accepting them; compiled by test/types/types.test.ts against the package generated
// from the made-up specs in test/specs/types/ (same conventions as entity-types.probe.ts).
import type { StandardJSONSchemaV1, StandardSchemaV1 } from "@standard-schema/spec";
import { sValidator } from "@hono/standard-validator";
import { ClubMemberSchema, MemberAddressSchema, ClubCardSchema, IngestionRequestSchema, type ClubMember, type ClubCard, type IngestionRequest } from "./out/index.js";

export const asStandard: StandardSchemaV1<ClubMember> = ClubMemberSchema;
export const asJsonSchema: StandardJSONSchemaV1<ClubMember> = ClubMemberSchema;
export const request: StandardSchemaV1<IngestionRequest> = IngestionRequestSchema;
export const closed: StandardSchemaV1<ClubCard> = ClubCardSchema;

// The inferred output is the entity type, rules included.
export const inferred: StandardSchemaV1.InferOutput<typeof ClubMemberSchema> = { memberId: "M1", email: "a@b.example", fullName: "A" };
// @ts-expect-error TS2322 `Property 'email' is missing` the inferred type keeps the doc's rule: phone or email
export const inferredNoContact: StandardSchemaV1.InferOutput<typeof ClubMemberSchema> = { memberId: "M1", fullName: "A" };
// @ts-expect-error TS2322 `MemberAddress` one table's schema is not another's
export const wrongTable: StandardSchemaV1<ClubMember> = MemberAddressSchema;

export const middleware = sValidator("json", ClubMemberSchema);
