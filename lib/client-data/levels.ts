export interface Levels {
  warning: number;
  critical: number;
}

/** Which of a rule's levels a figure is above, if any: the colour it is shown in. */
export function levelOf(value: number | null | undefined, levels: Levels): "critical" | "warning" | undefined {
  if (value == null) return undefined;
  if (value > levels.critical) return "critical";
  if (value > levels.warning) return "warning";
  return undefined;
}

/** A rule's levels as a chart's dashed threshold lines. */
export function thresholdLines(levels: Levels): { value: number; level: "warning" | "critical" }[] {
  return [
    { value: levels.warning, level: "warning" },
    { value: levels.critical, level: "critical" },
  ];
}

/** The host rule whose levels colour each host metric. */
export const HOST_METRIC_RULES = { cpu: "HIGH_CPU_USAGE", memory: "HIGH_MEMORY_USAGE", disk: "HIGH_DISK_USAGE" } as const;
