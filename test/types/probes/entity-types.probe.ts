// Type-level probe of the generated entity types, compiled by test/types/types.test.ts against the package
// generated from the made-up specs in test/specs/types/ (never against generated/). Plain lines must
// compile; the line after each `// @ts-expect-error TS2322 <backquoted text> why` must fail with exactly the
// codes stated, and one of its messages must contain the backquoted text (so a line failing for another
// reason fails the test). Keep each statement on one line: diagnostics are matched by line number.
import type { ClubMember, ClubGuest, ClubPass, ClubCard, MemberAddress, ClubMemberLevel } from "./out/index.js";
import { CLUB_MEMBER_LEVEL_VALUES, CLUB_GUEST_RELATION_VALUES, isClubMemberLevel } from "./out/index.js";

// club-member: phone or email, and fullName or firstName + lastName.
export const phoneAndFullName: ClubMember = { memberId: "M1", phone: "0900000001", fullName: "Ada Lovelace" };
export const emailAndSplitName: ClubMember = { memberId: "M1", email: "ada@example.com", firstName: "Ada", lastName: "Lovelace" };
export const optionalNulls: ClubMember = { memberId: "M1", phone: "0900000001", fullName: "A", email: null, joinedAt: null, level: null };
export const customFields: ClubMember<{ customField01: { any: string } }> = { memberId: "M1", phone: "1", fullName: "A", customField01: { any: "value" } };
// @ts-expect-error TS2561 `'emial' does not exist` closed by default: a misspelt field (or a custom field not named in the type parameter) does not compile
export const misspelt: ClubMember = { memberId: "M1", phone: "1", fullName: "A", emial: "a@b.example" };
// @ts-expect-error TS2344 `is not assignable to type 'JsonValue` a custom field's value must be JSON
export const notJson: ClubMember<{ customField01: () => void }> = { memberId: "M1", phone: "1", fullName: "A", customField01: () => undefined };
// Custom fields declared as an interface (no index signature), one of them optional.
interface OrgFields { customField01: string; customFieldLong03?: number }
export const customInterface: ClubMember<OrgFields> = { memberId: "M1", phone: "1", fullName: "A", customField01: "gold" };
interface DatedFields { joinedOn: Date }
// @ts-expect-error TS2344 `is not assignable to type 'JsonValue` an interface's custom field must be JSON too
export type NotJsonInterface = ClubMember<DatedFields>;
export const explicitUndefined: ClubMember = { memberId: "M1", phone: "1", fullName: "A", email: undefined };
// @ts-expect-error TS2322 `Property 'email' is missing` neither phone nor email
export const noContact: ClubMember = { memberId: "M1", fullName: "A" };
// @ts-expect-error TS2322 `Property 'email' is missing` phone present but null does not satisfy "Phone Required if Email is missing"
export const nullPhone: ClubMember = { memberId: "M1", phone: null, fullName: "A" };
// @ts-expect-error TS2322 `Property 'lastName' is missing` firstName without lastName, and no fullName
export const halfName: ClubMember = { memberId: "M1", email: "a@b.example", firstName: "Ada" };
// @ts-expect-error TS2322 `Property 'memberId' is missing` memberId is required
export const noId: ClubMember = { phone: "1", fullName: "A" };
// @ts-expect-error TS2820 `"Gold"` enums are exact and case-sensitive
export const badLevel: ClubMember = { memberId: "M1", phone: "1", fullName: "A", level: "Gold" };
// @ts-expect-error TS2322 `Type 'string' is not assignable to type 'number'` a Timestamp is a number of milliseconds, not a string
export const stringJoinedAt: ClubMember = { memberId: "M1", phone: "1", fullName: "A", joinedAt: "1988-06-15" };

// Reading an optional field on a value of the type still works.
export function contact(c: ClubMember): string {
  const phone: string | null | undefined = c.phone;
  return phone ?? c.email ?? "";
}

// Each enum has a guard that narrows a string.
export function narrowed(s: string): ClubMemberLevel | null {
  return isClubMemberLevel(s) ? s : null;
}

// Enum values are exported as readonly arrays whose element type is the union.
export const levels: readonly ClubMemberLevel[] = CLUB_MEMBER_LEVEL_VALUES;
// @ts-expect-error TS2339 `Property 'push' does not exist` the values array is readonly
CLUB_MEMBER_LEVEL_VALUES.push("x");
export const firstRelation: "child" = CLUB_GUEST_RELATION_VALUES[0];

// club-guest: memberId, guestId, relation required; fullName or first + last name.
export const guest: ClubGuest = { memberId: "M1", guestId: "G1", relation: "spouse", fullName: "Grace Hopper" };
// @ts-expect-error TS2820 `"Spouse"` "spouse" is a value; "Spouse" is not
export const badRelation: ClubGuest = { memberId: "M1", guestId: "G1", relation: "Spouse", fullName: "A" };

// club-pass: one of memberId, memberEmail, memberPhone; passId and issuedAt.
export const byPhone: ClubPass = { memberPhone: "0900000001", passId: "P1", issuedAt: 1584507164000 };
// @ts-expect-error TS2322 `Property 'memberPhone' is missing` no member reference at all
export const noMember: ClubPass = { passId: "P1", issuedAt: 1584507164000 };

// Closed tables reject unknown keys (no custom fields): a nested table and a closed entity.
export const address: MemberAddress = { addressType: "Home", city: "Springfield", district: "Downtown", address: "1 Main Street" };
// @ts-expect-error TS2353 `'customField01' does not exist` the address table has no custom fields
export const addressExtra: MemberAddress = { addressType: "Home", city: "Springfield", district: "Downtown", address: "1", customField01: 1 };
// @ts-expect-error TS2741 `Property 'city' is missing` city, district and address are all required
export const addressNoCity: MemberAddress = { addressType: "Home", district: "Downtown", address: "1" };
export const card: ClubCard = { memberId: "M1", imageUrl: "https://example.com/card.png", primary: true };
// @ts-expect-error TS2322 `Type 'string' is not assignable to type 'boolean'` primary is a Boolean
export const cardPrimary: ClubCard = { memberId: "M1", imageUrl: "https://example.com/card.png", primary: "true" };
// @ts-expect-error TS2741 `Property 'imageUrl' is missing` imageUrl is required
export const cardNoUrl: ClubCard = { memberId: "M1", primary: true };
// @ts-expect-error TS2353 `'customField01' does not exist` a closed entity has no custom fields
export const cardExtra: ClubCard = { memberId: "M1", imageUrl: "https://example.com/card.png", primary: true, customField01: 1 };
