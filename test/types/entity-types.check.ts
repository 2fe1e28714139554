// Type-level tests: compiled by `tsc --noEmit` (npm run typecheck), never run. Each @ts-expect-error
// line must fail to compile (tsc reports an unused directive otherwise); the plain lines must compile.
import type {
  CustomerIdentity, CustomerRelationship, CustomerMembership, CustomerIdentityAddress, CustomerIdentityEmail, CustomerIdentityPhoto,
  CustomerIdentityGender,
} from "../../generated/index.ts";
import { CUSTOMER_IDENTITY_GENDER_VALUES, CUSTOMER_RELATIONSHIP_RELATIONSHIP_VALUES, isCustomerIdentityGender } from "../../generated/index.ts";

// customer-identity: phone or email, and fullName or firstName + lastName.
export const phoneAndFullName: CustomerIdentity = { customerId: "C1", phone: "0359685600", fullName: "Nguyễn Minh Đệ" };
export const emailAndSplitName: CustomerIdentity = { customerId: "C1", email: "de@example.vn", firstName: "Đệ", lastName: "Nguyễn" };
export const optionalNulls: CustomerIdentity = { customerId: "C1", phone: "0359685600", fullName: "A", email: null, dob: null, gender: null };
export const customFields: CustomerIdentity<{ customField01: { any: string } }> = { customerId: "C1", phone: "1", fullName: "A", customField01: { any: "value" } };
// @ts-expect-error closed by default: a misspelt field (or a custom field not named in the type parameter) does not compile
export const misspelt: CustomerIdentity = { customerId: "C1", phone: "1", fullName: "A", emial: "a@b.vn" };
// @ts-expect-error a custom field's value must be JSON
export const notJson: CustomerIdentity<{ customField01: () => void }> = { customerId: "C1", phone: "1", fullName: "A", customField01: () => undefined };
export const explicitUndefined: CustomerIdentity = { customerId: "C1", phone: "1", fullName: "A", email: undefined };
// @ts-expect-error neither phone nor email
export const noContact: CustomerIdentity = { customerId: "C1", fullName: "A" };
// @ts-expect-error phone present but null does not satisfy "Phone Required if Email is missing"
export const nullPhone: CustomerIdentity = { customerId: "C1", phone: null, fullName: "A" };
// @ts-expect-error firstName without lastName, and no fullName
export const halfName: CustomerIdentity = { customerId: "C1", phone: "1", firstName: "Đệ" };
// @ts-expect-error customerId is required
export const noId: CustomerIdentity = { phone: "1", fullName: "A" };
// @ts-expect-error enums are exact and case-sensitive
export const badGender: CustomerIdentity = { customerId: "C1", phone: "1", fullName: "A", gender: "Male" };
// @ts-expect-error a Timestamp is a number of milliseconds, not a string
export const stringDob: CustomerIdentity = { customerId: "C1", phone: "1", fullName: "A", dob: "1988-06-15" };

// Reading an optional field on a value of the type still works.
export function contact(c: CustomerIdentity): string {
  const phone: string | null | undefined = c.phone;
  return phone ?? c.email ?? "";
}

// Each enum has a guard that narrows a string.
export function narrowed(s: string): CustomerIdentityGender | null {
  return isCustomerIdentityGender(s) ? s : null;
}

// Enum values are exported as readonly arrays whose element type is the union.
export const genders: readonly CustomerIdentityGender[] = CUSTOMER_IDENTITY_GENDER_VALUES;
// @ts-expect-error the values array is readonly
CUSTOMER_IDENTITY_GENDER_VALUES.push("x");
export const firstRelationship: "child" = CUSTOMER_RELATIONSHIP_RELATIONSHIP_VALUES[0];

// customer-relationship: customerId, relationshipId, relationship required; fullName or first + last name.
export const relationship: CustomerRelationship = { customerId: "C1", relationshipId: "R1", relationship: "spouse", fullName: "Trần Thị Hoa" };
// @ts-expect-error "wife" is a value; "Wife" is not
export const badRelationship: CustomerRelationship = { customerId: "C1", relationshipId: "R1", relationship: "Wife", fullName: "A" };

// customer-membership: one of customerId, customerEmail, customerPhone; membershipId and membershipIssuedAt.
export const byPhone: CustomerMembership = { customerPhone: "0901234567", membershipId: "M1", membershipIssuedAt: 1584507164000 };
// @ts-expect-error no customer reference at all
export const noCustomer: CustomerMembership = { membershipId: "M1", membershipIssuedAt: 1584507164000 };

// Closed entities reject unknown keys (no custom fields).
export const address: CustomerIdentityAddress = { customerId: "C1", addressType: "Live", city: "Hồ Chí Minh", district: "Tân Phú", address: "278 Hòa Bình" };
// @ts-expect-error address has no custom fields
export const addressExtra: CustomerIdentityAddress = { customerId: "C1", addressType: "Live", city: "HCM", district: "Tân Phú", address: "1", customField01: 1 };
// @ts-expect-error city, district and address are all required
export const addressNoCity: CustomerIdentityAddress = { customerId: "C1", addressType: "Live", district: "Tân Phú", address: "1" };
export const email: CustomerIdentityEmail = { customerId: "C1", email: "a@b.vn", emailType: "Personal", primary: true };
// @ts-expect-error primary is a Boolean
export const emailPrimary: CustomerIdentityEmail = { customerId: "C1", email: "a@b.vn", emailType: "Personal", primary: "true" };
export const photo: CustomerIdentityPhoto = { customerId: "C1", source: "Facebook", imageUrl: "https://example.vn/a.png" };
// @ts-expect-error imageUrl is required
export const photoNoUrl: CustomerIdentityPhoto = { customerId: "C1", source: "Facebook" };
