// The start-up lines operators already look for, one per platform worker; other queues get a plain one.
const WORKER_LINES: Record<string, string> = {
  "credit-score": "Credit score worker initialized",
  "risk-control": "Risk control worker initialized",
  "order-routing": "Order routing worker initialized",
  "vendor-performance": "Vendor performance worker initialized",
  "price-intelligence": "Price intelligence worker initialized",
  recovery: "Recovery worker initialized - crash recovery enabled",
};

export function observedQueueLine(queue: string): string {
  return WORKER_LINES[queue] ?? `${queue} queue observed`;
}
