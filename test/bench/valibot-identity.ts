// Valibot, the same customer-identity rules as SEMANTICS.md (the bench's size peer): a loose object (custom fields
// pass), the enums, ranges, formats and both conditional rules. Bundled alone by validator-size.ts.
import * as v from "valibot";

const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const present = (x: unknown): boolean => typeof x === "string" && /\S/u.test(x);
function isDate(s: string): boolean {
  const m = /^(\d\d\d\d)-(\d\d)-(\d\d)$/.exec(s);
  if (!m) return false;
  const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && leap ? 29 : [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo]!);
}
const str = v.nullish(v.string());
const int = (min: number, max: number) => v.nullish(v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max)));
const oneOf = (...values: string[]) => v.nullish(v.picklist(values));

/** customer-identity as a Valibot schema. */
export const valibotIdentity = v.pipe(
  v.looseObject({
    timezoneGmt: int(-12, 14), systemName: str, internalCompanyId: str, customerId: v.pipe(v.string(), v.regex(/\S/u)),
    customerGroup: str, identityNo: str, passportNo: str, phone: str, email: v.nullish(v.pipe(v.string(), v.regex(EMAIL))), fullName: str,
    firstName: str, lastName: str, middleName: str, nickNames: v.nullish(v.array(v.string())), gender: oneOf("male", "female", "undefined"),
    dob: int(-8.64e15, 8.64e15), dob2: v.nullish(v.pipe(v.string(), v.check(isDate))), yob: int(-2147483648, 2147483647),
    maritalStatus: oneOf("Single", "Married", "Divorced"), religious: str, country: str, state: str, city: str, district: str, ward: str,
    address: str, building: str, buildingBlock: str, apartmentCode: str, zipCode: str, language: str, status: str,
    sourceChannel: oneOf("Online", "Offline"), sourceName: str, sourceNameLevel2: str, storeId: str, storeCity: str, storeDistrict: str,
    photos: str, createdAt: int(-8.64e15, 8.64e15), createdBy: str, updatedAt: int(-8.64e15, 8.64e15), updatedBy: str,
    recordStatus: oneOf("Active", "Deleted"),
  }),
  v.check((o) => present(o.phone) || present(o.email), "phone or email"),
  v.check((o) => present(o.fullName) || (present(o.firstName) && present(o.lastName)), "fullName, or firstName and lastName"),
);
