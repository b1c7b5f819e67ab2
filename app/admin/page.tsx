export default function AdminOverviewPage() {
  return (
    <main className="p-6">
      <h1 className="text-xl font-semibold">Khaacho Monitor</h1>
    </main>
  );
}
