import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { listSpecFiles } from "../../generator/load/load-specs.ts";

// VS Code support: the YAML extension is recommended, and the spec schema is mapped onto the specs.
describe("editor support (.vscode)", () => {
  const settings = JSON.parse(readFileSync(".vscode/settings.json", "utf8"));

  it("recommends the YAML extension, which reads yaml.schemas and the schema modeline", () => {
    expect(JSON.parse(readFileSync(".vscode/extensions.json", "utf8")).recommendations).toContain("redhat.vscode-yaml");
  });

  it("maps generator/spec/spec.schema.json onto specs/*.yaml, not api.yaml", () => {
    const mapped = settings["yaml.schemas"]["./generator/spec/spec.schema.json"] as string[];
    expect(existsSync("generator/spec/spec.schema.json")).toBe(true);
    expect(mapped).toContain("specs/*.yaml");
    expect(mapped).toContain("!specs/api.yaml");
    expect(settings["yaml.validate"]).toBe(true);
    expect(settings["yaml.completion"]).toBe(true);
  });

  it("every spec's modeline points at the schema, from wherever the spec lives", () => {
    const specs = [...listSpecFiles("specs"), ...listSpecFiles("test/specs/valid"), ...listSpecFiles("test/specs/made-up")];
    expect(specs.length).toBeGreaterThan(0);
    for (const spec of specs) {
      const first = readFileSync(spec, "utf8").split("\n")[0]!;
      const m = /^# yaml-language-server: \$schema=(\S+)$/u.exec(first);
      expect(m, spec).not.toBeNull();
      expect(join(dirname(spec), m![1]!)).toBe(join("generator/spec/spec.schema.json"));
    }
  });
});
