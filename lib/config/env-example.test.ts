import fs from "node:fs";
import { expect, test } from "vitest";
import { definitions } from "./definitions";

test(".env.example lists every variable with its default", () => {
  const lines = fs.readFileSync(".env.example", "utf8").split("\n");
  const listed = new Map(
    lines
      .map((line) => line.match(/^(?:# )?([A-Z][A-Z0-9_]+)=(.*)$/))
      .filter((match): match is RegExpMatchArray => match !== null)
      .map((match) => [match[1], match[2]]),
  );
  expect([...listed.keys()].sort()).toEqual(Object.keys(definitions).sort());
  for (const [name, definition] of Object.entries(definitions)) {
    expect(listed.get(name), name).toBe(definition.defaultValue ?? "");
  }
});
