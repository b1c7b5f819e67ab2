/** Why a submission failed, inside the form that failed; announced when it appears. */
export function FormError({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="rounded-md border border-critical/30 bg-critical-soft px-3 py-2 text-sm text-critical">
      {error.message}
    </p>
  );
}
