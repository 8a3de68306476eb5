import { portalContext } from "@/lib/auth/page";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  await portalContext();
  return children;
}
