import { readFileSync } from "node:fs";
import { compileTexts } from "../support/compile.ts";
import type { Model } from "../../generator/model/ir.ts";
import { generatePackage, type Is, type Result, type TempPackage, type Validate } from "./support.ts";

// The made-up patron specs (test/specs/made-up/patron*.yaml) and API facts, so the validator tests hand-write
// records of entities the documentation never changes: a doc change touches specs/ and pages/, never these tests.

const FILES = ["patron.yaml", "patron-address.yaml", "patron-email.yaml", "patron-card.yaml"];

/** Made-up API facts: only the entry limits (1 to 50) matter to the validators. */
const API = `package:
  name: patron-schemas
  version: 0.1.0
title: Patron API
server:
  url: https://patrons.example/api
paths:
  ingestion: /in
  authentication: /auth
callbackName: cb
entries:
  min: 1
  max: 50
`;

/** The patron validators, generated from the made-up specs and imported, with typed accessors. */
export interface Patrons {
  readonly pkg: TempPackage;
  readonly validate: (objectType: string) => Validate;
  readonly is: (objectType: string) => Is;
  readonly validateRequest: Validate;
  readonly isRequest: Is;
}

/** The model of the made-up specs, compiled in memory (throws on any diagnostic, warnings included). */
export function patronModel(): Model {
  const texts = Object.fromEntries(FILES.map((f) => [f, readFileSync(`test/specs/made-up/${f}`, "utf8")]));
  const { model, diagnostics } = compileTexts(texts, API);
  if (!model || diagnostics.length) throw new Error(`made-up specs: ${diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`).join("\n")}`);
  return model;
}

/** Compiles the made-up specs in memory and imports their generated validators (remove with removeTempPackages). */
export async function patrons(): Promise<Patrons> {
  const model = patronModel();
  const pkg = await generatePackage(model);
  const entity = (t: string) => model.entities.find((e) => e.objectType === t) ?? fail(t);
  const fn = <T>(name: string): T => (pkg.validators[name] as T | undefined) ?? fail(name);
  return {
    pkg,
    validate: (t) => fn<Validate>(entity(t).validateName),
    is: (t) => fn<Is>(entity(t).isName),
    validateRequest: fn<Validate>("validateIngestionRequest"),
    isRequest: fn<Is>("isIngestionRequest"),
  };
}

function fail(name: string): never {
  throw new Error(`no ${name} in the made-up package`);
}

export type { Result };

/** A valid record of each made-up entity. */
export const patron = { patronId: "P-0001", mobile: "0900000001", displayName: "Mai Tran" };
export const address = { patronId: "P-0001", kind: "Home", town: "Da Lat", quarter: "Ward 3", street: "12 Hill Road" };
export const email = { patronId: "P-0001", mail: "mai@example.com", mailKind: "Business" };
export const card = { patronId: "P-0001", source: "Kiosk", imageUrl: "https://example.com/card/1.png" };
