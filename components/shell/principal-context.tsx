"use client";

import { createContext, type ReactNode, useContext } from "react";

export interface SignedInUser {
  name: string;
  role: "ADMIN" | "VIEWER";
}

const PrincipalContext = createContext<SignedInUser | null>(null);

export function PrincipalProvider({ user, children }: { user: SignedInUser; children: ReactNode }) {
  return <PrincipalContext.Provider value={user}>{children}</PrincipalContext.Provider>;
}

export function useSignedInUser(): SignedInUser {
  const user = useContext(PrincipalContext);
  if (!user) throw new Error("useSignedInUser needs a PrincipalProvider");
  return user;
}

/** Whether to offer changes (acknowledge, resolve, settings); the API refuses them to others anyway. */
export function useCanChange(): boolean {
  return useSignedInUser().role === "ADMIN";
}
