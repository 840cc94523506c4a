import { describe, expect, it } from "vitest";
import { questionsForUnitKind } from "../src/domain/template/template-schema.ts";
import { DEFAULT_UNIT_KINDS, storedUnitKinds, unitKindsOf } from "../src/domain/unit-kind.ts";
import { OrgFileError, parseOrgFile } from "../src/organisation/org-file.ts";
import { loadBundledTemplate } from "../src/report/bundled-templates.ts";

const ORG = `organisation:
  name: SỞ NỘI VỤ
  shortName: Sở Nội vụ
  parentName: UBND TỈNH X
  symbol: SNV
  place: X
  signerTitle: GIÁM ĐỐC
  signerName: A
`;

function problemsOf(source: string) {
  try {
    parseOrgFile(source, "org.yaml");
  } catch (error) {
    if (error instanceof OrgFileError) return error.problems;
    throw error;
  }
  throw new Error("the file loaded");
}

describe("unit kinds of the organisation's own", () => {
  it("are defined in the organisation file and used by its units; labels may be Vietnamese only", () => {
    const file = parseOrgFile(`${ORG}unitKinds:
  - { key: one_stop, label: Bộ phận một cửa }
  - key: office
    label: { vi: Văn phòng, en: Office }
units:
  - { code: mot-cua, name: Bộ phận Một cửa, kind: one_stop }
  - { code: van-phong, name: Văn phòng Sở, kind: office }
`);
    expect(file.unitKinds).toEqual([
      { key: "one_stop", label: { vi: "Bộ phận một cửa", en: "Bộ phận một cửa" } },
      { key: "office", label: { vi: "Văn phòng", en: "Office" } },
    ]);
    expect(unitKindsOf(file.unitKinds).map((k) => k.key)).toEqual(["one_stop", "office"]);
  });

  it("a unit of a kind the organisation does not define is refused with its line; so is a kind defined twice", () => {
    const source = `${ORG}unitKinds:
  - { key: office, label: Văn phòng }
  - { key: office, label: Văn phòng 2 }
units:
  - { code: phong-a, name: Phòng A, kind: department }
`;
    const problems = problemsOf(source);
    expect(problems).toEqual([
      { path: "unitKinds[1].key", line: 11, message: 'unit kind "office" is defined twice' },
      { path: "units[0].kind", line: 13, message: "must be one of office" },
    ]);
  });

  it("without kinds of its own, an organisation has the defaults, the six kinds and the office", () => {
    const file = parseOrgFile(`${ORG}units:\n  - { code: phong-a, name: Phòng A, kind: party_cell }\n`);
    expect(file.unitKinds).toEqual([]);
    expect(unitKindsOf(file.unitKinds)).toBe(DEFAULT_UNIT_KINDS);
    expect(DEFAULT_UNIT_KINDS.map((k) => k.key)).toEqual(["office", "department", "affiliated", "trade_union", "youth_union", "party_cell", "other"]);
    expect(storedUnitKinds([{ key: "office", label: { vi: "Văn phòng" } }, { key: "Bad Key" }, null])).toEqual([{ key: "office", label: { vi: "Văn phòng", en: "Văn phòng" } }]);
  });

  it("templates ask by kind: the office is asked for the agency, departments for their own work", () => {
    const template = loadBundledTemplate("cai-cach-hanh-chinh");
    expect(questionsForUnitKind(template, "office").map((q) => q.key)).toContain("direction");
    expect(questionsForUnitKind(template, "department").map((q) => q.key)).not.toContain("direction");
    expect(questionsForUnitKind(template, "department").map((q) => q.key)).not.toContain("tthc_tiep_nhan");
  });
});

describe("the organisation's Nơi nhận lines", () => {
  it("may name the drafting unit; any other {…} is refused with its line", () => {
    expect(() => parseOrgFile(`${ORG}  distribution:\n    - Như trên\n    - "Lưu: VT, {drafterUnit}"\n`)).not.toThrow();
    expect(problemsOf(`${ORG}  distribution:\n    - Như trên\n    - "Lưu: VT, {drafter}"\n`)).toEqual([
      { path: "organisation.distribution[1]", line: 11, message: "{drafter} is not a placeholder here; allowed: {drafterUnit}, {org}, {orgShort}" },
    ]);
  });
});

