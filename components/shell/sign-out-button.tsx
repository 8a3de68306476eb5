"use client";
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/sign-in" })}
      className="text-xs font-medium text-slate-300 hover:text-white"
    >
      Sign out
    </button>
  );
}
