import Link from "next/link";

export function NoAccess({ what }: { what: string }) {
  return (
    <div className="rounded-lg border border-amber-200 bg-white p-8 text-center shadow-sm">
      <h1 className="text-lg font-semibold text-slate-900">No access</h1>
      <p className="mt-2 text-sm text-slate-600">
        {what} is not part of your role. Ask channel operations if you need it.
      </p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand-600 hover:underline">
        Go to your home
      </Link>
    </div>
  );
}
