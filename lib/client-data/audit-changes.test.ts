import { describe, expect, test } from "vitest";
import { auditChanges } from "./audit-changes";

describe("auditChanges", () => {
  test("a change shows only the fields that differ, before and after", () => {
    expect(auditChanges({ id: "u1", role: "VIEWER" }, { id: "u1", role: "ADMIN" })).toEqual([{ field: "role", before: "VIEWER", after: "ADMIN" }]);
  });

  test("a creation shows every field it set, a removal every field it had", () => {
    expect(auditChanges(null, { name: "ci", expiresAt: null })).toEqual([
      { field: "name", after: "ci" },
      { field: "expiresAt", after: "none" },
    ]);
    expect(auditChanges({ email: "a@example.com", enabled: false }, null)).toEqual([
      { field: "email", before: "a@example.com" },
      { field: "enabled", before: "false" },
    ]);
  });

  test("nested values read as compact JSON and plain values as a single field", () => {
    expect(auditChanges({ levels: { warning: 80 } }, { levels: { warning: 90 } })).toEqual([{ field: "levels", before: '{"warning":80}', after: '{"warning":90}' }]);
    expect(auditChanges(3, 4)).toEqual([{ field: "value", before: "3", after: "4" }]);
  });

  test("an entry without before or after has no changes to show", () => {
    expect(auditChanges(null, null)).toEqual([]);
  });
});
