import { describe, expect, test } from "vitest";
import { maskActor, recipientLabel } from "./recipient";

describe("recipientLabel", () => {
  test("names the channel kind and where the delivery went", () => {
    expect(recipientLabel({ channel: "EMAIL", recipient: "ops@example.com", channelName: null })).toBe("email:ops@example.com");
    expect(recipientLabel({ channel: "SMS", recipient: "+9779800000000", channelName: "on-call" })).toBe("sms:+9779800000000");
    expect(recipientLabel({ channel: "WEBHOOK", recipient: "https://hooks.slack.com/…", channelName: "team-slack" })).toBe("webhook:team-slack");
  });
});

describe("maskActor", () => {
  test.each([
    ["email:ops@example.com", "email:o…@example.com"],
    ["email:ops@example.com, dev@khaacho.com", "email:o…@example.com, d…@khaacho.com"],
    ["sms:+9779800000000", "sms:+977…00"],
    ["webhook:team-slack", "webhook:team-slack"],
    ["admin@khaacho.test", "admin@khaacho.test"],
    ["system", "system"],
  ])("%s is shown as %s", (actor, shown) => {
    expect(maskActor(actor)).toBe(shown);
  });

  test("leaves an absent actor absent", () => {
    expect(maskActor(null)).toBeNull();
  });
});
