"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { updateUserAction } from "@/lib/actions/admin-users";
import { Button } from "@/components/ui/button";
import { ConfirmButton, type ConfirmOutcome } from "@/components/ui/confirm";
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

  async function save(active: boolean, done: string): Promise<ConfirmOutcome> {
    setPending(true);
    setMessage(null);
    const res = await updateUserAction({ id: user.id, ...roleFields, active }).catch(() => null);
    setPending(false);
    if (!res) {
      setMessage({ tone: "error", text: UNREACHABLE });
      return { ok: false, message: UNREACHABLE };
    }
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      setMessage({ tone: "error", text: res.message });
      return { ok: false, message: res.message };
    }
    setErrors({});
    setMessage({ tone: "ok", text: res.data.changed === false ? "No changes: nothing to save." : done });
    router.refresh();
    return { ok: true };
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
        {user.active ? (
          <ConfirmButton
            label={`Disable ${user.name}`}
            triggerVariant="danger"
            disabled={pending}
            title={`Disable ${user.name}?`}
            description="They cannot sign in any more, and an open session is refused on its next click. You can enable them again later."
            confirmLabel="Disable"
            pendingLabel="Disabling…"
            onConfirm={() => save(false, `${user.name} is disabled.`)}
          />
        ) : (
          <Button
            type="button"
            variant="secondary"
            disabled={pending}
            onClick={() => void save(true, `${user.name} is enabled.`)}
          >
            {`Enable ${user.name}`}
          </Button>
        )}
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
