import si from "systeminformation";
import { withTimeout } from "../timeout";
import type { HostUsage } from "./readings";

// systeminformation shells out on some platforms; a hung sample must not stall the collector.
const SAMPLE_TIMEOUT_MS = 10_000;

function percent(value: number): number {
  return Math.round(Math.min(100, Math.max(0, value)) * 10) / 10;
}

/** CPU, memory (not counting reclaimable cache) and root-disk use of this host, in percent. */
export async function sampleHostUsage(): Promise<HostUsage> {
  const [load, memory, disks] = await withTimeout(Promise.all([si.currentLoad(), si.mem(), si.fsSize()]), SAMPLE_TIMEOUT_MS, "systeminformation");
  const disk = disks.find((fs) => fs.mount === "/") ?? disks.toSorted((a, b) => b.size - a.size)[0];
  if (!disk) throw new Error("No file system found to report disk usage");
  return {
    cpu: percent(load.currentLoad),
    memory: percent(((memory.total - memory.available) / memory.total) * 100),
    disk: percent(disk.use),
  };
}
