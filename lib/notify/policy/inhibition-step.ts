import { ruleDependencies } from "../../alerts/catalogue";
import type { NotifyStep } from "./policy";

/**
 * Holds back the notices of a rule while an alert reports a dependency of it down (the rule
 * catalogue declares both): one page for one cause.
 */
export const inhibitionStep: NotifyStep = (alert, { outages }) => {
  const dependencies = ruleDependencies(alert.type);
  const cause = outages.find((outage) => outage.id !== alert.id && dependencies.includes(outage.dependency));
  return cause ? { step: "inhibition", text: `${cause.dependency} unreachable (alert ${cause.id})`, inhibitedBy: cause.id } : null;
};
