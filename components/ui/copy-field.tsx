"use client";

import { useRef, useState } from "react";
import { Button } from "./button";

/** A read-only value with a copy button; falls back to selecting it where the clipboard API is unavailable. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "select" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      input.current?.select();
      setCopied("select");
    }
  }

  return (
    <div className="space-y-1">
      <span className="block text-sm font-medium text-slate-700">{label}</span>
      <div className="flex gap-2">
        <input
          ref={input}
          readOnly
          value={value}
          aria-label={label}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs text-slate-900"
        />
        <Button onClick={copy}>{copied === "yes" ? "Copied" : "Copy"}</Button>
      </div>
      <p aria-live="polite" className="text-xs text-slate-500">
        {copied === "yes" ? "Copied to the clipboard." : copied === "select" ? "Selected: press Ctrl+C (⌘C) to copy." : ""}
      </p>
    </div>
  );
}
