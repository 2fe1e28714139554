// A webhook receiver for Pango's ingestion callback: check the body, then read each record's outcome. The doc's
// table names the error field errorMessage while its sample spells it errorMess, so read either.
import { Hono } from "hono";
import { validateIngestionCallback } from "pango-cdp-schemas";

const app = new Hono();
app.post("/pango/callback", async (c) => {
  const checked = validateIngestionCallback(await c.req.json());
  if (!checked.ok) return c.json({ issues: checked.issues }, 400);
  const outcomes = Object.entries(checked.value.data).map(([refId, result]) =>
    result.status === 200 ? `${refId} stored as ${result.cdpId}` : `${refId} failed: ${result.errorMessage ?? result.errorMess}`);
  return c.json({ outcomes });
});

const send = async (body) => (await app.request("/pango/callback", { method: "POST", body: JSON.stringify(body) })).json();
console.log(JSON.stringify({
  ok: await send({ data: { "ref-1": { status: 200, cdpId: "cdp-9" }, "ref-2": { status: 101, errorMess: "Missing phone" } } }),
  bad: (await send({ data: { "ref-1": { cdpId: "cdp-9" } } })).issues.map((i) => `${i.path} ${i.code}`),
}));
