import { redirect } from "next/navigation";
import { pageContext } from "@/lib/auth/page";
import { HOME } from "@/lib/auth/navigation";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const ctx = await pageContext();
  if (ctx.role !== "PARTNER") redirect(HOME[ctx.role]);
  return children;
}
