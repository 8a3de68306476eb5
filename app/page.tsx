import { redirect } from "next/navigation";
import { getContext } from "@/lib/auth/context";
import { HOME } from "@/lib/auth/navigation";

export default async function Root() {
  const ctx = await getContext();
  redirect(ctx ? HOME[ctx.role] : "/sign-in");
}
