import { staffContext } from "@/lib/auth/page";

// Vendor-side pages. Partners get a 404 here (UX); the data layer scopes every query regardless.
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  await staffContext();
  return children;
}
