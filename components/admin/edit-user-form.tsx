"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { updateUserAction } from "@/lib/actions/admin-users";
import { Button } from "@/components/ui/button";
import { UNREACHABLE } from "@/components/ui/use-action";
import type { Role } from "@/lib/auth/types";
import { RoleFields, type RoleFieldValues } from "./user-fields";

type User = { id: string; name: string; role: Role; title: string | null; partnerId: string | null; active: boolean };

export function EditUserForm({ user, partners }: { user: User; partners: { id: string; name: string }[] }) {
  const router = useRouter();
  const [roleFields, setRoleFields] = useState<RoleFieldValues>({
    role: user.role,
    title: user.title ?? "",
    partnerId: user.partnerId ?? "",
  });
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState<{ tone: "error" | "ok"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function save(active: boolean, done: string) {
    setPending(true);
    setMessage(null);
    const res = await updateUserAction({ id: user.id, ...roleFields, active }).catch(() => null);
    setPending(false);
    if (!res) return setMessage({ tone: "error", text: UNREACHABLE });
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      return setMessage({ tone: "error", text: res.message });
    }
    setErrors({});
    setMessage({ tone: "ok", text: done });
    router.refresh();
  }

  return (
    <div className="space-y-6">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save(user.active, "Saved. It applies from the user's next click.");
        }}
        noValidate
        className="grid max-w-xl gap-4"
      >
        <RoleFields value={roleFields} onChange={setRoleFields} partners={partners} errors={errors} />
        <div>
          <Button type="submit" disabled={pending} className="disabled:opacity-60">
            {pending ? "Saving…" : "Save role"}
          </Button>
        </div>
      </form>
      <div className="border-t border-slate-200 pt-4">
        <p className="mb-2 text-sm text-slate-600">
          {user.active
            ? "A disabled user cannot sign in, and an open session is refused on its next click."
            : "This user is disabled and cannot sign in."}
        </p>
        <Button
          type="button"
          variant={user.active ? "danger" : "secondary"}
          disabled={pending}
          onClick={() =>
            void save(!user.active, user.active ? `${user.name} is disabled.` : `${user.name} is enabled.`)
          }
        >
          {user.active ? `Disable ${user.name}` : `Enable ${user.name}`}
        </Button>
      </div>
      {message && (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={message.tone === "error" ? "text-sm font-medium text-red-700" : "text-sm text-green-800"}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
