import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  /** The decoded text/plain and text/html parts, joined. */
  body: string;
}

/** A local SMTP server that accepts every message; on `port`, or any free one. */
export async function startFakeSmtp(port = 0) {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: header(raw, "subject"),
          body: decodeParts(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: listening } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${listening}`, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, " ");
  return head.match(new RegExp(`^${name}: (.*)$`, "im"))?.[1] ?? "";
}

// Enough MIME for nodemailer's output: split on boundaries, undo quoted-printable or base64.
function decodeParts(raw: string): string {
  return raw
    .split(/\r?\n--[^\r\n]+/)
    .map((part) => {
      const [head, ...rest] = part.split(/\r?\n\r?\n/);
      const content = rest.join("\n\n");
      if (/content-transfer-encoding: quoted-printable/i.test(head)) {
        const bytes = content.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
        return Buffer.from(bytes, "latin1").toString("utf8");
      }
      if (/content-transfer-encoding: base64/i.test(head)) return Buffer.from(content, "base64").toString("utf8");
      return /content-type: text\//i.test(head) ? content : "";
    })
    .join("\n");
}

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A local HTTP server playing an SMS gateway or webhook receiver. It answers `status` after
 * `delayMs`; while `hold()` is in effect it keeps requests waiting until the returned release is called.
 */
/** A local HTTP receiver recording every request; on `port`, or any free one. */
export async function startFakeHttp(port = 0) {
  const requests: ReceivedRequest[] = [];
  let held: Array<() => void> | null = null;
  const state = { status: 200, responseBody: "{}", delayMs: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const answer = () => setTimeout(() => res.writeHead(state.status, { "content-type": "application/json" }).end(state.responseBody), state.delayMs);
      if (held) held.push(answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: listening } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${listening}`,
    requests,
    state,
    hold() {
      held = [];
      return () => {
        const waiting = held ?? [];
        held = null;
        for (const answer of waiting) answer();
      };
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** Polls `check` until it returns a value other than undefined/false (for conditions reached by other code). */
export async function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A TCP proxy to a local service that the test can cut (an outage) and restore. */
export async function startTcpProxy(targetPort: number) {
  const open = new Set<net.Socket>();
  const state = { down: false, refused: 0 };
  const server = net.createServer((client) => {
    if (state.down) {
      state.refused++;
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, "127.0.0.1");
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on("close", () => open.delete(socket));
      socket.on("error", () => {});
    }
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    state,
    cut() {
      state.down = true;
      for (const socket of open) socket.destroy();
    },
    restore() {
      state.down = false;
    },
    close: () => new Promise<void>((resolve) => { for (const socket of open) socket.destroy(); server.close(() => resolve()); }),
  };
}
